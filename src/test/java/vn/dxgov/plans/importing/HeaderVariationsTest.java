package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dxgov.plans.PlanType;

/**
 * Synthetic variations of the header rules the real corpus shows (RealDocumentHeadersTest): issuing bodies of every
 * level, other provinces and numbers, a resolution that names itself in its first sentence, an appendix whose number
 * is left blank, web copies with the header broken over lines and the site's own lines around it.
 */
class HeaderVariationsTest {

    private static final List<String> PROVINCES = List.of("Nghệ An", "Cà Mau", "Lào Cai", "Quảng Ngãi", "Thanh Hóa");
    private static final String BODY = """
            I. MỤC ĐÍCH, YÊU CẦU
            1. Mục đích
            - Đẩy mạnh chuyển đổi số trên địa bàn.
            II. MỤC TIÊU
            - Đến năm 2025, 100% hồ sơ công việc được xử lý trên môi trường mạng.
            """;

    static ParsedPlan parse(String text) {
        return TestDocuments.parse("synthetic.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Header lines of the issuing body, the place of signing, the expected issuer, level and province. */
    static Stream<Arguments> issuers() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("ĐẢNG CỘNG SẢN VIỆT NAM\nBAN CHẤP HÀNH TRUNG ƯƠNG\n*", "Hà Nội", "Ban Chấp hành Trung ương",
                DocumentLevel.NATIONAL, null));
        out.add(Arguments.of("CHÍNH PHỦ", "Hà Nội", "Chính phủ", DocumentLevel.NATIONAL, null));
        out.add(Arguments.of("CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Nội", "Chính phủ", DocumentLevel.NATIONAL, null));
        out.add(Arguments.of("THỦ TƯỚNG CHÍNH PHỦ", "Hà Nội", "Thủ tướng Chính phủ", DocumentLevel.NATIONAL, null));
        out.add(Arguments.of("QUỐC HỘI", "Hà Nội", "Quốc hội", DocumentLevel.NATIONAL, null));
        out.add(Arguments.of("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Hà Nội", "Bộ Khoa học và Công nghệ", DocumentLevel.NATIONAL, null));
        out.add(Arguments.of("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Hà Nội", "Bộ Văn hóa, Thể thao và Du lịch",
                DocumentLevel.NATIONAL, null));
        out.add(Arguments.of("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI", "Hà Nội", "UBND thành phố Hà Nội", DocumentLevel.PROVINCE,
                "Hà Nội"));
        for (String p : PROVINCES) {
            String caps = p.toUpperCase(java.util.Locale.forLanguageTag("vi"));
            out.add(Arguments.of("TỈNH ỦY " + caps, p, "Tỉnh ủy " + p, DocumentLevel.PROVINCE, p));
            out.add(Arguments.of("HĐND TỈNH " + caps, p, "HĐND tỉnh " + p, DocumentLevel.PROVINCE, p));
            out.add(Arguments.of("ỦY BAN NHÂN DÂN\nTỈNH " + caps, p, "UBND tỉnh " + p, DocumentLevel.PROVINCE, p));
            out.add(Arguments.of("UBND TỈNH " + caps + "\nSỞ KHOA HỌC VÀ CÔNG NGHỆ", p, "Sở Khoa học và Công nghệ",
                    DocumentLevel.PROVINCE, p));
        }
        out.add(Arguments.of("ỦY BAN NHÂN DÂN\nHUYỆN SƠN TỊNH", "Sơn Tịnh", "UBND huyện Sơn Tịnh", DocumentLevel.DISTRICT,
                "Quảng Ngãi"));
        out.add(Arguments.of("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THANH HÓA", "Thanh Hóa", "UBND thành phố Thanh Hóa",
                DocumentLevel.DISTRICT, "Thanh Hóa"));
        out.add(Arguments.of("UBND XÃ TỊNH TRÀ", "Tịnh Trà", "UBND xã Tịnh Trà", DocumentLevel.COMMUNE, "Quảng Ngãi"));
        out.add(Arguments.of("ĐẢNG ỦY PHƯỜNG CẨM THÀNH", "Cẩm Thành", "Đảng ủy phường Cẩm Thành", DocumentLevel.COMMUNE,
                "Quảng Ngãi"));
        out.add(Arguments.of("ỦY BAN NHÂN DÂN\nĐẶC KHU LÝ SƠN", "Lý Sơn", "UBND đặc khu Lý Sơn", DocumentLevel.COMMUNE,
                "Quảng Ngãi"));
        return out.stream();
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("issuers")
    void issuerLevelAndProvinceOfEveryLevel(String bodyLines, String place, String issuer, DocumentLevel level,
                                            String province) {
        // a local document names its province in the title when its place is not one ("... tỉnh Quảng Ngãi")
        String where = province == null || place.equals(province) ? "" : " trên địa bàn tỉnh " + province;
        String text = bodyLines + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/KH-XX\n"
                + place + ", ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nChuyển đổi số năm 2025" + where + "\n" + BODY;
        ParsedPlan plan = parse(text);
        assertThat(plan.issuer()).isEqualTo(issuer);
        assertThat(plan.level()).isEqualTo(level);
        assertThat(plan.provinceName()).isEqualTo(province);
        assertThat(plan.number()).isEqualTo("15/KH-XX");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2025, 3, 5));
    }

    /** A resolution with no "Số:" block that names itself in its first sentence, in the ways such texts write it. */
    static Stream<Arguments> openings() {
        Random random = new Random(57);
        List<Arguments> out = new ArrayList<>();
        String[] issuers = {"Bộ Chính trị", "Ban Chấp hành Trung ương", "Ban Bí thư"};
        for (int i = 0; i < 6; i++) {
            int n = 10 + random.nextInt(80);
            LocalDate d = LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String issuer = issuers[i % issuers.length];
            String date = switch (i % 3) {
                case 0 -> "(ngày " + d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear() + ")";
                case 1 -> "ngày " + d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
                default -> "ngày " + d.getDayOfMonth() + " tháng " + d.getMonthValue() + " năm " + d.getYear();
            };
            out.add(Arguments.of("Nghị quyết số " + n + "-NQ/TW " + date + " của " + issuer
                    + " về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", n + "-NQ/TW", d,
                    issuer));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openings")
    void numberDateAndIssuerFromTheOpeningSentence(String opening, String number, LocalDate date, String issuer) {
        ParsedPlan plan = parse(opening + "\nI- TÌNH HÌNH VÀ NGUYÊN NHÂN\nNhững năm qua, chuyển đổi số đạt nhiều kết quả.\n"
                + "II- MỤC TIÊU\n- Đến năm 2030, quy mô kinh tế số đạt tối thiểu 30% GDP.\n");
        assertThat(plan.type()).isEqualTo(PlanType.RESOLUTION);
        assertThat(plan.number()).isEqualTo(number);
        assertThat(plan.issuedOn()).isEqualTo(date);
        assertThat(plan.issuer()).isEqualTo(issuer);
        assertThat(plan.level()).isEqualTo(DocumentLevel.NATIONAL);
        assertThat(plan.provinceName()).isNull();
    }

    @Test
    void aCitedDocumentIsNeverTheDocumentsOwnNumber() {
        for (String p : PROVINCES) {
            ParsedPlan plan = parse("KẾ HOẠCH\nChuyển đổi số tỉnh " + p + "\nThực hiện Nghị quyết số 13-NQ/TU ngày 06/9/2023 "
                    + "của Ban Thường vụ Tỉnh ủy, UBND tỉnh " + p + " ban hành Kế hoạch như sau:\n" + BODY);
            assertThat(plan.number()).isNull();
            assertThat(plan.issuedOn()).isNull();
            assertThat(plan.implementsRef().number()).isEqualTo("13-NQ/TU");
            assertThat(plan.implementsRef().date()).isEqualTo(LocalDate.of(2023, 9, 6));
            assertThat(plan.issuer()).isEqualTo("UBND tỉnh " + p);
            assertThat(plan.provinceName()).isEqualTo(p);
        }
    }

    @Test
    void aCommunePlanThatDeploysAResolutionNamedWithoutSo() {
        for (String commune : List.of("Tịnh Trà", "Tịnh Hà", "Tịnh Bắc")) {
            String caps = commune.toUpperCase(java.util.Locale.forLanguageTag("vi"));
            ParsedPlan plan = parse("ỦY BAN NHÂN DÂN\nXÃ " + caps + "\nSố: 07/KH-UBND\n" + commune
                    + ", ngày 02 tháng 6 năm 2025\nKẾ HOẠCH\nChuyển đổi số xã " + commune + " năm 2025\n"
                    + "Để triển khai Nghị quyết 57-NQ/TW của Bộ Chính trị, UBND xã " + commune + " ban hành Kế hoạch như sau:\n"
                    + BODY);
            assertThat(plan.issuer()).isEqualTo("UBND xã " + commune);
            assertThat(plan.level()).isEqualTo(DocumentLevel.COMMUNE);
            assertThat(plan.implementsRef().number()).isEqualTo("57-NQ/TW");
            assertThat(plan.implementsRef().issuer()).isEqualTo("Bộ Chính trị");
        }
    }

    @Test
    void aGovernmentHeaderTableInWord() {
        byte[] docx = new DocxBuilder()
                .table(List.of(List.of("CHÍNH PHỦ\n-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
                        List.of("Số: 03/NQ-CP", "Hà Nội, ngày 09 tháng 01 năm 2025")))
                .paragraph("NGHỊ QUYẾT")
                .paragraph("Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 "
                        + "năm 2024 của Bộ Chính trị")
                .paragraph("CHÍNH PHỦ")
                .paragraph("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;")
                .paragraph("QUYẾT NGHỊ:")
                .paragraph("Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.")
                .bytes();
        ParsedPlan plan = TestDocuments.parse("nq03.docx", docx);
        assertThat(plan.number()).isEqualTo("03/NQ-CP");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2025, 1, 9));
        assertThat(plan.issuer()).isEqualTo("Chính phủ");
        assertThat(plan.level()).isEqualTo(DocumentLevel.NATIONAL);
        assertThat(plan.provinceName()).isNull();
        assertThat(plan.implementsRef().number()).isEqualTo("57-NQ/TW");
    }

    @Test
    void aPolitburoHeaderWithThePartyOnTheRight() {
        ParsedPlan plan = parse("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 57-NQ/TW\nĐẢNG CỘNG SẢN VIỆT NAM\n"
                + "Hà Nội, ngày 22 tháng 12 năm 2024\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề đột phá phát triển khoa học, công nghệ, "
                + "đổi mới sáng tạo và chuyển đổi số quốc gia\nI- TÌNH HÌNH VÀ NGUYÊN NHÂN\n" + BODY);
        assertThat(plan.number()).isEqualTo("57-NQ/TW");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2024, 12, 22));
        assertThat(plan.issuer()).isEqualTo("Bộ Chính trị");
        assertThat(plan.level()).isEqualTo(DocumentLevel.NATIONAL);
        assertThat(plan.provinceName()).isNull();
    }

    @Test
    void theNumberIsNeverTakenFromAnAppendixThatLeavesItBlank() {
        String appendix = "CHƯƠNG TRÌNH HÀNH ĐỘNG\nCỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW\n"
                + "(Kèm theo Nghị quyết số      /NQ-CP ngày    tháng    năm 2025 của Chính phủ)\n" + BODY;
        ParsedPlan withHeader = parse("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                + "Số: 03/NQ-CP\nHà Nội, ngày 09 tháng 01 năm 2025\nNGHỊ QUYẾT\nBan hành Chương trình hành động của Chính phủ "
                + "thực hiện Nghị quyết số 57-NQ/TW\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\nQUYẾT NGHỊ:\n"
                + "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.\n" + appendix);
        assertThat(withHeader.number()).isEqualTo("03/NQ-CP");
        assertThat(withHeader.issuedOn()).isEqualTo(LocalDate.of(2025, 1, 9));
        assertThat(withHeader.issuer()).isEqualTo("Chính phủ");
        assertThat(withHeader.provinceName()).isNull();

        ParsedPlan appendixOnly = parse(appendix);
        assertThat(appendixOnly.number()).isNull();
        assertThat(appendixOnly.issuedOn()).isNull();
        assertThat(appendixOnly.issuer()).isEqualTo("Chính phủ");
        assertThat(appendixOnly.level()).isEqualTo(DocumentLevel.NATIONAL);
        assertThat(appendixOnly.notes()).anyMatch(n -> n.code().equals("NUMBER_BLANK"));
    }

    @Test
    void aPdfLineWithNumberPlaceAndDateTogether() {
        ParsedPlan plan = parse("CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                + "Số: 71/NQ-CP Hà Nội, ngày 01 tháng 4 năm 2025\nNGHỊ QUYẾT\nSửa đổi, bổ sung, cập nhật Chương trình hành động\n"
                + BODY);
        assertThat(plan.number()).isEqualTo("71/NQ-CP");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(plan.issuer()).isEqualTo("Chính phủ");
        assertThat(plan.provinceName()).isNull();
    }

    @Test
    void aPlanImplementingTheGovernmentsProgrammeNamedWithoutItsNumber() {
        ParsedPlan plan = parse("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 20/KH-UBND\nNghệ An, ngày 10 tháng 02 năm 2025\nKẾ HOẠCH\n"
                + "Thực hiện Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ "
                + "Chính trị\n" + BODY);
        DocumentReference ref = plan.implementsRef();
        assertThat(ref.type()).isEqualTo(PlanType.PROGRAMME);
        assertThat(ref.issuer()).isEqualTo("Chính phủ");
        assertThat(ref.number()).isNull();
        assertThat(ref.text()).contains("57-NQ/TW");
    }

    /** A web copy: site lines around the text, header cells broken at any space, "Số:" and the date on two lines. */
    @Test
    void webCopiesWithBrokenHeadersAndSiteLines() {
        Random random = new Random(11);
        for (String p : PROVINCES) {
            int n = 1 + random.nextInt(900);
            LocalDate d = LocalDate.of(2021 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String caps = p.toUpperCase(java.util.Locale.forLanguageTag("vi"));
            String[] placeWords = p.split(" ", 2);
            String dateLines = random.nextBoolean()
                    ? p + ", ngày\n" + String.format("%02d tháng %02d năm %d", d.getDayOfMonth(), d.getMonthValue(), d.getYear())
                    : placeWords[0] + "\n" + placeWords[1] + ", ngày " + d.getDayOfMonth() + " tháng " + d.getMonthValue()
                    + " năm " + d.getYear();
            String text = "Trang chủ > Văn bản pháp luật > Công nghệ thông tin\nTải văn bản\nLược đồ\n"
                    + "ỦY\nBAN NHÂN DÂN\nTỈNH " + caps + "\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    + "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố:\n" + n + "/KH-UBND\n|\n" + dateLines + "\n|\n"
                    + "KẾ HOẠCH\nVăn bản liên quan\nChuyển đổi số tỉnh " + p + " năm " + d.getYear() + "\nHiệu lực: Còn hiệu lực\n"
                    + "Mục lục\n" + BODY;
            ParsedPlan plan = parse(text);
            assertThat(plan.number()).as(text).isEqualTo(n + "/KH-UBND");
            assertThat(plan.issuedOn()).as(text).isEqualTo(d);
            assertThat(plan.issuer()).as(text).isEqualTo("UBND tỉnh " + p);
            assertThat(plan.title()).as(text).isEqualTo("Chuyển đổi số tỉnh " + p + " năm " + d.getYear());
            assertThat(plan.provinceName()).isEqualTo(p);
            assertThat(plan.level()).isEqualTo(DocumentLevel.PROVINCE);
        }
    }

    @Test
    void theSitesMetadataIsOnlyAFallback() {
        String metadata = "Số hiệu: 45/KH-UBND\nNgày ban hành: 12/05/2025\nCơ quan ban hành: UBND tỉnh Cà Mau\n"
                + "Loại văn bản: Kế hoạch\n";
        ParsedPlan onlyMetadata = parse(metadata + "Căn cứ Luật Tổ chức chính quyền địa phương;\n" + BODY);
        assertThat(onlyMetadata.type()).isEqualTo(PlanType.PLAN);
        assertThat(onlyMetadata.number()).isEqualTo("45/KH-UBND");
        assertThat(onlyMetadata.issuedOn()).isEqualTo(LocalDate.of(2025, 5, 12));
        assertThat(onlyMetadata.issuer()).isEqualTo("UBND tỉnh Cà Mau");
        assertThat(onlyMetadata.provinceName()).isEqualTo("Cà Mau");

        ParsedPlan withHeader = parse(metadata + "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 46/KH-UBND\nCà Mau, ngày 13 tháng 5 năm 2025\n"
                + "KẾ HOẠCH\nChuyển đổi số năm 2025\n" + BODY);
        assertThat(withHeader.number()).isEqualTo("46/KH-UBND");
        assertThat(withHeader.issuedOn()).isEqualTo(LocalDate.of(2025, 5, 13));
    }
}
