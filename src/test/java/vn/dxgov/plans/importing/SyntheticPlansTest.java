package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.dxgov.plans.PlanType;
import vn.dxgov.plans.importing.ImportNote.Severity;
import vn.dxgov.plans.importing.ParsedTarget.Origin;
import vn.dxgov.shared.Pillar;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.tasks.Recurrence;

/** Plans written for these tests, of other provinces and years, in other layouts than the seeds. */
class SyntheticPlansTest {

    static final String NGHE_AN_2024 = """
            **ỦY BAN NHÂN DÂN TỈNH NGHỆ AN**

            Số: 125/KH-UBND

            *Nghệ An, ngày 05 tháng 3 năm 2024*

            # KẾ HOẠCH Chuyển đổi số tỉnh Nghệ An năm 2024

            Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia;

            Thực hiện Nghị quyết số 09-NQ/TU ngày 14/02/2022 của Ban Thường vụ Tỉnh ủy Nghệ An về chuyển đổi số tỉnh Nghệ An đến năm 2025, định hướng đến năm 2030, UBND tỉnh ban hành Kế hoạch chuyển đổi số năm 2024 như sau:

            ## I. MỤC ĐÍCH, YÊU CẦU

            1. Cụ thể hóa các mục tiêu, nhiệm vụ của Nghị quyết số 09-NQ/TU, bảo đảm 100% các nhiệm vụ được giao có cơ quan chủ trì.

            ## II. MỤC TIÊU

            ### 1. Mục tiêu chung

            Phấn đấu đến hết năm 2024 tỉnh Nghệ An nằm trong nhóm 20 tỉnh, thành phố dẫn đầu cả nước về chuyển đổi số.

            ### 2. Mục tiêu cụ thể năm 2024

            **a) Chính quyền số**

            - Tỷ lệ hồ sơ xử lý trực tuyến toàn trình đạt tối thiểu 50%.
            - Tăng tỷ lệ thanh toán trực tuyến từ 30% năm 2023 lên 60%.
            - 100% cơ quan cấp tỉnh, 95% cấp huyện và 80% cấp xã sử dụng văn bản điện tử.

            **b) Kinh tế số**

            - Tỷ trọng kinh tế số đạt 12% GRDP.
            - Có thêm 150 doanh nghiệp công nghệ số.

            **c) Xã hội số**

            - Dưới 5% dân số trưởng thành chưa có điện thoại thông minh.
            - Vận hành tổng đài 1022 của tỉnh.

            ## III. NHIỆM VỤ

            | Nhiệm vụ | Mã | Thời gian | Đơn vị chủ trì | Đơn vị phối hợp | Kết quả |
            |---|---|---|---|---|---|
            | Phát triển hạ tầng số | 1 | | | | |
            | Nâng cấp mạng truyền số liệu chuyên dùng | 1.1 | Quý II/2024 | Sở Thông tin và Truyền thông | Viettel Nghệ An, VNPT Nghệ An | Kết nối 100% xã |
            | Triển khai camera giám sát giao thông | 1.2 | Hàng năm | Công an tỉnh | UBND các huyện, thành phố, thị xã | |
            | Phát triển dữ liệu số | 2 | | | | |
            | Số hóa sổ hộ tịch | 2.1 | 2024 - 2025 | Sở Tư pháp | UBND cấp xã | |
            | Làm sạch dữ liệu dân cư | 2.2 | | Công an tỉnh | Các sở, ngành | |

            ## IV. TỔ CHỨC THỰC HIỆN

            **1. Các sở, ban, ngành; UBND các huyện, thành phố, thị xã**

            - Báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông trước ngày 15/6 và 15/11 hàng năm.

            **2. Sở Thông tin và Truyền thông**

            - Định kỳ hàng quý tổng hợp, báo cáo UBND tỉnh.
            """;

