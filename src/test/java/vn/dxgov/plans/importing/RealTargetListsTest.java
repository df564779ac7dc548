package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.dxgov.plans.importing.ParsedTarget.Origin;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetKind;

/**
 * Target lists and tables of real national documents (src/test/resources/corpus/targets, sources in its README):
 * every target and value the source prints comes out, with its unit, comparison, range and deadline; then the same
 * tables in other formats, column orders and header words.
 */
class RealTargetListsTest {

    static final String NQ03_APPENDIX = "nq03-phu-luc-i-chi-tieu.md";

    /**
     * What Phụ lục I of the action programme prints, row by row: code | kind | comparison | value | upper end of a
     * range | unit | deadline (the section row above it: "Đến năm 2030", "Đến năm 2045").
     */
    static final List<String> NQ03_EXPECTED = List.of(
            "1|YES_NO|EQUAL|1||-|2030", "2|YES_NO|EQUAL|1||-|2030", "3|YES_NO|EQUAL|1||-|2030",
            "4a|RANK|AT_MOST|3||hạng|2030", "4b|RANK|AT_MOST|50||hạng|2030",
            "5a|RANK|AT_MOST|3||hạng|2030", "5b|RANK|AT_MOST|50||hạng|2030",
            "6|RANK|AT_MOST|3||hạng|2030",
            "7|COUNT|AT_LEAST|5||Doanh nghiệp|2030",
            "8|PERCENT|AT_LEAST|55||%|2030", "9|PERCENT|AT_LEAST|50||%|2030", "10|PERCENT|AT_LEAST|30||% GDP|2030",
            "11.1|PERCENT|AT_LEAST|80||%|2030", "11.2|PERCENT|AT_LEAST|90||%|2030", "11.3|PERCENT|AT_LEAST|100||%|2030",
            "11.4|PERCENT|AT_LEAST|100||%|2030", "11.5|PERCENT|AT_LEAST|80||%|2030", "11.6|PERCENT|AT_LEAST|80||%|2030",
            "11.7|PERCENT|AT_LEAST|70||%|2030", "11.8|PERCENT|AT_LEAST|30||%|2030", "11.9|PERCENT|AT_LEAST|50||%|2030",
            "11.10|PERCENT|AT_LEAST|100||%|2030", "11.11|PERCENT|AT_LEAST|100||%|2030",
            "11.12|PERCENT|AT_LEAST|100||%|2030",
            "12|PERCENT|AT_LEAST|80||%|2030", "13|PERCENT|AT_LEAST|40||%|2030",
            "14|COUNT|MORE_THAN|0.7||Chỉ số phát triển con người (HDI)|2030",
            "15|PERCENT|AT_LEAST|2||% GDP|2030", "16|PERCENT|MORE_THAN|60||%|2030",
            "17|PERCENT|AT_LEAST|3||% tổng chi NSNN|2030", "18|COUNT|AT_LEAST|12||Người/vạn dân|2030",
            "19|COUNT|AT_LEAST|40|50|Tổ chức|2030", "20|GROWTH_RATE|AT_LEAST|10||%/năm|2030",
            "21|GROWTH_RATE|AT_LEAST|16|18|%/năm|2030", "22|PERCENT|AT_LEAST|8|10|%|2030",
            "23|YES_NO|EQUAL|1||-|2030",
            "23.1|PERCENT|AT_LEAST|100||%|2030", "23.2|COUNT|AT_LEAST|9||Tuyến cáp quang biển|2030",
            "23.3|COUNT|AT_LEAST|350||Tbps|2030", "23.4|PERCENT|AT_LEAST|99||% dân số|2030",
            "24|COUNT|AT_LEAST|6||Thành phố, Tỉnh|2030", "25|COUNT|AT_LEAST|3||Tổ chức, doanh nghiệp|2030",
            "26|PERCENT|AT_LEAST|100||%|2030", "27|PERCENT|AT_LEAST|100||%|2030",
            "28|COUNT|AT_LEAST|5||Sàn dữ liệu|2030", "29|COUNT|AT_LEAST|3||Trung tâm dữ liệu quốc gia|2030",
            "30|PERCENT|AT_LEAST|95||%|2030", "31|PERCENT|AT_LEAST|70||%|2030", "32|PERCENT|AT_LEAST|95||%|2030",
            "33|RANK|AT_MOST|10||hạng|2030", "34|COUNT|AT_LEAST|1||Cơ sở|2030", "35|PERCENT|AT_LEAST|50||%|2030",
            "36|PERCENT|AT_LEAST|50||% GDP|2045", "37|RANK|AT_MOST|30||hạng|2045",
            "38|COUNT|AT_LEAST|1||Số doanh nghiệp/1000 dân|2045", "39|COUNT|AT_LEAST|10||Doanh nghiệp|2045",
            "40|COUNT|AT_LEAST|5||Tổ chức, doanh nghiệp|2045", "41|PERCENT|AT_LEAST|20|50|%|2045");

