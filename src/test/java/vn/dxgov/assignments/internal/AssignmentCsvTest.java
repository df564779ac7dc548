package vn.dxgov.assignments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.dxgov.units.UnitLevel;

/** The assignment CSV reader on the bundled QĐ 969 file and on broken files, problem by row. */
class AssignmentCsvTest {

    static AssignmentCsv.Parsed parse(String text) {
        return AssignmentCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void qd969HasTwelveNamedDistrictsAndFourCommuneTranchesWhoseTotalIs477() throws IOException {
        byte[] bundled = new ClassPathResource(AssignmentSeeder.FILE).getContentAsByteArray();
        Path shared = Path.of("/work/shared/data/thanhhoa-qd969-2022-dx-assignments.csv");
        if (Files.exists(shared)) {
            assertThat(bundled).isEqualTo(Files.readAllBytes(shared));
        }
        AssignmentCsv.Parsed p = AssignmentCsv.parse(bundled);
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).extracting(r -> r.level() + " " + r.year() + " " + r.count())
                .containsExactly("DISTRICT 2025 12", "COMMUNE 2022 94", "COMMUNE 2023 132", "COMMUNE 2024 133",
                        "COMMUNE 2025 118");
        assertThat(p.rows().get(0).names()).hasSize(12).startsWith("TP Thanh Hóa", "TP Sầm Sơn", "TX Bỉm Sơn", "TX Nghi Sơn")
                .endsWith("Thường Xuân");
        assertThat(p.totals()).singleElement().satisfies(t -> {
            assertThat(t.level()).isEqualTo(UnitLevel.COMMUNE);
            assertThat(t.count()).isEqualTo(477);
            assertThat(t.fromYear()).isEqualTo(2022);
            assertThat(t.toYear()).isEqualTo(2025);
        });
    }

    @Test
    void quotedFieldsByteOrderMarkAndVietnameseWords() {
        AssignmentCsv.Parsed p = parse("\uFEFFlevel,year,units_to_complete_dx,unit_names,source\r\n"
                + "Cấp huyện,đến năm 2025,2,\"Hoằng Hoá; TX. Nghi Sơn\",\"QĐ 969, trang 3\"\r\n"
                + "XÃ,2023,1.000,,\r\n\r\n");
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).hasSize(2);
        assertThat(p.rows().get(0).names()).containsExactly("Hoằng Hoá", "TX. Nghi Sơn");
        assertThat(p.rows().get(0).source()).isEqualTo("QĐ 969, trang 3");
        assertThat(p.rows().get(1).level()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(p.rows().get(1).count()).isEqualTo(1000);
    }

    @Test
    void aQuotedFieldMayHoldLineBreaksAndDoubledQuotesAndRowsAreCountedAsRecords() {
        AssignmentCsv.Parsed p = parse("level,year,units_to_complete_dx,unit_names,source\n"
                + "huyện,2025,2,\"Hoằng Hoá;\nTX. Nghi Sơn\",\"QĐ 969 \"\"giao chỉ tiêu\"\",\ntrang 3\"\n"
                + "tỉnh,2024,1,,x\n");
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.names()).containsExactly("Hoằng Hoá", "TX. Nghi Sơn");
            assertThat(r.source()).isEqualTo("QĐ 969 \"giao chỉ tiêu\",\ntrang 3");
        });
        // the third row of the file, although it starts on its fifth line
        assertThat(p.problems()).containsExactly("dòng 3, cột level: \"tỉnh\" không phải cấp huyện hoặc cấp xã");
    }

    @Test
    void countsAreVietnameseNumbers() {
        AssignmentCsv.Parsed p = parse("""
                level,year,units_to_complete_dx,unit_names,source
                xã,2023,"1,5",,x
                xã,2024,1.3,,x
                """);
        // "1,5" is one and a half, not 15; "1.3" fits no Vietnamese number
        assertThat(p.problems()).containsExactly(
                "dòng 2, cột units_to_complete_dx: \"1,5\" không phải số nguyên",
                "dòng 3, cột units_to_complete_dx: “1.3” không phải là số viết kiểu Việt Nam: viết 1.300 (một nghìn ba trăm) "
                        + "hoặc 1,3 (một phẩy ba). Dấu chấm tách từng nhóm ba chữ số hàng nghìn, dấu phẩy là dấu thập phân.");
    }

    @Test
    void everyProblemIsNamedByRow() {
        AssignmentCsv.Parsed p = parse("""
                level,year,units_to_complete_dx,unit_names,source
                tỉnh,2023,5,,x
                xã,,5,,x
                xã,2024,-3,,x
                xã,2022,3,,x
                xã,2022,4,,x
                huyện,2024,1,A; B,x
                xã,2022-2025,10,,derived
                """);
        assertThat(p.problems()).containsExactly(
                "dòng 2, cột level: \"tỉnh\" không phải cấp huyện hoặc cấp xã",
                "dòng 3, cột year: \"\" không phải năm (2023, \"đến 2025\") hoặc tổng nhiều năm (\"2022-2025 total\")",
                "dòng 4, cột units_to_complete_dx: số đơn vị không được âm",
                "dòng 6: trùng cấp và năm với dòng 5",
                "dòng 7: nêu 2 đơn vị nhưng chỉ tiêu là 1",
                "dòng 8: tổng 2022-2025 là 10 nhưng cộng các năm được 3");
        assertThat(parse("").problems()).containsExactly("tệp trống");
        assertThat(parse("level,year\nxã,2023\n").problems()).singleElement().asString().startsWith("dòng 1: thiếu cột units_to_complete_dx");
        assertThat(parse("level,year,units_to_complete_dx\n\"xã,2023,1\n").problems()).singleElement().asString().contains("ngoặc kép");
        assertThat(List.of(AssignmentCsv.level("huyen"), AssignmentCsv.level("DISTRICT"), AssignmentCsv.level("xa"),
                AssignmentCsv.level("commune"))).containsExactly(UnitLevel.DISTRICT, UnitLevel.DISTRICT, UnitLevel.COMMUNE,
                UnitLevel.COMMUNE);
    }
}
