package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dxgov.plans.PlanType;

/**
 * The header facts of real public documents of every level (src/test/resources/corpus, sources in its README): each
 * expectation is what the source itself states (its "Số:" line, its date line, its header block, its metadata block,
 * its "Thực hiện ..." sentence). Then synthetic variations built here show that the rules are not tuned to these
 * excerpts: other provinces, other numbers, headers broken over lines as web copies break them.
 */
class RealDocumentHeadersTest {

    /** What a source states about itself; null where it says nothing (or leaves the number blank). */
    record Expected(String file, PlanType type, String number, LocalDate date, String issuer, DocumentLevel level,
                    String province) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> corpus() {
        return Stream.of(
                new Expected("nq57-tw-apag-metadata.txt", PlanType.RESOLUTION, "57-NQ/TW", LocalDate.of(2024, 12, 22),
                        "Bộ Chính trị", DocumentLevel.NATIONAL, null),
                new Expected("nq80-cp-thuvienphapluat.txt", PlanType.RESOLUTION, "80/NQ-CP", LocalDate.of(2011, 5, 19),
                        "Chính phủ", DocumentLevel.NATIONAL, null),
                new Expected("nq223-cp-hethongphapluat.txt", PlanType.RESOLUTION, "223/NQ-CP", LocalDate.of(2025, 7, 31),
                        "Chính phủ", DocumentLevel.NATIONAL, null),
                new Expected("kh186-bacninh-nhansu.txt", PlanType.PLAN, "186/KH-UBND", LocalDate.of(2025, 12, 29),
                        "UBND tỉnh Bắc Ninh", DocumentLevel.PROVINCE, "Bắc Ninh"),
                new Expected("kh121-quangngai-nhansu.txt", PlanType.PLAN, "121/KH-UBND", LocalDate.of(2025, 12, 31),
                        "UBND tỉnh Quảng Ngãi", DocumentLevel.PROVINCE, "Quảng Ngãi"),
                new Expected("kh43-vinhlong-thuviennhadat.txt", PlanType.PLAN, "43/KH-UBND", LocalDate.of(2022, 6, 6),
                        "UBND tỉnh Vĩnh Long", DocumentLevel.PROVINCE, "Vĩnh Long"),
                new Expected("kh383-tiengiang-thuvienphapluat.txt", PlanType.PLAN, "383/KH-UBND", LocalDate.of(2022, 12, 7),
                        "UBND tỉnh Tiền Giang", DocumentLevel.PROVINCE, "Tiền Giang"),
                new Expected("kh1914-haiduong-thuvienphapluat.txt", PlanType.PLAN, "1914/KH-UBND", LocalDate.of(2023, 6, 5),
                        "UBND tỉnh Hải Dương", DocumentLevel.PROVINCE, "Hải Dương"),
                new Expected("kh328-tiengiang-vanbanphapluat.txt", PlanType.PLAN, "328/KH-UBND", LocalDate.of(2019, 10, 8),
                        "UBND tỉnh Tiền Giang", DocumentLevel.PROVINCE, "Tiền Giang"),
                new Expected("kh-xa-tinhtra-quangngai.txt", PlanType.PLAN, null, LocalDate.of(2024, 4, 26),
                        "UBND xã Tịnh Trà", DocumentLevel.COMMUNE, "Quảng Ngãi"),
                new Expected("kh130-thanhhoa-hethongphapluat.txt", PlanType.PLAN, "130/KH-UBND", LocalDate.of(2025, 6, 27),
                        "UBND tỉnh Thanh Hóa", DocumentLevel.PROVINCE, "Thanh Hóa"),
                new Expected("ctr-btv-tinhuy-nq57-baomoi.txt", PlanType.PROGRAMME, null, null,
                        "Ban Thường vụ Tỉnh ủy", DocumentLevel.PROVINCE, null));
    }