    // ------------------------------------------------------------------ Phụ lục I of 03/NQ-CP, as published

    @Test
    void everyRowOfTheGovernmentsTargetAppendixWithItsValueUnitAndDeadline() {
        ParsedPlan p = TestDocuments.parse(NQ03_APPENDIX, corpus(NQ03_APPENDIX));
        assertThat(p.targets()).extracting(RealTargetListsTest::describe).containsExactlyElementsOf(NQ03_EXPECTED);
        assertThat(p.targets()).allSatisfy(t -> {
            assertThat(t.origin()).isEqualTo(Origin.APPENDIX_TABLE);
            assertThat(t.leadText()).as(t.code()).isNotBlank();
        });
    }

    @Test
    void theDigitalEconomyRowIsANumberWithItsUnitNotAYesNoTarget() {
        ParsedTarget economy = byCode(TestDocuments.parse(NQ03_APPENDIX, corpus(NQ03_APPENDIX)), "10");
        assertThat(economy.kind()).isEqualTo(TargetKind.PERCENT);
        assertThat(economy.comparison()).isEqualTo(Comparison.AT_LEAST);
        assertThat(economy.value()).isEqualByComparingTo("30");
        assertThat(economy.unit()).isEqualTo("% GDP");
        assertThat(economy.valueText()).isEqualTo("≥ 30");
        assertThat(economy.text()).isEqualTo("Quy mô kinh tế số (% GDP): ≥ 30");
        assertThat(economy.leadText()).isEqualTo("Bộ Thông tin và Truyền thông");
    }