    @Test
    void ngheAnMarkdownPlanWithATaskTableInAnotherColumnOrder() {
        ParsedPlan p = TestDocuments.parse("ke-hoach-nghe-an-2024.md", NGHE_AN_2024);
        assertThat(p.type()).isEqualTo(PlanType.PLAN);
        assertThat(p.number()).isEqualTo("125/KH-UBND");
        assertThat(p.issuer()).isEqualTo("UBND tỉnh Nghệ An");
        assertThat(p.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(p.provinceName()).isEqualTo("Nghệ An");
        assertThat(p.title()).isEqualTo("Chuyển đổi số tỉnh Nghệ An năm 2024");
        assertThat(p.periodStart()).isEqualTo(2024);
        assertThat(p.periodEnd()).isEqualTo(2024);
        assertThat(p.implementsRef().number()).isEqualTo("09-NQ/TU"); // not the national 749/QĐ-TTg of "Căn cứ"
        assertThat(p.implementsRef().date()).isEqualTo(LocalDate.of(2022, 2, 14));

        assertThat(p.targets()).extracting(ParsedTarget::origin, ParsedTarget::kind, ParsedTarget::comparison,
                t -> t.value().stripTrailingZeros().toPlainString(), ParsedTarget::deadlineYear, ParsedTarget::pillar)
                .containsExactly(
                        tuple(Origin.GENERAL_GOAL, TargetKind.RANK, Comparison.AT_MOST, "20", 2024, Pillar.FOUNDATION),
                        tuple(Origin.GOAL_SECTION, TargetKind.PERCENT, Comparison.AT_LEAST, "50", 2024, Pillar.DIGITAL_GOVERNMENT),
                        tuple(Origin.GOAL_SECTION, TargetKind.PERCENT, Comparison.AT_LEAST, "60", 2024, Pillar.DIGITAL_GOVERNMENT),
                        tuple(Origin.GOAL_SECTION, TargetKind.PERCENT, Comparison.AT_LEAST, "100", 2024, Pillar.DIGITAL_GOVERNMENT),
                        tuple(Origin.GOAL_SECTION, TargetKind.PERCENT, Comparison.AT_LEAST, "12", 2024, Pillar.DIGITAL_ECONOMY),
                        tuple(Origin.GOAL_SECTION, TargetKind.COUNT, Comparison.AT_LEAST, "150", 2024, Pillar.DIGITAL_ECONOMY),
                        tuple(Origin.GOAL_SECTION, TargetKind.PERCENT, Comparison.LESS_THAN, "5", 2024, Pillar.DIGITAL_SOCIETY),
                        tuple(Origin.GOAL_SECTION, TargetKind.YES_NO, Comparison.EQUAL, "1", 2024, Pillar.DIGITAL_SOCIETY));
        ParsedTarget payments = p.targets().get(2);
        assertThat(payments.baseline()).isEqualByComparingTo("30");
        assertThat(payments.baselineYear()).isEqualTo(2023);
        assertThat(p.targets().get(3).splits()).extracting(TargetSplit::level, s -> s.value().intValue())
                .containsExactly(tuple(SplitLevel.PROVINCE, 100), tuple(SplitLevel.DISTRICT, 95), tuple(SplitLevel.COMMUNE, 80));
        assertThat(p.targets().get(5).unit()).isEqualTo("doanh nghiệp công nghệ số");
        assertThat(p.notes()).anySatisfy(n -> {
            assertThat(n.code()).isEqualTo("TARGET_NUMBER_UNREAD");
            assertThat(n.severity()).isEqualTo(Severity.WARNING);
        });

        assertThat(p.tasks()).extracting(ParsedTask::code, ParsedTask::section, ParsedTask::sectionTitle,
                ParsedTask::startYear, ParsedTask::endYear, ParsedTask::recurrence)
                .containsExactly(
                        tuple("1.1", "1", "Phát triển hạ tầng số", 2024, 2024, null),
                        tuple("1.2", "1", "Phát triển hạ tầng số", null, null, Recurrence.ANNUAL),
                        tuple("2.1", "2", "Phát triển dữ liệu số", 2024, 2025, null),
                        tuple("2.2", "2", "Phát triển dữ liệu số", null, null, null));
        ParsedTask first = p.tasks().get(0);
        assertThat(first.title()).isEqualTo("Nâng cấp mạng truyền số liệu chuyên dùng");
        assertThat(first.leadText()).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(first.cooperatingText()).isEqualTo("Viettel Nghệ An, VNPT Nghệ An");
        assertThat(first.scope()).isEqualTo("Kết nối 100% xã");
        assertThat(p.notes()).anySatisfy(n -> {
            assertThat(n.code()).isEqualTo("TASK_NO_TIME_FRAME");
            assertThat(n.line()).isEqualTo(p.tasks().get(3).line());
        });

        assertThat(p.reportingDuties()).extracting(ReportingDuty::frequency, ReportingDuty::dueDayMonths, ReportingDuty::who)
                .containsExactly(
                        tuple("SEMI_ANNUAL", List.of("15/06", "15/11"), "Các sở, ban, ngành; UBND các huyện, thành phố, thị xã"),
                        tuple("QUARTERLY", List.of(), "Sở Thông tin và Truyền thông"));
    }

    @Test
    void laoCaiDocxProgrammeWithTargetAndTaskTables() {
        byte[] docx = new DocxBuilder()
                .table(List.of(List.of("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 88/CTr-UBND",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLào Cai, ngày 20 tháng 4 năm 2023")))
                .bold("CHƯƠNG TRÌNH HÀNH ĐỘNG")
                .bold("Chuyển đổi số tỉnh Lào Cai giai đoạn 2023 - 2025")
                .paragraph("Triển khai thực hiện Kế hoạch số 112/KH-UBND ngày 02/3/2023 của UBND tỉnh Lào Cai về chuyển đổi số, "
                        + "UBND tỉnh ban hành Chương trình hành động như sau:")
                .paragraph("I. MỤC TIÊU")
                .paragraph("Các chỉ tiêu và phân công thực hiện tại Phụ lục I.")
                .paragraph("Phụ lục I")
                .paragraph("CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ ĐẾN NĂM 2025")
                .table(List.of(
                        List.of("STT", "Chỉ tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Năm hoàn thành"),
                        List.of("A", "Chính quyền số", "", "", ""),
                        List.of("1", "Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 80%", "Văn phòng UBND tỉnh",
                                "Sở Thông tin và Truyền thông\nCác sở, ngành", "2025"),
                        List.of("B", "Kinh tế số", "", "", ""),
                        List.of("2", "Doanh thu thương mại điện tử đạt 2.500 tỷ đồng", "Sở Công Thương", "Sở Tài chính", "2024")))
                .paragraph("Phụ lục II")
                .paragraph("DANH MỤC NHIỆM VỤ")
                .table(List.of(
                        List.of("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Ghi chú"),
                        List.of("I. Phát triển chính quyền số", "", "", "", "", ""),
                        List.of("1", "Nâng cấp Cổng dịch vụ công", "Văn phòng UBND tỉnh",
                                "Sở Thông tin và Truyền thông\nCông an tỉnh", "2023-2024", "Theo Nghị quyết số 15/NQ-HĐND"),
                        List.of("2", "Duy trì hệ thống quản lý văn bản", "Sở Thông tin và Truyền thông", "Các sở, ban, ngành",
                                "Hàng năm", "Ưu tiên"),
                        List.of("II", "Phát triển kinh tế số", "", "", "", ""),
                        List.of("", "1. Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số", "Sở Kế hoạch và Đầu tư",
                                "Hiệp hội doanh nghiệp tỉnh", "Hàng năm (2023-2025)", "")))
                .paragraph("Định kỳ 6 tháng, các cơ quan báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông.")
                .bytes();
        ParsedPlan p = TestDocuments.parse("chuong-trinh.docx", docx);
        assertThat(p.type()).isEqualTo(PlanType.PROGRAMME);
        assertThat(p.number()).isEqualTo("88/CTr-UBND");
        assertThat(p.issuer()).isEqualTo("UBND tỉnh Lào Cai");
        assertThat(p.issuedOn()).isEqualTo(LocalDate.of(2023, 4, 20));
        assertThat(p.provinceName()).isEqualTo("Lào Cai");
        assertThat(p.periodStart()).isEqualTo(2023);
        assertThat(p.periodEnd()).isEqualTo(2025);
        assertThat(p.implementsRef().type()).isEqualTo(PlanType.PLAN);
        assertThat(p.implementsRef().number()).isEqualTo("112/KH-UBND");

        assertThat(p.targets()).extracting(ParsedTarget::kind, t -> t.value().intValue(), ParsedTarget::unit,
                ParsedTarget::deadlineYear, ParsedTarget::pillar, ParsedTarget::leadText, ParsedTarget::cooperatingText)
                .containsExactly(
                        tuple(TargetKind.PERCENT, 80, "%", 2025, Pillar.DIGITAL_GOVERNMENT, "Văn phòng UBND tỉnh",
                                "Sở Thông tin và Truyền thông; Các sở, ngành"),
                        tuple(TargetKind.MONEY, 2500, "tỷ đồng", 2024, Pillar.DIGITAL_ECONOMY, "Sở Công Thương", "Sở Tài chính"));

        Map<String, ParsedTask> tasks = p.tasks().stream().collect(Collectors.toMap(ParsedTask::code, Function.identity()));
        assertThat(tasks.keySet()).containsExactlyInAnyOrder("I.1", "I.2", "II.1");
        assertThat(tasks.get("I.1").sectionTitle()).isEqualTo("Phát triển chính quyền số");
        assertThat(tasks.get("I.1").pillar()).isEqualTo(Pillar.DIGITAL_GOVERNMENT);
        assertThat(tasks.get("I.1").cooperatingText()).isEqualTo("Sở Thông tin và Truyền thông; Công an tỉnh");
        assertThat(tasks.get("I.1").legalBasis()).isEqualTo("Theo Nghị quyết số 15/NQ-HĐND");
        assertThat(tasks.get("I.2").recurrence()).isEqualTo(Recurrence.ANNUAL);
        assertThat(tasks.get("I.2").legalBasis()).isNull();
        assertThat(tasks.get("II.1").title()).isEqualTo("Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số");
        assertThat(tasks.get("II.1").pillar()).isEqualTo(Pillar.DIGITAL_ECONOMY);
        assertThat(tasks.get("II.1").recurrence()).isEqualTo(Recurrence.ANNUAL);
        assertThat(tasks.get("II.1").startYear()).isEqualTo(2023);
        assertThat(tasks.get("II.1").endYear()).isEqualTo(2025);
        assertThat(p.reportingDuties()).singleElement().extracting(ReportingDuty::frequency).isEqualTo("SEMI_ANNUAL");
    }

    static final String BAC_NINH_2026 = """
            UỶ BAN NHÂN DÂN
            TỈNH BẮC NINH
            Số: 45/KH-UBND
            Bắc Ninh, ngày 12/01/2025

            KẾ HOẠCH
            Phát triển kinh tế số tỉnh Bắc Ninh đến năm 2026

            Căn cứ Luật Giao dịch điện tử năm 2023;
            Căn cứ Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ;

            I. MỤC TIÊU
            1. Mục tiêu đến năm 2026
            - Doanh thu thương mại điện tử đạt 15.000 tỷ đồng.
            - Thu hút tối thiểu 5 triệu USD vốn đầu tư vào khu công nghệ thông tin tập trung.
            - Có ít nhất 1.200 doanh nghiệp công nghệ số hoạt động;
            - Tốc độ tăng trưởng kinh tế số bình quân 20%/năm.
            - Không quá 10% hồ sơ trực tuyến bị trả lại.
            - Xếp hạng thứ 5/34 về chỉ số chuyển đổi số cấp tỉnh (DTI).
            - Hoàn thành xây dựng trung tâm dữ liệu của tỉnh,
            đưa vào vận hành chính thức.
            2. Mục tiêu đến năm 2030
            + Kinh tế số chiếm 35% GRDP.
            II. NHIỆM VỤ, GIẢI PHÁP
            - Xây dựng 02 khu công nghệ thông tin tập trung.
            """;

    @Test
    void bacNinhPlanWithMoneyAndCountTargetsTo2026() {
        ParsedPlan p = TestDocuments.parse("kh-bac-ninh.txt", BAC_NINH_2026);
        assertThat(p.type()).isEqualTo(PlanType.PLAN);
        assertThat(p.number()).isEqualTo("45/KH-UBND");
        assertThat(p.issuer()).isEqualTo("UBND tỉnh Bắc Ninh");
        assertThat(p.issuedOn()).isEqualTo(LocalDate.of(2025, 1, 12));
        assertThat(p.provinceName()).isEqualTo("Bắc Ninh");
        assertThat(p.periodEnd()).isEqualTo(2026);
        assertThat(p.implementsRef()).isNull(); // only national documents are cited
        assertThat(p.targets()).extracting(ParsedTarget::kind, ParsedTarget::comparison,
                t -> t.value().stripTrailingZeros().toPlainString(), ParsedTarget::unit, ParsedTarget::deadlineYear)
                .containsExactly(
                        tuple(TargetKind.MONEY, Comparison.AT_LEAST, "15000", "tỷ đồng", 2026),
                        tuple(TargetKind.MONEY, Comparison.AT_LEAST, "5", "triệu USD", 2026),
                        tuple(TargetKind.COUNT, Comparison.AT_LEAST, "1200", "doanh nghiệp công nghệ số", 2026),
                        tuple(TargetKind.GROWTH_RATE, Comparison.AT_LEAST, "20", "%", 2026),
                        tuple(TargetKind.PERCENT, Comparison.AT_MOST, "10", "%", 2026),
                        tuple(TargetKind.RANK, Comparison.AT_MOST, "5", "hạng", 2026),
                        tuple(TargetKind.YES_NO, Comparison.EQUAL, "1", null, 2026),
                        tuple(TargetKind.PERCENT, Comparison.AT_LEAST, "35", "%", 2030));
        assertThat(p.targets().get(6).text())
                .isEqualTo("Hoàn thành xây dựng trung tâm dữ liệu của tỉnh, đưa vào vận hành chính thức");
        assertThat(p.targets()).allMatch(t -> t.pillar() == Pillar.FOUNDATION || t.pillar() == Pillar.DIGITAL_ECONOMY);
        assertThat(p.notes()).extracting(ImportNote::code).contains("NO_TASK_TABLE");
    }

    @Test
    void aGoalRestatedInTheAppendixIsKeptOnceWithItsAgencies() {
        String text = """
                ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
                Số: 10/KH-UBND
                Hà Tĩnh, ngày 02 tháng 02 năm 2023
                KẾ HOẠCH
                Chuyển đổi số tỉnh Hà Tĩnh năm 2023
                I. MỤC TIÊU
                1. Mục tiêu cụ thể năm 2023
                - 80% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.
                - 30% dân số có tài khoản thanh toán điện tử.
                II. PHỤ LỤC CHỈ TIÊU
                TT\tNội dung chỉ tiêu\tCơ quan chủ trì\tCơ quan phối hợp
                1\t80% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng\tVăn phòng UBND tỉnh\tCác sở, ban, ngành
                """;
        ParsedPlan p = TestDocuments.parse("ha-tinh.txt", text);
        assertThat(p.targets()).extracting(ParsedTarget::origin, t -> t.value().intValue())
                .containsExactly(tuple(Origin.GOAL_SECTION, 30), tuple(Origin.APPENDIX_TABLE, 80));
        assertThat(p.targets().get(1).leadText()).isEqualTo("Văn phòng UBND tỉnh");
        assertThat(p.notes()).extracting(ImportNote::code).contains("TARGET_DUPLICATE");
    }

    @Test
    void aDecisionThatIssuesAPlanIsTheWrapperOfThatPlan() {
        String text = """
                ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH
                Số: 1234/QĐ-UBND
                Quảng Ninh, ngày 15 tháng 5 năm 2022
                QUYẾT ĐỊNH
                Về việc ban hành Kế hoạch chuyển đổi số ngành giáo dục tỉnh Quảng Ninh năm 2022
                Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;
                QUYẾT ĐỊNH:
                Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số ngành giáo dục tỉnh Quảng Ninh năm 2022.
                Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
                """;
        ParsedPlan p = TestDocuments.parse("qd.txt", text);
        assertThat(p.type()).isEqualTo(PlanType.PLAN);
        assertThat(p.number()).isEqualTo("1234/QĐ-UBND");
        assertThat(p.issuer()).isEqualTo("UBND tỉnh Quảng Ninh");
        assertThat(p.issuedOn()).isEqualTo(LocalDate.of(2022, 5, 15));
        assertThat(p.provinceName()).isEqualTo("Quảng Ninh");
        assertThat(p.notes()).extracting(ImportNote::code).contains("WRAPPER_DECISION", "NO_TARGETS");
    }

    static final String LAM_DONG_2027 = """
            TỈNH ỦY LÂM ĐỒNG
            Số 20-NQ/TU
            Lâm Đồng, ngày 08 tháng 9 năm 2025
            NGHỊ QUYẾT
            CỦA BAN THƯỜNG VỤ TỈNH ỦY
            về chuyển đổi số giai đoạn 2025 - 2027
            I. QUAN ĐIỂM, MỤC TIÊU
            1. Quan điểm
            - Chuyển đổi số là động lực; 100% cấp ủy phải vào cuộc.
            2. Mục tiêu tổng quát
            Đến năm 2027, Lâm Đồng thuộc nhóm 10 tỉnh, thành phố dẫn đầu cả nước về chuyển đổi số.
            3. Mục tiêu cụ thể
            3.1. Tỷ lệ hồ sơ trực tuyến toàn trình đạt 70%
            3.2. Lâm Đồng thuộc nhóm 10 tỉnh, thành phố dẫn đầu cả nước về chuyển đổi số
            3.3. 100% chế độ báo cáo định kỳ hằng năm được thực hiện trên hệ thống thông tin báo cáo
            4. Nhiệm vụ thực hiện các mục tiêu
            - Đầu tư 30 trạm phát sóng 5G.
            II. PHỤ LỤC
            Bảng chỉ tiêu
            TT\tNội dung chỉ tiêu\tCơ quan chủ trì\tCơ quan phối hợp
            I\tChỉ tiêu đến năm 2027\t\t
            1\tVề kinh tế số\t\t
            1.1\tKinh tế số chiếm 25% GRDP của tỉnh\t\t
            III. TỔ CHỨC THỰC HIỆN
            Ban cán sự đảng UBND tỉnh chỉ đạo triển khai; định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy.
            """;

    @Test
    void numberedTargetsUnitsWithoutAgenciesAndHeadingsThatAreNotGoals() {
        ParsedPlan p = TestDocuments.parse("nq-lam-dong.txt", LAM_DONG_2027);
        assertThat(p.type()).isEqualTo(PlanType.RESOLUTION);
        assertThat(p.number()).isEqualTo("20-NQ/TU");
        assertThat(p.issuer()).isEqualTo("Ban Thường vụ Tỉnh ủy Lâm Đồng");
        assertThat(p.periodStart()).isEqualTo(2025);
        assertThat(p.periodEnd()).isEqualTo(2027);
        assertThat(p.targets()).extracting(ParsedTarget::origin, ParsedTarget::kind, t -> t.value().intValue(),
                        ParsedTarget::deadlineYear)
                .containsExactly(
                        tuple(Origin.GOAL_SECTION, TargetKind.PERCENT, 70, 2027),
                        tuple(Origin.GOAL_SECTION, TargetKind.RANK, 10, 2027), // the general goal restated once
                        tuple(Origin.GOAL_SECTION, TargetKind.PERCENT, 100, 2027),
                        tuple(Origin.APPENDIX_TABLE, TargetKind.PERCENT, 25, 2027));
        ParsedTarget noAgency = p.targets().get(3);
        assertThat(noAgency.pillar()).isEqualTo(Pillar.DIGITAL_ECONOMY);
        assertThat(noAgency.leadText()).isNull();
        assertThat(p.notes()).extracting(ImportNote::code).contains("TARGET_NO_LEAD");
        assertThat(p.reportingDuties()).singleElement().satisfies(d -> {
            assertThat(d.frequency()).isEqualTo("SEMI_ANNUAL");
            assertThat(d.text()).contains("định kỳ 6 tháng");
        });
    }

    @Test
    void lettersForDeadlinesAndBulletsForPillars() {
        String text = """
                UBND TỈNH ĐỒNG THÁP
                Số: 77/KH-UBND
                Đồng Tháp, ngày 3 tháng 2 năm 2023
                KẾ HOẠCH
                Chuyển đổi số tỉnh Đồng Tháp giai đoạn 2023 - 2025
                II. MỤC TIÊU
                2. Mục tiêu cụ thể
                a) Đến năm 2024:
                - Về chính quyền số:
                + 60% hồ sơ được xử lý trực tuyến.
                - Về kinh tế số:
                + Kinh tế số chiếm 15% GRDP.
                b) Đến năm 2025:
                + 80% hồ sơ được xử lý trực tuyến.
                III. NHIỆM VỤ
                """;
        ParsedPlan p = TestDocuments.parse("dong-thap.txt", text);
        assertThat(p.issuer()).isEqualTo("UBND tỉnh Đồng Tháp");
        assertThat(p.targets()).extracting(t -> t.value().intValue(), ParsedTarget::deadlineYear, ParsedTarget::pillar)
                .containsExactly(tuple(60, 2024, Pillar.DIGITAL_GOVERNMENT), tuple(15, 2024, Pillar.DIGITAL_ECONOMY),
                        tuple(80, 2025, Pillar.FOUNDATION));
    }

    @Test
    void aRecipeIsNotAPlan() {
        String recipe = """
                # Cách nấu phở bò Hà Nội

                Nguyên liệu cho 4 người:
                - 500 g xương bò
                - 300 g thịt bò thăn
                - 2 củ hành tây, 1 nhánh gừng

                1. Chần xương bò trong 5 phút rồi rửa sạch.
                2. Ninh xương 6 tiếng với hành nướng và gừng.
                3. Trụng bánh phở, xếp thịt, chan nước dùng.
                """;
        assertThatThrownBy(() -> TestDocuments.parse("pho.md", recipe))
                .isInstanceOf(NotAPlanException.class)
                .hasMessageContaining("NGHỊ QUYẾT").hasMessageContaining("Mục tiêu").hasMessageContaining("chủ trì");
    }

    @Test
    void aNewsArticleIsNotAPlan() {
        String news = """
                Nghệ An đẩy mạnh chuyển đổi số trong cải cách hành chính

                Sáng 12/3, UBND tỉnh Nghệ An tổ chức hội nghị sơ kết công tác chuyển đổi số năm 2023.
                Theo báo cáo, năm 2023 tỉnh đạt 65% hồ sơ trực tuyến, tăng 20% so với năm trước.
                Phát biểu tại hội nghị, lãnh đạo tỉnh đề nghị các sở, ngành tiếp tục thực hiện kế hoạch đã đề ra,
                phấn đấu đến năm 2025 có 80% hồ sơ được xử lý trực tuyến.
                """;
        assertThatThrownBy(() -> TestDocuments.parse("tin-tuc.txt", news)).isInstanceOf(NotAPlanException.class);
    }
}