    static ParsedPlan corpusPlan(String file) {
        return TestDocuments.parse(file, TestDocuments.resource("/corpus/" + file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void headerFactsAreThoseTheSourceStates(Expected e) {
        ParsedPlan plan = corpusPlan(e.file());
        assertThat(plan.type()).isEqualTo(e.type());
        assertThat(plan.number()).isEqualTo(e.number());
        assertThat(plan.issuedOn()).isEqualTo(e.date());
        assertThat(plan.issuer()).isEqualTo(e.issuer());
        assertThat(plan.level()).isEqualTo(e.level());
        assertThat(plan.provinceName()).isEqualTo(e.province());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void noSiteNoiseOrHeaderWordsBecomeTitleOrIssuer(Expected e) {
        ParsedPlan plan = corpusPlan(e.file());
        for (String s : new String[] {plan.title(), plan.issuer()}) {
            if (s != null) {
                assertThat(s.toLowerCase()).doesNotContain("cộng hòa", "chủ nghĩa", "hệ thống pháp luật", "tiện ích", "|",
                        "số hiệu", "loại văn bản");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aNationalDocumentHasNoProvinceAndSaysWhy(Expected e) {
        ParsedPlan plan = corpusPlan(e.file());
        List<String> codes = plan.notes().stream().map(ImportNote::code).toList();
        if (e.level() == DocumentLevel.NATIONAL) {
            assertThat(codes).contains("PROVINCE_NONE").doesNotContain("PROVINCE_MISSING");
        } else {
            assertThat(codes).doesNotContain("PROVINCE_NONE");
        }
    }

    @Test
    void theImplementedDocumentIsTheOneAfterThucHienWithItsNumberDateAndIssuer() {
        assertReference(corpusPlan("kh-xa-tinhtra-quangngai.txt").implementsRef(), PlanType.PLAN, "50/KH-UBND",
                LocalDate.of(2024, 3, 11), "UBND huyện Sơn Tịnh");
        assertReference(corpusPlan("kh130-thanhhoa-hethongphapluat.txt").implementsRef(), PlanType.DECISION, "923/QĐ-TTg",
                LocalDate.of(2025, 5, 14), "Thủ tướng Chính phủ");
        assertReference(corpusPlan("kh328-tiengiang-vanbanphapluat.txt").implementsRef(), PlanType.RESOLUTION, "17/NQ-CP",
                LocalDate.of(2019, 3, 7), "Chính phủ");
        assertReference(corpusPlan("ctr-btv-tinhuy-nq57-baomoi.txt").implementsRef(), PlanType.RESOLUTION, "57-NQ/TW",
                LocalDate.of(2024, 12, 22), "Bộ Chính trị");
    }

    @Test
    void aCitationBrokenOverLinesByAWebCopyIsStillRead() {
        // "Thực hiện Quyết định số" / "411/QĐ-TTg, ngày 31/3/2022 của Thủ tướng Chính phủ ..."
        assertReference(corpusPlan("kh43-vinhlong-thuviennhadat.txt").implementsRef(), PlanType.DECISION, "411/QĐ-TTg",
                LocalDate.of(2022, 3, 31), "Thủ tướng Chính phủ");
    }

    @Test
    void whatALegalBasisItselfImplementsIsNotWhatThePlanImplements() {
        // "Căn cứ Nghị quyết số 71/NQ-CP ... ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW;"
        DocumentReference ref = corpusPlan("kh186-bacninh-nhansu.txt").implementsRef();
        assertThat(ref == null ? null : ref.number()).isNotEqualTo("57-NQ/TW");
    }

    static void assertReference(DocumentReference ref, PlanType type, String number, LocalDate date, String issuer) {
        assertThat(ref).isNotNull();
        assertThat(ref.type()).isEqualTo(type);
        assertThat(ref.number()).isEqualTo(number);
        assertThat(ref.date()).isEqualTo(date);
        assertThat(ref.issuer()).isEqualTo(issuer);
    }

    static ParsedPlan parse(String text) {
        return TestDocuments.parse("synthetic.txt", text.getBytes(StandardCharsets.UTF_8));
    }
}
