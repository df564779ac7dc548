package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;

/**
 * What the reporting integration tests share: seeds imported through the API as the steering department, users
 * with a random suffix (agencies are recreated by every reset), calls through HTTP Basic, and running code as a user.
 */
abstract class ReportingSupport {

    static final String PASSWORD = "dxgov-demo";
    static final String SEED_001 = "seed/plans/001_16196319a76d78f9.txt";
    static final String SEED_002 = "seed/plans/002_26a007337e16e28d.txt";
    static final String SEED_004 = "seed/plans/004_0476a1d53eff913d.txt";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reporting reporting;
    @Autowired
    UserDirectory users;
    @Autowired
    TestUsers testUsers;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    record Answer(int status, JsonNode body) {
        String text() {
            return body == null ? "" : body.toString();
        }
    }

    Answer call(String user, String method, String path, Object body) {
        var spec = RestClient.create("http://localhost:" + port).method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBasicAuth(user, PASSWORD));
        if (body != null) {
            spec = spec.contentType(body instanceof LinkedMultiValueMap ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_JSON)
                    .body(body);
        }
        return spec.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            JsonNode node = null;
            if (bytes.length > 0) {
                try {
                    node = json.readTree(bytes);
                } catch (RuntimeException e) {
                    node = json.getNodeFactory().textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return new Answer(res.getStatusCode().value(), node);
        });
    }

    /** Imports a seed document through the API as the steering department; returns the plan id. */
    long importSeed(String resource, String filename, boolean publish) throws IOException {
        byte[] seed = new ClassPathResource(resource).getContentAsByteArray();
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(seed) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        Answer imported = call("steering", "POST", "/api/v1/imports", form);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        long planId = imported.body().get("planId").asLong();
        if (publish) {
            assertThat(call("steering", "POST", "/api/v1/plans/" + planId + "/publish", null).status()).isEqualTo(200);
        }
        return planId;
    }

    /** A user of this test run (names carry a random suffix: agencies and their ids change with every reset). */
    String user(String name, Role role, Long agencyId) {
        return testUsers.ensure(name, run, role, agencyId);
    }

    /**
     * Logs in through the login form of a MockMvc (the class's, with {@code @AutoConfigureMockMvc}); the session
     * carries the user.
     */
    static MockHttpSession login(MockMvc mvc, String username) throws Exception {
        MvcResult r = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).as("login of " + username).doesNotContain("error");
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    <T> T as(String username, Supplier<T> work) {
        return testUsers.as(username, work);
    }

    void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    /** Every required line of a report filled in: values for targets, a status for tasks. */
    static ReportInput complete(ReportForm form) {
        List<ReportInput.TargetValue> values = form.targets().stream().filter(l -> l.required() && !l.locked())
                .map(l -> l.ratio() ? new ReportInput.TargetValue(l.targetId(), null, BigDecimal.valueOf(45), BigDecimal.valueOf(50), null, l.split(), null)
                        : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? BigDecimal.ONE : BigDecimal.valueOf(12), null, null, null, l.split(), null))
                .toList();
        List<ReportInput.TaskProgress> progress = form.tasks().stream().filter(ReportForm.TaskLine::required)
                .map(l -> new ReportInput.TaskProgress(l.taskId(), TaskProgressStatus.IN_PROGRESS, 60, "Đang triển khai theo kế hoạch"))
                .toList();
        return new ReportInput("Cơ quan đã triển khai các nhiệm vụ được giao.", values, progress);
    }

    Submission fillAndSubmit(long periodId, long agencyId) {
        Submission s = reporting.open(periodId, agencyId);
        reporting.save(s.id(), complete(reporting.form(s.id())));
        return reporting.submit(s.id());
    }

    int audits(String action, long entityId) {
        return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ?")
                .params(action, Long.toString(entityId)).query(Integer.class).single();
    }
}
