package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.security.Role;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;

/**
 * A new version of a plan, end to end over HTTP against the real (embedded) database: recognised at import with its
 * differences, published in place of the old one with what was reported kept, refused when stale; and a different
 * plan with the same number, a warning only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlanVersionsIT {

    private static final String SEED = "seed/plans/001_16196319a76d78f9.txt";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    TestUsers users;
    @Autowired
    ObjectMapper json;

    record Answer(int status, String text, JsonNode body) {
    }

    @BeforeEach
    void clean() {
        data.resetPlans();
        data.ensureUnits();
    }

    RestClient http(String user) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, "dxgov-demo")).build();
    }

    Answer upload(String user, String filename, String text) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return http(user).post().uri("/api/v1/imports").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((req, res) -> read(res.getStatusCode().value(), res.getBody().readAllBytes()));
    }

    Answer call(String user, HttpMethod method, String path, String body) {
        var spec = http(user).method(method).uri(path);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> read(res.getStatusCode().value(), res.getBody().readAllBytes()));
    }

    private Answer read(int status, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode body = null;
        if (text.startsWith("{") || text.startsWith("[")) {
            body = json.readTree(text);
        }
        return new Answer(status, text, body);
    }

    static String seed() throws IOException {
        return new ClassPathResource(SEED).getContentAsString(StandardCharsets.UTF_8);
    }

    /** A target whose value is written once, as a whole number, on a line that holds no other target. */
    static JsonNode targetToChange(JsonNode targets, String[] lines) {
        for (JsonNode t : targets) {
            if (!t.hasNonNull("value") || !t.hasNonNull("sourceLine") || t.get("value").decimalValue().scale() > 0
                    && t.get("value").decimalValue().stripTrailingZeros().scale() > 0) {
                continue;
            }
            int line = t.get("sourceLine").asInt();
            long sameLine = 0;
            for (JsonNode o : targets) {
                if (o.hasNonNull("sourceLine") && o.get("sourceLine").asInt() == line) {
                    sameLine++;
                }
            }
            String value = t.get("value").decimalValue().stripTrailingZeros().toPlainString();
            if (sameLine == 1 && line >= 1 && line <= lines.length && occurrences(lines[line - 1], value) == 1
                    && t.get("splits").isEmpty()) {
                return t;
            }
        }
        throw new AssertionError("no target of the document has a value written once on its own line");
    }

    static int occurrences(String line, String number) {
        Matcher m = Pattern.compile("(?<![\\d.,])" + Pattern.quote(number) + "(?![\\d]|[.,]\\d)").matcher(line);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String changeValue(String line, String number, String to) {
        return line.replaceFirst("(?<![\\d.,])" + Pattern.quote(number) + "(?![\\d]|[.,]\\d)", to);
    }

    /** A task whose row is a table row with its lead agency alone in a cell, and the lead of another task. */
    record LeadChange(JsonNode task, int line, String from, String to) {
    }

    static LeadChange leadToChange(JsonNode tasks, String[] lines) {
        List<String> leads = new ArrayList<>();
        tasks.forEach(t -> t.get("lead").forEach(l -> leads.add(l.asText())));
        for (JsonNode t : tasks) {
            if (!t.hasNonNull("sourceLine") || t.get("lead").size() != 1) {
                continue;
            }
            int line = t.get("sourceLine").asInt();
            String lead = t.get("lead").get(0).asText();
            String row = line >= 1 && line <= lines.length ? lines[line - 1] : "";
            List<String> cells = List.of(row.split("\t"));
            if (cells.size() < 3 || cells.stream().filter(c -> c.trim().equals(lead)).count() != 1) {
                continue;
            }
            String other = leads.stream().filter(l -> !l.equals(lead) && !row.contains(l)).findFirst().orElse(null);
            if (other != null) {
                return new LeadChange(t, line, lead, other);
            }
        }
        throw new AssertionError("no task row with a lead agency alone in its cell");
    }

    static JsonNode byId(JsonNode items, long id) {
        for (JsonNode n : items) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        return null;
    }

    long audits(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Long.class).single();
    }

    @Test
    void aNewVersionIsShownAsItsDifferencesAndReplacesTheOldOneKeepingWhatWasReported() throws Exception {
        String original = seed();
        String[] lines = original.split("\n", -1);
        Answer first = upload("steering", "plan.txt", original);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        long v1 = first.body().get("planId").asLong();
        assertThat(first.body().get("report").get("version").isNull()).isTrue();
        assertThat(call("steering", HttpMethod.POST, "/api/v1/plans/" + v1 + "/publish", null).status()).isEqualTo(200);
        JsonNode targets = first.body().get("targets");
        JsonNode tasks = first.body().get("tasks");

        // what the document changes: one target's value, one task's lead agency
        JsonNode changedTarget = targetToChange(targets, lines);
        String oldValue = changedTarget.get("value").decimalValue().stripTrailingZeros().toPlainString();
        String newValue = String.valueOf(Integer.parseInt(oldValue) + 7);
        LeadChange lead = leadToChange(tasks, lines);
        String[] changed = lines.clone();
        int targetLine = changedTarget.get("sourceLine").asInt() - 1;
        changed[targetLine] = changeValue(changed[targetLine], oldValue, newValue);
        changed[lead.line() - 1] = changed[lead.line() - 1].replace("\t" + lead.from(), "\t" + lead.to());
        String revised = String.join("\n", changed);

        // what was reported against an unchanged target and an unchanged task
        JsonNode keptTarget = null;
        for (JsonNode t : targets) {
            if (t.get("id").asLong() != changedTarget.get("id").asLong()) {
                keptTarget = t;
                break;
            }
        }
        long keptTargetId = keptTarget.get("id").asLong();
        long indicatorId = jdbc.sql("select indicator_id from target where id = ?").param(keptTargetId).query(Long.class).single();
        String type = jdbc.sql("select value_type from indicator where id = ?").param(indicatorId).query(String.class).single();
        String figure = "RATIO".equals(type) ? "\"numerator\": 41, \"denominator\": 50" : "\"value\": 1";
        Answer posted = call("steering", HttpMethod.POST, "/api/v1/data-values",
                "[{\"indicatorId\": " + indicatorId + ", \"unitCode\": \"38\", \"period\": \"2024\", " + figure + "}]");
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        long keptTaskId = -1;
        for (JsonNode t : tasks) {
            if (t.get("id").asLong() != lead.task().get("id").asLong() && !t.get("leadAgencies").isEmpty()) {
                keptTaskId = t.get("id").asLong();
                jdbc.sql("""
                        insert into task_progress (task_id, period, agency_id, status, percent_complete, narrative)
                        values (?, '2024', ?, 'IN_PROGRESS', 40, 'Đã triển khai tại 20 xã')""")
                        .params(keptTaskId, t.get("leadAgencies").get(0).get("id").asLong()).update();
                break;
            }
        }
        long changedTaskId = lead.task().get("id").asLong();
        jdbc.sql("""
                insert into task_progress (task_id, period, agency_id, status, percent_complete)
                values (?, '2024', ?, 'DONE', 100)""")
                .params(changedTaskId, lead.task().get("leadAgencies").get(0).get("id").asLong()).update();

        // the revised document: a draft version with exactly these two differences
        Answer second = upload("steering", "plan-sua-doi.txt", revised);
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        long v2 = second.body().get("planId").asLong();
        assertThat(second.body().get("status").asText()).isEqualTo("DRAFT");
        JsonNode version = second.body().get("report").get("version");
        assertThat(version.get("basePlanId").asLong()).isEqualTo(v1);
        assertThat(version.get("versionNo").asInt()).isEqualTo(2);
        assertThat(version.get("recognisedBy").asText()).isEqualTo("TEXT");
        assertThat(version.get("similarity").asDouble()).isGreaterThan(PlanSimilarity.NEAR_IDENTICAL);
        JsonNode vt = version.get("targets");
        assertThat(vt.get("added")).isEmpty();
        assertThat(vt.get("removed")).isEmpty();
        assertThat(vt.get("unchanged").asInt()).isEqualTo(targets.size() - 1);
        assertThat(vt.get("changed")).hasSize(1);
        JsonNode tc = vt.get("changed").get(0);
        assertThat(tc.get("oldId").asLong()).isEqualTo(changedTarget.get("id").asLong());
        assertThat(tc.get("fields")).hasSize(1);
        assertThat(tc.get("fields").get(0).get("field").asText()).isEqualTo("VALUE");
        assertThat(tc.get("fields").get(0).get("before").asText()).endsWith(oldValue);
        assertThat(tc.get("fields").get(0).get("after").asText()).endsWith(newValue);
        JsonNode vk = version.get("tasks");
        assertThat(vk.get("added")).isEmpty();
        assertThat(vk.get("removed")).isEmpty();
        assertThat(vk.get("unchanged").asInt()).isEqualTo(tasks.size() - 1);
        assertThat(vk.get("changed")).hasSize(1);
        JsonNode kc = vk.get("changed").get(0);
        assertThat(kc.get("oldId").asLong()).isEqualTo(changedTaskId);
        assertThat(kc.get("fields")).hasSize(1);
        assertThat(kc.get("fields").get(0).get("field").asText()).isEqualTo("LEAD");
        assertThat(kc.get("fields").get(0).get("after").asText()).isEqualTo(lead.to());
        assertThat(second.body().get("report").get("notes").toString()).contains("version.of");

        // the review page shows the differences in Vietnamese
        Answer page = call("steering", HttpMethod.GET, "/plans/" + v2, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"version-diff\"").contains("Phiên bản mới của một kế hoạch đã có")
                .contains("Giá trị").contains("Cơ quan chủ trì").contains(lead.to())
                .contains("Thay đổi: 1 · Không đổi: " + (targets.size() - 1))
                .contains("Thay đổi: 1 · Không đổi: " + (tasks.size() - 1));

        // another draft revising the same plan, and another province that sees none of it
        String[] third = lines.clone();
        third[lead.line() - 1] = third[lead.line() - 1] + " ";
        third[targetLine] = changeValue(third[targetLine], oldValue, String.valueOf(Integer.parseInt(oldValue) + 3));
        Answer stale = upload("steering", "plan-du-thao-khac.txt", String.join("\n", third));
        assertThat(stale.status()).as(stale.text()).isEqualTo(201);
        long v2b = stale.body().get("planId").asLong();
        assertThat(stale.body().get("report").get("version").get("basePlanId").asLong()).isEqualTo(v1);
        String other = users.ensure("steer-hn", UUID.randomUUID().toString().substring(0, 8), Role.STEERING, null, "01");
        assertThat(call(other, HttpMethod.GET, "/api/v1/plans/" + v2, null).status()).isEqualTo(404);
        assertThat(call(other, HttpMethod.POST, "/api/v1/plans/" + v2 + "/publish", null).status()).isEqualTo(404);
        assertThat(call(other, HttpMethod.GET, "/plans/" + v2, null).status()).isEqualTo(404);

        List<Long> schedulesOfV1 = jdbc.sql("select id from reporting_schedule where plan_id = ? and active").param(v1)
                .query(Long.class).list();

        // publishing it, twice at once: one replacement
        CompletableFuture<Answer> a = CompletableFuture.supplyAsync(() -> call("steering", HttpMethod.POST, "/api/v1/plans/" + v2 + "/publish", null));
        CompletableFuture<Answer> b = CompletableFuture.supplyAsync(() -> call("steering", HttpMethod.POST, "/api/v1/plans/" + v2 + "/publish", null));
        assertThat(a.get().status()).as(a.get().text()).isEqualTo(200);
        assertThat(b.get().status()).as(b.get().text()).isEqualTo(200);
        assertThat(audits("plan.supersede")).isEqualTo(1);
        assertThat(audits("plan.publish")).isEqualTo(2); // v1, then v2 once

        JsonNode old = call("steering", HttpMethod.GET, "/api/v1/plans/" + v1, null).body();
        JsonNode current = call("steering", HttpMethod.GET, "/api/v1/plans/" + v2, null).body();
        assertThat(old.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(current.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(current.get("targets")).hasSize(targets.size());
        assertThat(current.get("tasks")).hasSize(tasks.size());
        // one current plan: the list has the new version only
        List<Long> listed = new ArrayList<>();
        call("steering", HttpMethod.GET, "/api/v1/plans", null).body().forEach(p -> listed.add(p.get("id").asLong()));
        assertThat(listed).contains(v2).doesNotContain(v1);
        // the old plan's reporting schedule (its periods and reports) goes on under the new version, alone active
        for (long schedule : schedulesOfV1) {
            assertThat(jdbc.sql("select plan_id from reporting_schedule where id = ? and active").param(schedule)
                    .query(Long.class).single()).isEqualTo(v2);
        }
        assertThat(jdbc.sql("select count(*) from reporting_schedule where plan_id = ? and active").param(v2)
                .query(Integer.class).single()).isEqualTo(schedulesOfV1.isEmpty() ? 1 : schedulesOfV1.size());
        assertThat(jdbc.sql("select count(*) from reporting_schedule where plan_id = ?").param(v1).query(Integer.class)
                .single()).isZero();
        // a viewer reads the history too
        assertThat(call("viewer", HttpMethod.GET, "/api/v1/plans/" + v1, null).status()).isEqualTo(200);

        // the unchanged target and task kept their ids, now in the new version, with what was reported
        assertThat(byId(current.get("targets"), keptTargetId)).isNotNull();
        assertThat(jdbc.sql("select indicator_id from target where id = ?").param(keptTargetId).query(Long.class).single())
                .isEqualTo(indicatorId);
        assertThat(jdbc.sql("select count(*) from data_value where indicator_id = ?").param(indicatorId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(byId(current.get("tasks"), keptTaskId)).isNotNull();
        assertThat(jdbc.sql("select t.plan_id from task_progress p join task t on t.id = p.task_id where p.task_id = ?")
                .param(keptTaskId).query(Long.class).single()).isEqualTo(v2);
        // the changed target: the old value stays in the old version, the new one is in the new version
        JsonNode oldTarget = byId(old.get("targets"), changedTarget.get("id").asLong());
        assertThat(oldTarget.get("value").decimalValue()).isEqualByComparingTo(oldValue);
        JsonNode newTarget = byId(current.get("targets"), tc.get("newId").asLong());
        assertThat(newTarget.get("value").decimalValue()).isEqualByComparingTo(newValue);
        // the changed task's progress stays with the old task, in the old version
        assertThat(byId(old.get("tasks"), changedTaskId)).isNotNull();
        assertThat(jdbc.sql("select t.plan_id from task_progress p join task t on t.id = p.task_id where p.task_id = ?")
                .param(changedTaskId).query(Long.class).single()).isEqualTo(v1);

        // the old version's page says what replaced it
        Answer oldPage = call("steering", HttpMethod.GET, "/plans/" + v1, null);
        assertThat(oldPage.text()).contains("Đã được thay thế bởi phiên bản 2 ngày ")
                .containsPattern("ngày \\d{2}/\\d{2}/\\d{4} \\(kế hoạch #" + v2 + "\\)");

        // the old version and the stale draft are not published any more
        Answer again = call("steering", HttpMethod.POST, "/api/v1/plans/" + v1 + "/publish", null);
        assertThat(again.status()).isEqualTo(409);
        Answer late = call("steering", HttpMethod.POST, "/api/v1/plans/" + v2b + "/publish", null);
        assertThat(late.status()).as(late.text()).isEqualTo(409);
        assertThat(late.body().get("message").asText()).contains("#" + v1).contains("#" + v2);
        assertThat(call("steering", HttpMethod.GET, "/api/v1/plans/" + v2b, null).body().get("status").asText())
                .isEqualTo("DRAFT");
    }

    static String thanhHoaPlan(String title, List<String> targets, List<String> taskRows) {
        StringBuilder b = new StringBuilder("""
                **ỦY BAN NHÂN DÂN TỈNH THANH HÓA**

                Số: 125/KH-UBND

                *Thanh Hóa, ngày 05 tháng 3 năm 2024*

                # KẾ HOẠCH %s

                ## I. MỤC ĐÍCH, YÊU CẦU

                1. Cụ thể hóa các mục tiêu, nhiệm vụ về %s, bảo đảm các nhiệm vụ được giao có cơ quan chủ trì.

                ## II. MỤC TIÊU

                ### 2. Mục tiêu cụ thể năm 2024

                """.formatted(title, title.toLowerCase()));
        targets.forEach(t -> b.append("- ").append(t).append("\n"));
        b.append("""

                ## III. NHIỆM VỤ

                | Nhiệm vụ | Mã | Thời gian | Đơn vị chủ trì | Đơn vị phối hợp | Kết quả |
                |---|---|---|---|---|---|
                """);
        taskRows.forEach(r -> b.append(r).append("\n"));
        return b.toString();
    }

    @Test
    void anotherPlanWithTheSameNumberIsAWarningAndReplacesNothing() {
        String digital = thanhHoaPlan("Chuyển đổi số tỉnh Thanh Hóa năm 2024", List.of(
                        "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình đạt tối thiểu 50%.",
                        "Tỷ trọng kinh tế số đạt 12% GRDP.",
                        "Có thêm 150 doanh nghiệp công nghệ số."),
                List.of("| Nâng cấp mạng truyền số liệu chuyên dùng | 1 | 2024 | Sở Thông tin và Truyền thông | Các sở, ngành | |",
                        "| Số hóa sổ hộ tịch | 2 | 2024 - 2025 | Sở Tư pháp | UBND cấp xã | |"));
        String tourism = thanhHoaPlan("Phát triển du lịch cộng đồng vùng miền núi năm 2024", List.of(
                        "Đón 300 nghìn lượt khách đến các bản du lịch cộng đồng.",
                        "Mỗi huyện miền núi có ít nhất 2 điểm du lịch cộng đồng đạt chuẩn OCOP.",
                        "Doanh thu từ du lịch cộng đồng tăng 15% so với năm 2023."),
                List.of("| Xây dựng bộ tiêu chí homestay đạt chuẩn | 1 | 2024 | Sở Văn hóa, Thể thao và Du lịch | UBND các huyện miền núi | |",
                        "| Đào tạo kỹ năng đón khách cho hộ gia đình | 2 | 2024 | Sở Lao động - Thương binh và Xã hội | Hội Nông dân tỉnh | |"));
        Answer first = upload("steering", "ke-hoach-125.md", digital);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        long a = first.body().get("planId").asLong();
        assertThat(first.body().get("number").asText()).isEqualTo("125/KH-UBND");
        assertThat(call("steering", HttpMethod.POST, "/api/v1/plans/" + a + "/publish", null).status()).isEqualTo(200);

        Answer second = upload("steering", "ke-hoach-125-du-lich.md", tourism);
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        long b = second.body().get("planId").asLong();
        assertThat(b).isNotEqualTo(a);
        JsonNode report = second.body().get("report");
        assertThat(report.get("version").isNull()).isTrue();
        JsonNode warning = null;
        for (JsonNode n : report.get("notes")) {
            if ("number.taken".equals(n.get("code").asText())) {
                warning = n;
            }
        }
        assertThat(warning).as(report.toString()).isNotNull();
        assertThat(warning.get("severity").asText()).isEqualTo("WARNING");
        assertThat(warning.get("message").asText()).contains("Đã có văn bản khác cùng số hiệu 125/KH-UBND")
                .contains("(kế hoạch #" + a + ")");
        assertThat(report.get("summary").get("warnings").asInt()).isPositive();
        Answer page = call("steering", HttpMethod.GET, "/plans/" + b, null);
        assertThat(page.text()).contains("id=\"plan-same-number\"").contains("Đã có văn bản khác cùng số hiệu 125/KH-UBND")
                .contains("(kế hoạch #" + a + ")").doesNotContain("id=\"version-diff\"");

        // publishing it replaces nothing: both plans are current
        assertThat(call("steering", HttpMethod.POST, "/api/v1/plans/" + b + "/publish", null).status()).isEqualTo(200);
        assertThat(call("steering", HttpMethod.GET, "/api/v1/plans/" + a, null).body().get("status").asText())
                .isEqualTo("PUBLISHED");
        assertThat(audits("plan.supersede")).isZero();

        // the first plan with one target changed is a version of it, recognised whatever its number says
        Answer revised = upload("steering", "ke-hoach-125-sua.md", digital.replace("tối thiểu 50%", "tối thiểu 60%"));
        assertThat(revised.status()).as(revised.text()).isEqualTo(201);
        JsonNode version = revised.body().get("report").get("version");
        assertThat(version.get("basePlanId").asLong()).isEqualTo(a);
        assertThat(version.get("targets").get("changed")).hasSize(1);
        assertThat(version.get("tasks").get("unchanged").asInt()).isEqualTo(2);
        // and the tourism plan's warning names the other plan, not the version
        assertThat(revised.body().get("report").get("notes").toString()).contains("(kế hoạch #" + b + ")");
    }
}
