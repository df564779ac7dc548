package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.support.TestData;

/**
 * A plan whose appendix is a target table with value columns (the real Phụ lục I of 03/NQ-CP, under a provincial
 * plan's header made for the test) is stored with each value as a number and, as written, in the target's text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TargetTableImportIT {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void clean() {
        data.resetPlans();
        data.ensureUnits();
    }

    @Test
    void valuesOfATargetTableAreStoredAsNumbersAndKeptAsWrittenInTheText() throws IOException {
        String appendix = new ClassPathResource("corpus/targets/nq03-phu-luc-i-chi-tieu.md").getContentAsString(StandardCharsets.UTF_8);
        String plan = "**ỦY BAN NHÂN DÂN TỈNH THANH HÓA**\n\nSố: 57/KH-UBND\n\n*Thanh Hóa, ngày 10 tháng 02 năm 2025*\n\n"
                + "# KẾ HOẠCH Thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Thanh Hóa\n\n## I. MỤC TIÊU\n\n"
                + "Thực hiện các chỉ tiêu tại Phụ lục.\n\n## II. TỔ CHỨC THỰC HIỆN\n\nCác sở, ngành triển khai.\n" + appendix;
        JsonNode imported = upload("ke-hoach-57.md", plan.getBytes(StandardCharsets.UTF_8));
        JsonNode stored = get("/api/v1/plans/" + imported.get("planId").asLong()).get("targets");
        assertThat(stored).hasSize(58);

        JsonNode economy = find(stored, "Quy mô kinh tế số (% GDP): ≥ 30");
        assertThat(economy.get("kind").asText()).isEqualTo("PERCENT");
        assertThat(economy.get("value").decimalValue()).isEqualByComparingTo("30");
        assertThat(economy.get("unit").asText()).isEqualTo("% GDP");
        assertThat(economy.get("deadlineYear").asInt()).isEqualTo(2030);

        JsonNode vision = find(stored, "Quy mô kinh tế số (% GDP): ≥ 50");
        assertThat(vision.get("deadlineYear").asInt()).isEqualTo(2045);

        JsonNode qualitative = find(stored, "Trình độ, năng lực công nghệ, đổi mới sáng tạo của doanh nghiệp");
        assertThat(qualitative.get("kind").asText()).isEqualTo("YES_NO");
        assertThat(qualitative.get("text").asText()).endsWith(": Đạt mức trên trung bình của thế giới");

        JsonNode range = find(stored, "Làm chủ một số công nghệ chíp");
        assertThat(range.get("value").decimalValue()).isEqualByComparingTo("20");
        assertThat(range.get("text").asText()).endsWith("(%): 20% - 50%");
    }

    @Test
    void anAppendixAloneWithoutItsDocumentTypeIsImportedAsAPlanToReview() throws IOException {
        // the real appendix on its own: no "NGHỊ QUYẾT"/"KẾ HOẠCH" heading (once a 500 when the plan was stored)
        byte[] appendix = new ClassPathResource("corpus/targets/nq03-phu-luc-i-chi-tieu.md").getContentAsByteArray();
        JsonNode imported = upload("phu-luc-i.md", appendix);
        assertThat(imported.get("type").asText()).isEqualTo("PLAN");
        assertThat(imported.get("targets")).hasSize(58);
        assertThat(imported.get("report").get("notes").toString()).contains("TYPE_MISSING");
    }

    private JsonNode upload(String filename, byte[] bytes) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return RestClient.create("http://localhost:" + port).post().uri("/api/v1/imports")
                .headers(h -> h.setBasicAuth("steering", "dxgov-demo"))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((req, res) -> {
                    assertThat(res.getStatusCode().value()).isEqualTo(201);
                    return json.readTree(res.getBody());
                });
    }

    private JsonNode get(String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(h -> h.setBasicAuth("steering", "dxgov-demo"))
                .exchange((req, res) -> json.readTree(res.getBody()));
    }

    private static JsonNode find(JsonNode array, String prefix) {
        for (JsonNode n : array) {
            if (n.get("text") != null && n.get("text").asText().startsWith(prefix)) {
                return n;
            }
        }
        throw new AssertionError("no target starting with " + prefix);
    }
}