    @Test
    void everyValueCellIsKeptAsWrittenInItsTargets() {
        String md = corpus(NQ03_APPENDIX);
        ParsedPlan p = TestDocuments.parse(NQ03_APPENDIX, md);
        List<List<String>> rows = markdownRows(md);
        int checked = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            String value = row.get(3);
            if (value.isEmpty()) {
                continue;
            }
            List<ParsedTarget> ofRow = p.targets().stream().filter(t -> row.get(0).equals(baseCode(t.code()))).toList();
            assertThat(ofRow).as(row.get(0)).isNotEmpty();
            assertThat(ofRow.stream().map(ParsedTarget::valueText).collect(Collectors.joining("; "))).isEqualTo(value);
            assertThat(ofRow).allSatisfy(t -> assertThat(t.text()).contains(t.valueText()).startsWith(
                    row.get(1).replaceAll("[.]$", "")));
            checked++;
        }
        assertThat(checked).isEqualTo(56); // every numbered row but the heading row 11
    }

    @Test
    void rankRowsBecomeOneTargetPerRegionWithItsQualifier() {
        ParsedPlan p = TestDocuments.parse(NQ03_APPENDIX, corpus(NQ03_APPENDIX));
        assertThat(List.of(byCode(p, "4a"), byCode(p, "4b")))
                .extracting(ParsedTarget::valueText, t -> t.value().intValue(), ParsedTarget::text)
                .containsExactly(
                        tuple("≤ 3 Đông Nam Á", 3, "Xếp hạng năng lực cạnh tranh số (Thứ bậc): ≤ 3 Đông Nam Á"),
                        tuple("≤ 50 Thế giới", 50, "Xếp hạng năng lực cạnh tranh số (Thứ bậc): ≤ 50 Thế giới"));
    }

    @Test
    void qualitativeValuesAreKeptAsTextAndNeverTurnedIntoNumbers() {
        ParsedPlan p = TestDocuments.parse(NQ03_APPENDIX, corpus(NQ03_APPENDIX));
        assertThat(List.of(byCode(p, "2"), byCode(p, "23"))).extracting(ParsedTarget::valueText, ParsedTarget::text)
                .containsExactly(
                        tuple("Đạt mức trên trung bình của thế giới",
                                "Trình độ, năng lực công nghệ, đổi mới sáng tạo của doanh nghiệp (Thứ bậc): Đạt mức trên trung bình của thế giới"),
                        tuple("Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng ngang tầm các nước tiên tiến",
                                "Hạ tầng số: Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng ngang tầm các nước tiên tiến"));
        assertThat(p.notes()).filteredOn(n -> n.code().equals("TARGET_QUALITATIVE")).hasSize(4);
    }

    @Test
    void rangesKeepTheLowerEndAsValueAndTheUpperEndBeside() {
        ParsedPlan p = TestDocuments.parse(NQ03_APPENDIX, corpus(NQ03_APPENDIX));
        ParsedTarget chips = byCode(p, "41");
        assertThat(chips.value()).isEqualByComparingTo("20");
        assertThat(chips.valueMax()).isEqualByComparingTo("50");
        assertThat(chips.text()).endsWith("(%): 20% - 50%");
        assertThat(p.notes()).filteredOn(n -> n.code().equals("TARGET_RANGE")).extracting(ImportNote::line)
                .containsExactly(byCode(p, "19").line(), byCode(p, "21").line(), byCode(p, "22").line(), chips.line());
    }

    @Test
    void subRowsUnderAHeadingRowWithoutValueAreTargetsThatKeepTheHeading() {
        ParsedPlan p = TestDocuments.parse(NQ03_APPENDIX, corpus(NQ03_APPENDIX));
        assertThat(p.targets()).extracting(ParsedTarget::code).doesNotContain("11");
        List<ParsedTarget> sub = p.targets().stream().filter(t -> t.code().startsWith("11.")).toList();
        assertThat(sub).hasSize(12).allSatisfy(t -> {
            assertThat(t.group()).isEqualTo("11. Chỉ tiêu về thực hiện thủ tục hành chính, dịch vụ công và chỉ đạo, "
                    + "điều hành, quản trị nội bộ trên môi trường điện tử");
            assertThat(t.sourceText()).startsWith(t.group()).contains("| " + t.code());
        });
        // row 23 has a value of its own: it is a target and the heading of 23.1 … 23.4
        assertThat(p.targets().stream().filter(t -> "23. Hạ tầng số".equals(t.group())).map(ParsedTarget::code))
                .containsExactly("23.1", "23.2", "23.3", "23.4");
    }

    // ------------------------------------------------------------------ the same table in other shapes

    @Test
    void theSameTableAsTabSeparatedTextAsDocxWithColumnsMovedAndOtherHeaderWords() {
        String md = corpus(NQ03_APPENDIX);
        List<String> expected = described(TestDocuments.parse(NQ03_APPENDIX, md));
        List<List<String>> rows = markdownRows(md);
        String caption = "PHỤ LỤC I\n\nDANH MỤC CÁC CHỈ TIÊU CỤ THỂ\n\n";

        assertThat(described(TestDocuments.parse("phu-luc.txt", caption + tsv(rows)))).isEqualTo(expected);

        List<List<String>> plain = rows.stream().map(r -> r.stream().map(c -> c.replace("**", "")).toList()).toList();
        DocxBuilder docx = new DocxBuilder().paragraph("PHỤ LỤC I").paragraph("DANH MỤC CÁC CHỈ TIÊU CỤ THỂ").table(plain);
        assertThat(described(TestDocuments.parse("phu-luc.docx", docx.bytes()))).isEqualTo(expected);

        // lead agency second, value before unit
        List<List<String>> moved = rows.stream().map(r -> List.of(r.get(0), r.get(4), r.get(1), r.get(3), r.get(2))).toList();
        assertThat(described(TestDocuments.parse("phu-luc.md", caption + markdown(moved)))).isEqualTo(expected);

        for (String[] words : new String[][] {{"Giá trị", "Đơn vị tính"}, {"Mục tiêu", "ĐVT"}, {"Kết quả cần đạt", "Đơn vị"}}) {
            List<List<String>> renamed = new ArrayList<>(rows);
            renamed.set(0, List.of("STT", "Nội dung chỉ tiêu", words[1], words[0], "Cơ quan chủ trì theo dõi, đánh giá"));
            assertThat(described(TestDocuments.parse("phu-luc.md", caption + markdown(renamed)))).as(words[0])
                    .isEqualTo(expected);
        }
    }

    @Test
    void aValueColumnNamingItsYearGivesTheDeadlineWhenNoSectionRowDoes() {
        List<List<String>> rows = markdownRows(corpus(NQ03_APPENDIX)).stream()
                .filter(r -> !r.get(1).startsWith("**Đến năm")).collect(Collectors.toCollection(ArrayList::new));
        rows.set(0, List.of("TT", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu đến năm 2030", "Cơ quan chủ trì"));
        ParsedPlan p = TestDocuments.parse("bang.md", markdown(rows));
        assertThat(p.targets()).hasSize(NQ03_EXPECTED.size()).allSatisfy(t -> assertThat(t.deadlineYear()).isEqualTo(2030));
        assertThat(byCode(p, "10").value()).isEqualByComparingTo("30");
    }

    /** A provincial table of another province with two value columns: each filled cell is a target of its year. */
    @Test
    void twoYearColumnsGiveTwoTargetsWithTheirDeadlinesAlsoUnderATwoRowHeader() {
        for (String province : List.of("Quảng Ngãi", "Lào Cai", "Cà Mau")) {
            int seed = province.length();
            int economy2025 = 10 + seed;
            int economy2030 = 25 + seed;
            String body = "| 1 | Tỷ trọng kinh tế số trong GRDP của tỉnh " + province + " | % GRDP | " + economy2025 + " | ≥ "
                    + economy2030 + " | Sở Tài chính |\n"
                    + "| 2 | Xếp hạng chỉ số chuyển đổi số cấp tỉnh (DTI) | Thứ hạng | | Top 10 cả nước | Sở Khoa học và Công nghệ |\n"
                    + "| 3 | Tỷ lệ hồ sơ trực tuyến toàn trình | % | từ 40 đến 50% | tối thiểu 80 | Văn phòng UBND tỉnh |\n"
                    + "| 4 | Chính quyền số của tỉnh | | | Nằm trong nhóm dẫn đầu | Sở Khoa học và Công nghệ |\n";
            String oneRow = "| TT | Chỉ tiêu | ĐVT | Năm 2025 | Năm 2030 | Cơ quan chủ trì |\n|---|---|---|---|---|---|\n" + body;
            String twoRows = "| TT | Chỉ tiêu | ĐVT | Mục tiêu | Mục tiêu | Cơ quan chủ trì |\n|---|---|---|---|---|---|\n"
                    + "| | | | Năm 2025 | Năm 2030 | |\n" + body;
            for (String table : List.of(oneRow, twoRows)) {
                ParsedPlan p = TestDocuments.parse("kh.md", "KẾ HOẠCH\n\nPhụ lục: CÁC CHỈ TIÊU\n\n" + table);
                assertThat(p.targets()).extracting(RealTargetListsTest::describe).containsExactly(
                        "1|PERCENT|AT_LEAST|" + economy2025 + "||% GRDP|2025",
                        "1|PERCENT|AT_LEAST|" + economy2030 + "||% GRDP|2030",
                        "2|RANK|AT_MOST|10||hạng|2030",
                        "3|PERCENT|AT_LEAST|40|50|%|2025",
                        "3|PERCENT|AT_LEAST|80||%|2030",
                        "4|YES_NO|EQUAL|1||-|2030");
                assertThat(p.targets().get(0).text()).isEqualTo("Tỷ trọng kinh tế số trong GRDP của tỉnh " + province
                        + " (% GRDP) năm 2025: " + economy2025);
                assertThat(p.targets().get(5).valueText()).isEqualTo("Nằm trong nhóm dẫn đầu");
            }
        }
    }

    /** A "Kết quả" column in words beside targets that state their own numbers: the numbers are the values. */
    @Test
    void aResultInWordsBesideATargetWithItsOwnNumberKeepsTheNumber() {
        String table = "| TT | Nội dung chỉ tiêu | Kết quả | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|---|\n"
                + "| 1 | Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến đạt 100% | Hệ thống một cửa điện tử vận hành | "
                + "Văn phòng UBND tỉnh | 2026 |\n"
                + "| 2 | Có 250 doanh nghiệp công nghệ số | | Sở Tài chính | 2027 |\n";
        ParsedPlan p = TestDocuments.parse("kh.md", "KẾ HOẠCH\n\nPhụ lục: CÁC CHỈ TIÊU\n\n" + table);
        assertThat(p.targets()).extracting(RealTargetListsTest::describe)
                .containsExactly("1|PERCENT|AT_LEAST|100||%|2026", "2|COUNT|AT_LEAST|250||doanh nghiệp công nghệ số|2027");
        assertThat(p.targets().get(0).text()).endsWith(": Hệ thống một cửa điện tử vận hành");
    }

    // ------------------------------------------------------------------ target lists written as sentences

    /** The 2030 targets of 57-NQ/TW as a news copy quotes them; its last sentence is cut off by the page ("Tỉ lệ s"). */
    static String nq57Sentences() {
        String line = corpus("nq57-muc-tieu-2030-tracuuquyhoach.txt").lines().filter(l -> l.startsWith("Đóng góp"))
                .findFirst().orElseThrow();
        return line.substring(0, line.lastIndexOf('.') + 1); // what the excerpt shows in full
    }

    static String resolution(String goals) {
        return "NGHỊ QUYẾT\n\nI. TÌNH HÌNH\n\nKết quả đạt được.\n\nII. MỤC TIÊU\n\n" + goals + "\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n"
                + "1. Nâng cao nhận thức.\n";
    }

    @Test
    void severalTargetsInOneSentenceOfTheResolutionEachKeepTheirValue() {
        String goals = "1. Mục tiêu đến năm 2030\n\n- " + nq57Sentences() + "\n\n- "
                + corpus("nq57-muc-tieu-2030-tracuuquyhoach.txt").lines()
                .filter(l -> l.startsWith("Mục tiêu hướng đến")).findFirst().orElseThrow() + "\n";
        ParsedPlan p = TestDocuments.parse("nq57.txt", resolution(goals));
        assertThat(p.targets()).extracting(ParsedTarget::text, ParsedTarget::kind, ParsedTarget::comparison,
                        t -> plain(t.value()), ParsedTarget::deadlineYear)
                .containsExactly(
                        tuple("Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế ở mức trên 55%",
                                TargetKind.PERCENT, Comparison.MORE_THAN, "55", 2030),
                        tuple("Tỉ trọng xuất khẩu sản phẩm công nghệ cao trên tổng giá trị hàng hóa xuất khẩu đạt tối thiểu 50%",
                                TargetKind.PERCENT, Comparison.AT_LEAST, "50", 2030),
                        tuple("Quy mô kinh tế số đạt tối thiểu 30% GDP", TargetKind.PERCENT, Comparison.AT_LEAST, "30", 2030),
                        tuple("Mục tiêu hướng đến tối thiểu có 5 doanh nghiệp công nghệ số ngang tầm các nước tiên tiến",
                                TargetKind.COUNT, Comparison.AT_LEAST, "5", 2030));
    }

    /** The same sentences broken over lines as web copies break them, under vision headings written four ways. */
    @Test
    void visionSectionsGiveTheirYearToTheirTargetsInEveryLayout() {
        String sentences = nq57Sentences();
        String broken = sentences.replace(" tăng trưởng", "\ntăng trưởng").replace(" đạt tối thiểu 50", "\nđạt tối thiểu 50");
        String vision2045 = sentences.replace("trên 55%", "trên 60%").replace("tối thiểu 50%", "tối thiểu 70%")
                .replace("30% GDP", "50% GDP");
        List<String> layouts = List.of(
                "2. Tầm nhìn đến năm 2045\n\n- " + vision2045 + "\n",
                "**TẦM NHÌN ĐẾN NĂM 2045:**\n\n" + vision2045 + "\n",
                "Tầm nhìn đến năm 2045: " + vision2045 + "\n",
                "2. Mục tiêu đến năm 2045\n\n- " + vision2045 + "\n",
                "2. Đến năm 2045\n\n- " + vision2045 + "\n",
                "- Đến năm 2045:\n\n- " + vision2045 + "\n");
        for (String vision : layouts) {
            for (String first : List.of(sentences, broken)) {
                String goals = "1. Mục tiêu đến năm 2030\n\n- " + first + "\n\n" + vision;
                ParsedPlan p = TestDocuments.parse("nq.md", resolution(goals));
                assertThat(p.targets()).as(vision).extracting(t -> plain(t.value()), ParsedTarget::deadlineYear)
                        .containsExactly(tuple("55", 2030), tuple("50", 2030), tuple("30", 2030),
                                tuple("60", 2045), tuple("70", 2045), tuple("50", 2045));
            }
        }
    }

    @Test
    void aResolutionsGoalParagraphsWithYearsInTheirFirstWords() {
        String news = corpus("nq52-muc-tieu-thanhnien.txt");
        String by2025 = news.lines().filter(l -> l.startsWith("Cụ thể, tới năm 2025")).findFirst().orElseThrow();
        String by2030 = news.lines().filter(l -> l.startsWith("Đến năm 2030, duy trì")).findFirst().orElseThrow();
        ParsedPlan p = TestDocuments.parse("nq52.txt", resolution("2. Mục tiêu cụ thể\n\n" + by2025 + "\n\n" + by2030 + "\n"));
        assertThat(p.targets().stream().filter(t -> t.kind() != TargetKind.YES_NO).toList())
                .extracting(ParsedTarget::kind, ParsedTarget::comparison, t -> plain(t.value()), ParsedTarget::deadlineYear)
                .containsExactly(
                        tuple(TargetKind.PERCENT, Comparison.AT_LEAST, "100", 2025), // internet phủ 100% các xã
                        tuple(TargetKind.PERCENT, Comparison.AT_LEAST, "20", 2025), // khoảng 20% GDP
                        tuple(TargetKind.GROWTH_RATE, Comparison.MORE_THAN, "7", 2025), // trên 7%/năm
                        tuple(TargetKind.COUNT, Comparison.AT_LEAST, "3", 2025), // ít nhất 3 đô thị thông minh
                        tuple(TargetKind.RANK, Comparison.AT_MOST, "40", 2030), // nhóm 40 nước dẫn đầu
                        tuple(TargetKind.PERCENT, Comparison.MORE_THAN, "30", 2030), // trên 30% GDP
                        tuple(TargetKind.GROWTH_RATE, Comparison.AT_LEAST, "7.5", 2030)); // khoảng 7,5%/năm
        assertThat(p.targets()).filteredOn(t -> t.kind() == TargetKind.YES_NO).extracting(ParsedTarget::text)
                .contains("Hoàn thành xây dựng chính phủ số", "Hình thành một số chuỗi đô thị thông minh");
    }

    /** A province's programme implementing 57-NQ/TW: seven targets in one sentence, then a budget target. */
    @Test
    void aProvincesTargetSentenceImplementingTheResolution() {
        List<String> paragraphs = corpus("dak-lak-ctr-57-vietnamnet.txt").lines().filter(l -> !l.isBlank()).toList();
        String goals = "1. Mục tiêu đến năm 2030\n\n- " + paragraphs.get(0) + "\n- " + paragraphs.get(2) + "\n";
        ParsedPlan p = TestDocuments.parse("ctr-dak-lak.txt", resolution(goals).replace("NGHỊ QUYẾT", "CHƯƠNG TRÌNH"));
        assertThat(p.targets()).allSatisfy(t -> assertThat(t.deadlineYear()).isEqualTo(2030));
        assertThat(p.targets().stream().filter(t -> t.kind() != TargetKind.YES_NO).toList())
                .extracting(ParsedTarget::kind, ParsedTarget::comparison, t -> plain(t.value()))
                .containsExactly(
                        tuple(TargetKind.PERCENT, Comparison.AT_LEAST, "42"), // TFP: từ 42% trở lên
                        tuple(TargetKind.PERCENT, Comparison.AT_LEAST, "30"), // kinh tế số: tối thiểu 30% GRDP
                        tuple(TargetKind.PERCENT, Comparison.MORE_THAN, "80"), // dịch vụ công trực tuyến: trên 80%
                        tuple(TargetKind.PERCENT, Comparison.AT_LEAST, "80"), // không dùng tiền mặt: 80%
                        tuple(TargetKind.PERCENT, Comparison.MORE_THAN, "30"), // doanh nghiệp ĐMST: trên 30%
                        tuple(TargetKind.PERCENT, Comparison.AT_LEAST, "3")); // ngân sách: ít nhất 3%
        assertThat(p.targets()).filteredOn(t -> t.kind() == TargetKind.YES_NO).hasSize(2); // the two "đạt mức" clauses
    }

    // ------------------------------------------------------------------ helpers

    static String describe(ParsedTarget t) {
        return t.code() + "|" + t.kind() + "|" + t.comparison() + "|" + plain(t.value()) + "|" + plain(t.valueMax()) + "|"
                + (t.unit() == null ? "-" : t.unit()) + "|" + t.deadlineYear();
    }

    static List<String> described(ParsedPlan p) {
        return p.targets().stream().map(t -> describe(t) + "|" + t.valueText() + "|" + t.leadText()).toList();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    static ParsedTarget byCode(ParsedPlan p, String code) {
        return p.targets().stream().filter(t -> code.equals(t.code())).findFirst().orElseThrow(() -> new AssertionError(code));
    }

    private static String baseCode(String code) {
        return code == null ? null : code.replaceAll("[a-z]$", "");
    }

    static String corpus(String name) {
        return new String(TestDocuments.resource("/corpus/targets/" + name), StandardCharsets.UTF_8);
    }

    /** The rows of the first markdown table of a text (header first, separator left out), cells trimmed. */
    static List<List<String>> markdownRows(String md) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : md.split("\n")) {
            if (!line.startsWith("|") || line.matches("^\\|[\\s|:-]+\\|?$")) {
                continue;
            }
            String inner = line.substring(1, line.lastIndexOf('|'));
            rows.add(Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList());
        }
        return rows;
    }

    static String markdown(List<List<String>> rows) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            s.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) {
                s.append("|").append("---|".repeat(rows.get(0).size())).append('\n');
            }
        }
        return s.toString();
    }

    private static String tsv(List<List<String>> rows) {
        UnaryOperator<String> unbold = c -> c.replace("**", "");
        return rows.stream().map(r -> r.stream().map(unbold).collect(Collectors.joining("\t")))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
