package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.support.TestData;

/** The import API end to end over HTTP against the real (embedded) database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    ObjectMapper json;
    @Autowired
    ImportRecovery recovery;

    record Answer(int status, JsonNode body) {
    }

    @BeforeEach
    void clean() {
        data.resetPlans();
        data.ensureUnits();
    }

    Answer upload(String user, String filename, byte[] bytes) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return RestClient.create("http://localhost:" + port).post().uri("/api/v1/imports")
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, "dxgov-demo");
                    }
                })
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), json.readTree(res.getBody())));
    }

    Answer get(String user, String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(h -> h.setBasicAuth(user, "dxgov-demo"))
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), json.readTree(res.getBody())));
    }

    static byte[] seed(String name) throws IOException {
        return new ClassPathResource("seed/plans/" + name).getContentAsByteArray();
    }

    @Test
    void importsSeed001WithAllTargetsAndTasks() throws IOException {
        Answer a = upload("steering", "001.txt", seed("001_16196319a76d78f9.txt"));
        assertThat(a.status()).isEqualTo(201);
        JsonNode b = a.body();
        assertThat(b.get("planId").asLong()).isPositive();
        assertThat(b.get("type").asText()).isEqualTo("PROGRAMME");
        assertThat(b.get("province").asText()).isEqualTo("Thanh Hóa");
        assertThat(b.get("targets")).hasSize(19);
        assertThat(b.get("tasks")).hasSize(103);
        long by2025 = 0, by2030 = 0;
        for (JsonNode t : b.get("targets")) {
            assertThat(t.get("lead")).isNotEmpty();
            assertThat(t.get("cooperating")).isNotEmpty();
            assertThat(t.get("kind").asText()).isIn("PERCENT", "COUNT", "RANK", "GROWTH_RATE", "MONEY", "YES_NO");
            assertThat(t.get("pillar").asText()).isIn("DIGITAL_GOVERNMENT", "DIGITAL_ECONOMY", "DIGITAL_SOCIETY", "FOUNDATION");
            if (t.get("deadlineYear").asInt() == 2025) by2025++;
            if (t.get("deadlineYear").asInt() == 2030) by2030++;
        }
        assertThat(by2025).isEqualTo(11);
        assertThat(by2030).isEqualTo(8);
        JsonNode digitalEconomy = find(b.get("targets"), "text", "Kinh tế số chiếm 20%");
        assertThat(digitalEconomy.get("value").decimalValue()).isEqualByComparingTo("20");
        assertThat(digitalEconomy.get("unit").asText()).isEqualTo("%");
        assertThat(digitalEconomy.get("lead").get(0).asText()).isEqualTo("Sở Kế hoạch và Đầu tư");
        JsonNode productivity = find(b.get("targets"), "text", "Năng suất lao động tăng bình quân hàng năm 9,6%");
        assertThat(productivity.get("kind").asText()).isEqualTo("GROWTH_RATE");
        assertThat(productivity.get("value").decimalValue()).isEqualByComparingTo("9.6");

        Map<String, Long> sections = new java.util.TreeMap<>();
        for (JsonNode t : b.get("tasks")) {
            sections.merge(t.get("section").asText(), 1L, Long::sum);
            assertThat(t.get("lead")).as(t.get("code").asText()).isNotEmpty();
        }
        assertThat(sections).containsOnlyKeys("I", "II", "III", "IV", "V", "VI", "VII");
        JsonNode iv21 = find(b.get("tasks"), "code", "IV.2.1");
        assertThat(iv21.get("lead").get(0).asText()).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(iv21.get("startYear").asInt()).isEqualTo(2021);
        assertThat(iv21.get("endYear").asInt()).isEqualTo(2022);
        assertThat(iv21.get("recurrence").isNull()).isTrue();
        assertThat(find(b.get("tasks"), "code", "I.2").get("recurrence").asText()).isEqualTo("ANNUAL");
        assertThat(find(b.get("tasks"), "code", "VII.4").get("endYear").asInt()).isEqualTo(2030);
        find(b.get("tasks"), "code", "V.2.1.3");
        assertThat(b.get("report").get("notes")).isNotEmpty();
        // stored: the plan reads back the same
        Answer plan = get("steering", "/api/v1/plans/" + b.get("planId").asLong());
        assertThat(plan.body().get("tasks")).hasSize(103);
        assertThat(plan.body().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void reimportingChangesNothing() throws IOException {
        byte[] doc = seed("002_26a007337e16e28d.txt");
        Answer first = upload("steering", "002.txt", doc);
        assertThat(first.status()).isEqualTo(201);
        int plans = count("plan"), targets = count("target"), agencies = count("agency"), audits = count("audit_event");
        Answer again = upload("steering", "002-copy.txt", doc);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("importStatus").asText()).isEqualTo("DUPLICATE");
        assertThat(again.body().get("planId").asLong()).isEqualTo(first.body().get("planId").asLong());
        assertThat(List.of(count("plan"), count("target"), count("agency"), count("audit_event")))
                .containsExactly(plans, targets, agencies, audits);
    }

    @Test
    void childPlanIsLinkedToItsParentWhicheverIsImportedFirst() throws IOException {
        Answer child = upload("steering", "001.txt", seed("001_16196319a76d78f9.txt"));
        Answer parent = upload("steering", "000.txt", seed("000_f654baa895e59210.txt"));
        long childId = child.body().get("planId").asLong();
        long parentId = parent.body().get("planId").asLong();
        assertThat(get("steering", "/api/v1/plans/" + childId).body().get("parentId").asLong()).isEqualTo(parentId);
        // the parent's text has no number; the child's citation supplies it
        assertThat(get("steering", "/api/v1/plans/" + parentId).body().get("number").asText()).isEqualTo("06-NQ/TU");
    }

    @Test
    void badFilesAreRefusedWithAMessageAndChangeNothing() {
        int before = count("plan");
        assertRefused(upload("steering", "empty.txt", new byte[0]), 400);
        assertRefused(upload("steering", "blank.txt", "  \n\t \n".getBytes(StandardCharsets.UTF_8)), 400);
        assertRefused(upload("steering", "garbage.bin", new byte[]{0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 0, 7, 8}), 415);
        assertRefused(upload("steering", "latin1.txt",
                "KẾ HOẠCH chuyển đổi số".getBytes(java.nio.charset.Charset.forName("windows-1258"))), 415);
        assertRefused(upload("steering", "recipe.txt",
                "Phở bò\nNguyên liệu: xương bò, bánh phở, hành, gừng.\nNinh xương 6 tiếng, chần bánh, chan nước dùng."
                        .getBytes(StandardCharsets.UTF_8)), 422);
        assertThat(count("plan")).isEqualTo(before);
    }

    @Test
    void oldWordAndOpenDocumentImportLikeTheirText() throws IOException {
        Answer doc = upload("steering", "ke-hoach.doc", new ClassPathResource("fixtures/seed-001.doc").getContentAsByteArray());
        assertThat(doc.status()).as(String.valueOf(doc.body())).isEqualTo(201);
        assertThat(doc.body().get("targets")).hasSize(19);
        assertThat(doc.body().get("tasks")).hasSize(103);
        assertThat(doc.body().get("province").asText()).isEqualTo("Thanh Hóa");
        String media = jdbc.sql("select source_media_type from plan where id = ?").param(doc.body().get("planId").asLong())
                .query(String.class).single();
        assertThat(media).isEqualTo("application/msword");
        // the same plan saved as .odt is the same text: a duplicate, nothing new
        Answer odt = upload("steering", "ke-hoach.odt",
                new ClassPathResource("fixtures/seed-001-libreoffice.odt").getContentAsByteArray());
        assertThat(odt.status()).isEqualTo(200);
        assertThat(odt.body().get("planId").asLong()).isEqualTo(doc.body().get("planId").asLong());
    }

    @Test
    void aSpreadsheetIsRefusedSayingWhatItIs() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("Chỉ tiêu").createRow(0).createCell(0).setCellValue("KẾ HOẠCH");
            wb.write(out);
        }
        Answer a = upload("steering", "chi-tieu.xlsx", out.toByteArray());
        assertRefused(a, 415);
        assertThat(a.body().get("message").asText()).contains("bảng tính").contains(".odt").contains("Không có gì được lưu");
    }

    @Test
    void tooLargeFilesAreRefused() {
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Answer a = upload("steering", "big.txt", big);
        assertRefused(a, 413);
        assertThat(a.body().get("message").asText()).contains("MB");
    }

    @Test
    void onlyTheSteeringDepartmentImports() throws IOException {
        assertRefused(upload("viewer", "001.txt", seed("001_16196319a76d78f9.txt")), 403);
        assertRefused(upload(null, "001.txt", seed("001_16196319a76d78f9.txt")), 401);
        assertThat(count("plan")).isZero();
    }

    private void assertRefused(Answer a, int status) {
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(status);
        assertThat(a.body().get("message").asText()).isNotBlank();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static JsonNode find(JsonNode array, String field, String prefix) {
        for (JsonNode n : array) {
            if (n.get(field) != null && n.get(field).asText().startsWith(prefix)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + " starting with " + prefix);
    }

    /**
     * Crash recovery: the imports this node was running when it died end FAILED at the next start, with a message to
     * send the document again; another node's import that is still young keeps running; a lost one of any node (older
     * than any import takes) and one from before the runner was recorded are failed too.
     */
    @Test
    void importsInterruptedByARestartEndFailedAtStartAndAnotherNodesRunningImportIsLeftAlone() {
        long mine = insertRunning(ImportRepository.RUNNER, "now()");
        long otherYoung = insertRunning("another-node", "now()");
        long otherLost = insertRunning("another-node", "now() - interval '2 hours'");
        long unknown = insertRunning(null, "now()");
        assertThat(recovery.recover()).isEqualTo(3);
        assertThat(statusOf(mine)).isEqualTo("FAILED");
        assertThat(statusOf(otherLost)).isEqualTo("FAILED");
        assertThat(statusOf(unknown)).isEqualTo("FAILED");
        assertThat(statusOf(otherYoung)).isEqualTo("RUNNING");
        assertThat(jdbc.sql("select message from plan_import where id = ?").param(mine).query(String.class).single())
                .contains("gián đoạn").contains("tải văn bản lên lại");
        assertThat(recovery.recover()).as("nothing more to recover").isZero();
    }

    private long insertRunning(String runner, String createdAt) {
        return jdbc.sql("insert into plan_import (status, step, filename, size_bytes, created_by, runner, created_at) "
                        + "values ('RUNNING', 'reading', 'x.docx', 10, 'steering', ?, " + createdAt + ") returning id")
                .param(runner).query(Long.class).single();
    }

    private String statusOf(long id) {
        return jdbc.sql("select status from plan_import where id = ?").param(id).query(String.class).single();
    }
}
