package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dxgov.shared.Pillar.DIGITAL_ECONOMY;
import static vn.dxgov.shared.Pillar.DIGITAL_GOVERNMENT;
import static vn.dxgov.shared.Pillar.DIGITAL_SOCIETY;
import static vn.dxgov.shared.Pillar.FOUNDATION;
import static vn.dxgov.targets.Comparison.AT_LEAST;
import static vn.dxgov.targets.Comparison.AT_MOST;
import static vn.dxgov.targets.Comparison.EQUAL;
import static vn.dxgov.targets.Comparison.MORE_THAN;
import static vn.dxgov.targets.TargetKind.COUNT;
import static vn.dxgov.targets.TargetKind.GROWTH_RATE;
import static vn.dxgov.targets.TargetKind.PERCENT;
import static vn.dxgov.targets.TargetKind.RANK;
import static vn.dxgov.targets.TargetKind.YES_NO;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dxgov.plans.PlanType;
import vn.dxgov.plans.importing.ImportNote.Severity;
import vn.dxgov.plans.importing.ParsedTarget.Origin;
import vn.dxgov.shared.Pillar;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.tasks.Recurrence;

/** The five seed plans, parsed from their text as uploaded. */
class SeedPlansTest {

    /** One expected target: the line it comes from and what it commits to. */
    record Expected(int line, TargetKind kind, Comparison comparison, String value, String unit, int deadline,
                    Pillar pillar) {
    }

    static Expected t(int line, TargetKind kind, Comparison comparison, String value, String unit, int deadline,
                      Pillar pillar) {
        return new Expected(line, kind, comparison, value, unit, deadline, pillar);
    }

    /** Asserts the goal-section targets one by one, in document order. */
    static void assertTargets(List<ParsedTarget> actual, List<Expected> expected) {
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            ParsedTarget a = actual.get(i);
            String what = "target " + i + " (line " + e.line() + "): " + a.text();
            assertThat(a.line()).as(what).isEqualTo(e.line());
            assertThat(a.kind()).as(what).isEqualTo(e.kind());
            assertThat(a.comparison()).as(what).isEqualTo(e.comparison());
            assertThat(a.value()).as(what).isEqualByComparingTo(new BigDecimal(e.value()));
            assertThat(a.unit()).as(what).isEqualTo(e.unit());
            assertThat(a.deadlineYear()).as(what).isEqualTo(e.deadline());
            assertThat(a.pillar()).as(what).isEqualTo(e.pillar());
            assertThat(a.text()).as(what).isNotBlank().doesNotStartWith("-").doesNotStartWith("+");
        }
    }

    static List<ParsedTarget> origin(ParsedPlan p, Origin origin) {
        return p.targets().stream().filter(t -> t.origin() == origin).toList();
    }

    static ParsedTarget at(ParsedPlan p, int line) {
        return p.targets().stream().filter(t -> t.line() == line).findFirst().orElseThrow();
    }

    static List<String> noteCodes(ParsedPlan p, Severity severity) {
        return p.notes().stream().filter(n -> n.severity() == severity).map(ImportNote::code).toList();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Resolution000ThanhHoa {

        ParsedPlan plan;

        @BeforeAll
        void parse() {
            plan = TestDocuments.parseSeed(TestDocuments.SEED_000);
        }

        @Test
        void header() {
            assertThat(plan.type()).isEqualTo(PlanType.RESOLUTION);
            assertThat(plan.number()).isNull();
            assertThat(noteCodes(plan, Severity.WARNING)).contains("NUMBER_MISSING");
            assertThat(plan.issuer()).isEqualTo("Ban Thường vụ Tỉnh ủy Thanh Hóa");
            assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2021, 11, 10));
            assertThat(plan.provinceName()).isEqualTo("Thanh Hóa");
            assertThat(plan.title()).startsWith("về chuyển đổi số tỉnh Thanh Hóa đến năm 2025");
            assertThat(plan.periodEnd()).isEqualTo(2025);
            assertThat(plan.visionYear()).isEqualTo(2030);
            assertThat(plan.implementsRef()).isNull();
            assertThat(plan.tasks()).isEmpty();
            assertThat(noteCodes(plan, Severity.INFO)).contains("NO_TASK_TABLE");
        }

        @Test
        void generalGoalRanks() {
            List<ParsedTarget> general = origin(plan, Origin.GENERAL_GOAL);
            assertThat(general).extracting(ParsedTarget::deadlineYear, t -> t.value().intValue(), ParsedTarget::pillar)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2025, 10, FOUNDATION),
                            org.assertj.core.groups.Tuple.tuple(2030, 10, FOUNDATION),
                            org.assertj.core.groups.Tuple.tuple(2030, 5, DIGITAL_GOVERNMENT));
            assertThat(general).allSatisfy(t -> {
                assertThat(t.kind()).isEqualTo(RANK);
                assertThat(t.comparison()).isEqualTo(AT_MOST);
            });
        }

        @Test
        void everyBulletOf2025And2030() {
            assertTargets(origin(plan, Origin.GOAL_SECTION), List.of(
                    // 2.2 a) chính quyền số
                    t(40, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    t(41, PERCENT, AT_LEAST, "50", "%", 2025, DIGITAL_GOVERNMENT),
                    t(42, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    t(43, PERCENT, AT_LEAST, "90", "%", 2025, DIGITAL_GOVERNMENT),
                    t(44, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    // b) kinh tế số
                    t(48, PERCENT, AT_LEAST, "20", "%", 2025, DIGITAL_ECONOMY),
                    t(49, GROWTH_RATE, AT_LEAST, "9.6", "%", 2025, DIGITAL_ECONOMY),
                    t(50, PERCENT, AT_LEAST, "50", "%", 2025, DIGITAL_ECONOMY),
                    // c) xã hội số
                    t(54, COUNT, AT_LEAST, "6", "huyện, thị xã, thành phố", 2025, DIGITAL_SOCIETY),
                    t(55, PERCENT, AT_LEAST, "50", "%", 2025, DIGITAL_SOCIETY),
                    // 2.3 (2030)
                    t(61, PERCENT, AT_LEAST, "98", "%", 2030, DIGITAL_GOVERNMENT),
                    t(62, PERCENT, AT_LEAST, "70", "%", 2030, DIGITAL_GOVERNMENT),
                    t(66, PERCENT, AT_LEAST, "30", "%", 2030, DIGITAL_ECONOMY),
                    t(67, GROWTH_RATE, AT_LEAST, "8.1", "%", 2030, DIGITAL_ECONOMY),
                    t(68, PERCENT, AT_LEAST, "80", "%", 2030, DIGITAL_ECONOMY),
                    t(72, PERCENT, AT_LEAST, "100", "%", 2030, DIGITAL_SOCIETY),
                    t(74, PERCENT, AT_LEAST, "80", "%", 2030, DIGITAL_SOCIETY)));
            assertThat(origin(plan, Origin.GOAL_SECTION)).filteredOn(t -> t.deadlineYear() == 2025).hasSize(10);
            assertThat(origin(plan, Origin.GOAL_SECTION)).filteredOn(t -> t.deadlineYear() == 2030).hasSize(7);
        }

        @Test
        void countSplitPerLevel() {
            ParsedTarget t = at(plan, 54);
            assertThat(t.splits()).containsExactly(
                    new TargetSplit(SplitLevel.DISTRICT, "huyện, thị xã, thành phố", AT_LEAST, new BigDecimal("6")),
                    new TargetSplit(SplitLevel.COMMUNE, "xã, phường, thị trấn", AT_LEAST, new BigDecimal("300")));
            assertThat(at(plan, 72).splits()).extracting(TargetSplit::level, s -> s.value().intValue())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(SplitLevel.DISTRICT, 100),
                            org.assertj.core.groups.Tuple.tuple(SplitLevel.COMMUNE, 80));
            assertThat(t.text()).startsWith("Có 06 huyện");
            assertThat(t.sourceText()).startsWith("- Có 06 huyện");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Programme001ThanhHoa {

        ParsedPlan plan;

        @BeforeAll
        void parse() {
            plan = TestDocuments.parseSeed(TestDocuments.SEED_001);
        }

        @Test
        void theProgrammeInsideTheDecision() {
            assertThat(plan.type()).isEqualTo(PlanType.PROGRAMME);
            assertThat(plan.issuer()).contains("UBND tỉnh Thanh Hóa");
            assertThat(plan.provinceName()).isEqualTo("Thanh Hóa");
            assertThat(plan.title()).startsWith("Triển khai thực hiện Nghị quyết số 06-NQ/TU");
            assertThat(plan.number()).isNull(); // "Quyết định số: /QĐ-UBND" is left blank; 2825/TTr-STTTT is cited
            assertThat(plan.issuedOn()).isNull();
            assertThat(plan.issuedOnText()).contains("/01/2022");
            assertThat(noteCodes(plan, Severity.WARNING)).contains("NUMBER_BLANK", "DATE_INCOMPLETE");
            assertThat(noteCodes(plan, Severity.INFO)).contains("WRAPPER_DECISION");
            assertThat(plan.periodEnd()).isEqualTo(2025);
            assertThat(plan.visionYear()).isEqualTo(2030);
        }

        @Test
        void implementsResolution06() {
            DocumentReference ref = plan.implementsRef();
            assertThat(ref.type()).isEqualTo(PlanType.RESOLUTION);
            assertThat(ref.number()).isEqualTo("06-NQ/TU");
            assertThat(ref.date()).isEqualTo(LocalDate.of(2021, 11, 10));
            assertThat(ref.issuer()).isEqualTo("Ban Thường vụ Tỉnh ủy");
        }

        @Test
        void nineteenTargetsOfAppendix01WithTheirAgencies() {
            assertThat(plan.targets()).hasSize(19).allSatisfy(t -> {
                assertThat(t.origin()).isEqualTo(Origin.APPENDIX_TABLE);
                assertThat(t.leadText()).isNotBlank();
                assertThat(t.cooperatingText()).isNotBlank();
            });
            assertThat(plan.targets()).filteredOn(t -> t.deadlineYear() == 2025).hasSize(11);
            assertThat(plan.targets()).filteredOn(t -> t.deadlineYear() == 2030).hasSize(8);
            Map<Pillar, Long> byPillar = plan.targets().stream()
                    .collect(Collectors.groupingBy(ParsedTarget::pillar, TreeMap::new, Collectors.counting()));
            assertThat(byPillar).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                    DIGITAL_GOVERNMENT, 9L, DIGITAL_ECONOMY, 6L, DIGITAL_SOCIETY, 4L)));
            ParsedTarget rank = plan.targets().get(0);
            assertThat(rank.kind()).isEqualTo(RANK);
            assertThat(rank.value()).isEqualByComparingTo("10");
            assertThat(rank.leadText()).isEqualTo("Sở Thông tin và Truyền thông");
            assertThat(rank.cooperatingText()).isEqualTo("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố");
            ParsedTarget growth = plan.targets().stream().filter(t -> t.kind() == GROWTH_RATE && t.deadlineYear() == 2025)
                    .findFirst().orElseThrow();
            assertThat(growth.value()).isEqualByComparingTo("9.6");
            ParsedTarget split = plan.targets().stream().filter(t -> t.kind() == COUNT).findFirst().orElseThrow();
            assertThat(split.splits()).extracting(s -> s.value().intValue()).containsExactly(6, 300);
            assertThat(split.leadText()).isEqualTo("Sở Thông tin và Truyền thông");
            assertThat(split.cooperatingText()).isEqualTo("UBND cấp huyện, cấp xã được triển khai");
        }

        @Test
        void all103TasksOfAppendix02InSevenSections() {
            assertThat(plan.tasks()).hasSize(103);
            Map<String, Long> perSection = plan.tasks().stream()
                    .collect(Collectors.groupingBy(ParsedTask::section, java.util.LinkedHashMap::new, Collectors.counting()));
            assertThat(perSection).containsExactly(
                    Map.entry("I", 2L), Map.entry("II", 9L), Map.entry("III", 3L), Map.entry("IV", 47L),
                    Map.entry("V", 15L), Map.entry("VI", 23L), Map.entry("VII", 4L));
            assertThat(plan.tasks()).allSatisfy(t -> {
                assertThat(t.code()).startsWith(t.section() + ".");
                assertThat(t.leadText()).isNotBlank();
                assertThat(t.cooperatingText()).isNotBlank();
                assertThat(t.timeFrameText()).isNotBlank();
                assertThat(t.startYear() != null || t.recurrence() != null).as(t.code()).isTrue();
            });
            assertThat(plan.tasks()).extracting(ParsedTask::code).doesNotHaveDuplicates();
            assertThat(noteCodes(plan, Severity.WARNING)).doesNotContain("TASK_NO_TIME_FRAME", "TASK_NO_LEAD");
        }

        @Test
        void specificTasks() {
            Map<String, ParsedTask> byCode = plan.tasks().stream().collect(Collectors.toMap(ParsedTask::code, Function.identity()));
            ParsedTask iv21 = byCode.get("IV.2.1");
            assertThat(iv21.leadText()).isEqualTo("Sở Thông tin và Truyền thông");
            assertThat(iv21.startYear()).isEqualTo(2021);
            assertThat(iv21.endYear()).isEqualTo(2022);
            assertThat(iv21.sectionTitle()).isEqualTo("Các nhiệm vụ phát triển Chính quyền số");
            assertThat(iv21.groupTitle()).isEqualTo("Phát triển dữ liệu số");
            assertThat(iv21.pillar()).isEqualTo(DIGITAL_GOVERNMENT);
            assertThat(iv21.legalBasis()).startsWith("Phê duyệt dự án tại Quyết định số 4505/QĐ-UBND");
            assertThat(iv21.scope()).startsWith("Xây dựng Cổng dữ liệu mở");

            ParsedTask v213 = byCode.get("V.2.1.3");
            assertThat(v213.groupTitle()).isEqualTo("Lĩnh vực Nông nghiệp và Phát triển nông thôn");
            assertThat(v213.leadText()).isEqualTo("Sở Nông nghiệp và Phát triển nông thôn");
            assertThat(v213.pillar()).isEqualTo(DIGITAL_ECONOMY);
            assertThat(v213.startYear()).isEqualTo(2022);
            assertThat(v213.endYear()).isEqualTo(2024);

            ParsedTask vii4 = byCode.get("VII.4"); // the last line of the file, without a trailing newline
            assertThat(vii4.sectionTitle()).isEqualTo("Bảo đảm an toàn, an ninh mạng");
            assertThat(vii4.startYear()).isEqualTo(2026);
            assertThat(vii4.endYear()).isEqualTo(2030);
            assertThat(vii4.pillar()).isEqualTo(FOUNDATION);

            for (String annual : List.of("I.1", "I.2", "II.2")) {
                assertThat(byCode.get(annual).recurrence()).as(annual).isEqualTo(Recurrence.ANNUAL);
                assertThat(byCode.get(annual).startYear()).as(annual).isNull();
            }
            assertThat(byCode.get("II.1").legalBasis()).contains("01/CT-TTg");
            assertThat(byCode.get("IV.3.3").timeFrameText()).isEqualTo("2022 -2025");
            assertThat(byCode.get("IV.3.3").endYear()).isEqualTo(2025);
            assertThat(byCode.get("VI.4.6.1").pillar()).isEqualTo(DIGITAL_SOCIETY);
            assertThat(byCode.get("IV.1.2").scope()).doesNotContain("<ul").contains("- Mua các bản quyền phần mềm");
        }

        @Test
        void reportingDuties() {
            assertThat(plan.reportingDuties()).extracting(ReportingDuty::frequency, ReportingDuty::dueDayMonths, ReportingDuty::who)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("ANNUAL", List.of("15/12"), "Sở Thông tin và Truyền thông"),
                            org.assertj.core.groups.Tuple.tuple("ANNUAL", List.of("05/12"), "Các sở, ban, ngành cấp tỉnh"),
                            org.assertj.core.groups.Tuple.tuple("ANNUAL", List.of("05/12"), "UBND các huyện, thị xã, thành phố"));
            assertThat(plan.reportingDuties().get(1).text()).contains("gửi Sở Thông tin và Truyền thông để tổng hợp");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Resolution002ThaiNguyen {

        ParsedPlan plan;

        @BeforeAll
        void parse() {
            plan = TestDocuments.parseSeed(TestDocuments.SEED_002);
        }

        @Test
        void header() {
            assertThat(plan.type()).isEqualTo(PlanType.RESOLUTION);
            assertThat(plan.issuer()).isEqualTo("Ban Chấp hành Đảng bộ tỉnh Thái Nguyên");
            assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2020, 12, 31));
            assertThat(plan.provinceName()).isEqualTo("Thái Nguyên");
            assertThat(plan.periodStart()).isEqualTo(2021);
            assertThat(plan.periodEnd()).isEqualTo(2025);
            assertThat(plan.visionYear()).isEqualTo(2030);
            assertThat(plan.number()).isNull();
        }

        @Test
        void everyBulletOf2025And2030() {
            assertTargets(origin(plan, Origin.GOAL_SECTION), List.of(
                    t(42, PERCENT, MORE_THAN, "90", "%", 2025, DIGITAL_GOVERNMENT),
                    t(44, PERCENT, MORE_THAN, "90", "%", 2025, DIGITAL_GOVERNMENT),
                    t(46, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    t(48, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    t(50, PERCENT, MORE_THAN, "50", "%", 2025, DIGITAL_GOVERNMENT),
                    t(52, PERCENT, MORE_THAN, "80", "%", 2021, DIGITAL_GOVERNMENT),
                    t(54, COUNT, AT_LEAST, "3", "đô thị thông minh", 2025, DIGITAL_GOVERNMENT),
                    t(58, PERCENT, MORE_THAN, "20", "%", 2025, DIGITAL_ECONOMY),
                    t(60, PERCENT, AT_LEAST, "10", "%", 2025, DIGITAL_ECONOMY),
                    t(62, GROWTH_RATE, AT_LEAST, "7", "%", 2025, DIGITAL_ECONOMY),
                    t(64, COUNT, MORE_THAN, "700", "doanh nghiệp số", 2025, DIGITAL_ECONOMY),
                    t(68, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_SOCIETY),
                    t(70, YES_NO, EQUAL, "1", null, 2025, DIGITAL_SOCIETY),
                    t(72, PERCENT, MORE_THAN, "50", "%", 2025, DIGITAL_SOCIETY),
                    t(74, RANK, AT_MOST, "15", "hạng", 2025, DIGITAL_SOCIETY),
                    t(80, PERCENT, MORE_THAN, "90", "%", 2030, DIGITAL_GOVERNMENT),
                    t(82, PERCENT, AT_LEAST, "100", "%", 2030, DIGITAL_GOVERNMENT),
                    t(84, PERCENT, AT_LEAST, "30", "%", 2030, DIGITAL_GOVERNMENT),
                    t(84, PERCENT, AT_LEAST, "30", "%", 2030, DIGITAL_GOVERNMENT),
                    t(86, PERCENT, MORE_THAN, "70", "%", 2030, DIGITAL_GOVERNMENT),
                    t(90, PERCENT, MORE_THAN, "30", "%", 2030, DIGITAL_ECONOMY),
                    t(92, PERCENT, AT_LEAST, "20", "%", 2030, DIGITAL_ECONOMY),
                    t(94, GROWTH_RATE, AT_LEAST, "8", "%", 2030, DIGITAL_ECONOMY),
                    t(96, COUNT, MORE_THAN, "3000", "doanh nghiệp số", 2030, DIGITAL_ECONOMY),
                    t(100, YES_NO, EQUAL, "1", null, 2030, DIGITAL_SOCIETY),
                    t(102, YES_NO, EQUAL, "1", null, 2030, DIGITAL_SOCIETY),
                    t(104, PERCENT, MORE_THAN, "80", "%", 2030, DIGITAL_SOCIETY),
                    t(106, RANK, AT_MOST, "10", "hạng", 2030, DIGITAL_SOCIETY)));
        }

        @Test
        void splitsPerLevel() {
            assertThat(at(plan, 44).splits()).containsExactly(
                    new TargetSplit(SplitLevel.PROVINCE, "cấp tỉnh", MORE_THAN, new BigDecimal("90")),
                    new TargetSplit(SplitLevel.DISTRICT, "cấp huyện", MORE_THAN, new BigDecimal("80")),
                    new TargetSplit(SplitLevel.COMMUNE, "cấp xã", MORE_THAN, new BigDecimal("60")));
            assertThat(at(plan, 82).splits()).extracting(TargetSplit::level, TargetSplit::comparison, s -> s.value().intValue())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(SplitLevel.PROVINCE, AT_LEAST, 100),
                            org.assertj.core.groups.Tuple.tuple(SplitLevel.DISTRICT, MORE_THAN, 90),
                            org.assertj.core.groups.Tuple.tuple(SplitLevel.COMMUNE, MORE_THAN, 70));
            assertThat(at(plan, 68).splits()).extracting(TargetSplit::level, TargetSplit::label)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(SplitLevel.COMMUNE, "cấp xã"),
                            org.assertj.core.groups.Tuple.tuple(SplitLevel.OTHER, "hộ gia đình"));
        }

        @Test
        void generalGoalAndQuarterlyReporting() {
            assertThat(origin(plan, Origin.GENERAL_GOAL)).extracting(ParsedTarget::deadlineYear, t -> t.value().intValue())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2025, 15),
                            org.assertj.core.groups.Tuple.tuple(2030, 10));
            assertThat(plan.reportingDuties()).singleElement().satisfies(d -> {
                assertThat(d.frequency()).isEqualTo("QUARTERLY");
                assertThat(d.who()).startsWith("Đảng đoàn Hội đồng nhân dân tỉnh");
            });
        }

        @Test
        void footnotesAreNotContent() {
            assertThat(plan.targets()).noneMatch(t -> t.text().contains("VIETNAM ICT INDEX"));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Resolution003KhanhHoaInsideACoverLetter {

        ParsedPlan plan;

        @BeforeAll
        void parse() {
            plan = TestDocuments.parseSeed(TestDocuments.SEED_003);
        }

        @Test
        void theResolutionNotTheLetter() {
            assertThat(plan.type()).isEqualTo(PlanType.RESOLUTION);
            assertThat(plan.number()).isEqualTo("16-NQ/TU");
            assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2021, 10, 19));
            assertThat(plan.issuer()).isEqualTo("Tỉnh ủy Khánh Hòa");
            assertThat(plan.provinceName()).isEqualTo("Khánh Hòa");
            assertThat(plan.title()).isEqualTo("về chuyển đổi số tỉnh Khánh Hòa giai đoạn 2021 - 2025, định hướng đến năm 2030");
            assertThat(plan.periodStart()).isEqualTo(2021);
            assertThat(plan.visionYear()).isEqualTo(2030);
            assertThat(noteCodes(plan, Severity.INFO)).contains("COVER_LETTER");
            assertThat(plan.implementsRef().number()).isEqualTo("52-NQ/TW");
            assertThat(plan.implementsRef().issuer()).isEqualTo("Bộ Chính trị");
            // the letter's own deadline (30/11/2021) is a one-off, not a recurring duty of the resolution
            assertThat(plan.reportingDuties()).singleElement().satisfies(d -> {
                assertThat(d.frequency()).isEqualTo("ANNUAL");
                assertThat(d.who()).isEqualTo("Ban cán sự đảng Ủy ban nhân dân tỉnh");
            });
        }

        @Test
        void rankHeadings() {
            assertThat(origin(plan, Origin.GENERAL_GOAL)).extracting(ParsedTarget::deadlineYear, t -> t.value().intValue())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2025, 25),
                            org.assertj.core.groups.Tuple.tuple(2030, 20));
        }

        @Test
        void everyClauseOfThePillarParagraphs() {
            assertTargets(origin(plan, Origin.GOAL_SECTION), List.of(
                    t(107, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    t(107, PERCENT, AT_LEAST, "90", "%", 2025, DIGITAL_GOVERNMENT),
                    t(107, PERCENT, AT_LEAST, "50", "%", 2025, DIGITAL_GOVERNMENT),
                    t(109, PERCENT, AT_LEAST, "10", "%", 2025, DIGITAL_ECONOMY),
                    t(109, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_ECONOMY),
                    t(111, PERCENT, MORE_THAN, "80", "%", 2025, DIGITAL_SOCIETY),
                    t(111, YES_NO, EQUAL, "1", null, 2025, DIGITAL_SOCIETY),
                    t(111, PERCENT, MORE_THAN, "50", "%", 2025, DIGITAL_SOCIETY),
                    t(111, PERCENT, MORE_THAN, "50", "%", 2025, DIGITAL_SOCIETY),
                    t(115, PERCENT, AT_LEAST, "100", "%", 2030, DIGITAL_GOVERNMENT),
                    t(115, PERCENT, AT_LEAST, "70", "%", 2030, DIGITAL_GOVERNMENT),
                    t(115, YES_NO, EQUAL, "1", null, 2030, DIGITAL_GOVERNMENT),
                    t(117, PERCENT, AT_LEAST, "30", "%", 2030, DIGITAL_ECONOMY),
                    t(117, PERCENT, AT_LEAST, "80", "%", 2030, DIGITAL_ECONOMY),
                    t(119, YES_NO, EQUAL, "1", null, 2030, DIGITAL_SOCIETY),
                    t(119, PERCENT, MORE_THAN, "80", "%", 2030, DIGITAL_SOCIETY)));
            ParsedTarget digitalEconomy = origin(plan, Origin.GOAL_SECTION).get(3);
            assertThat(digitalEconomy.text()).isEqualTo("Kinh tế số chiếm tối thiểu 10% GRDP của tỉnh");
            assertThat(origin(plan, Origin.GOAL_SECTION).get(1).splits()).extracting(TargetSplit::level)
                    .containsExactly(SplitLevel.PROVINCE, SplitLevel.DISTRICT, SplitLevel.COMMUNE);
            assertThat(origin(plan, Origin.GOAL_SECTION).get(4).splits()).extracting(TargetSplit::level, s -> s.value().intValue())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(SplitLevel.OTHER, 100),
                            org.assertj.core.groups.Tuple.tuple(SplitLevel.OTHER, 50));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class CityPlan004ThanhHoa {

        ParsedPlan plan;

        @BeforeAll
        void parse() {
            plan = TestDocuments.parseSeed(TestDocuments.SEED_004);
        }

        @Test
        void header() {
            assertThat(plan.type()).isEqualTo(PlanType.PLAN);
            assertThat(plan.number()).isNull();
            assertThat(noteCodes(plan, Severity.WARNING)).contains("NUMBER_BLANK", "DATE_INCOMPLETE");
            assertThat(plan.issuedOn()).isNull();
            assertThat(plan.issuedOnText()).isEqualTo("ngày tháng năm 2021");
            assertThat(plan.issuer()).isEqualTo("UBND thành phố Thanh Hóa");
            assertThat(plan.provinceName()).isEqualTo("Thanh Hóa");
            assertThat(plan.periodEnd()).isEqualTo(2025);
            assertThat(plan.visionYear()).isEqualTo(2030);
            DocumentReference ref = plan.implementsRef();
            assertThat(ref.type()).isEqualTo(PlanType.DECISION);
            assertThat(ref.number()).isEqualTo("4216/QĐ-UBND");
            assertThat(ref.date()).isEqualTo(LocalDate.of(2020, 10, 6));
            assertThat(ref.issuer()).isEqualTo("UBND tỉnh Thanh Hóa");
        }

        @Test
        void targetsOf2022And2025And2030() {
            assertTargets(plan.targets(), List.of(
                    // 2.1 a) "- Đến hết năm 2022:"
                    t(35, PERCENT, MORE_THAN, "90", "%", 2022, DIGITAL_GOVERNMENT),
                    t(35, PERCENT, MORE_THAN, "82", "%", 2022, DIGITAL_GOVERNMENT),
                    t(35, PERCENT, AT_LEAST, "90", "%", 2022, DIGITAL_GOVERNMENT),
                    t(37, PERCENT, AT_LEAST, "100", "%", 2022, DIGITAL_GOVERNMENT),
                    t(39, PERCENT, AT_LEAST, "80", "%", 2022, DIGITAL_GOVERNMENT),
                    t(41, PERCENT, AT_LEAST, "20", "%", 2022, DIGITAL_GOVERNMENT),
                    // "- Đến năm 2025:"
                    t(45, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    t(45, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    t(45, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    t(47, PERCENT, AT_LEAST, "80", "%", 2025, DIGITAL_GOVERNMENT),
                    t(49, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    t(49, PERCENT, AT_LEAST, "95", "%", 2025, DIGITAL_GOVERNMENT),
                    t(51, PERCENT, AT_LEAST, "100", "%", 2025, DIGITAL_GOVERNMENT),
                    t(53, YES_NO, EQUAL, "1", null, 2025, DIGITAL_GOVERNMENT),
                    t(55, PERCENT, AT_LEAST, "50", "%", 2025, DIGITAL_GOVERNMENT),
                    t(59, PERCENT, AT_LEAST, "10", "%", 2025, DIGITAL_ECONOMY),
                    t(61, GROWTH_RATE, AT_LEAST, "8", "%", 2025, DIGITAL_ECONOMY),
                    t(65, PERCENT, MORE_THAN, "100", "%", 2025, DIGITAL_SOCIETY),
                    t(67, YES_NO, EQUAL, "1", null, 2025, DIGITAL_SOCIETY),
                    t(69, PERCENT, MORE_THAN, "50", "%", 2025, DIGITAL_SOCIETY),
                    t(71, PERCENT, MORE_THAN, "50", "%", 2025, DIGITAL_SOCIETY),
                    // 2.2 (2030)
                    t(77, PERCENT, AT_LEAST, "100", "%", 2030, DIGITAL_GOVERNMENT),
                    t(79, PERCENT, AT_LEAST, "100", "%", 2030, DIGITAL_GOVERNMENT),
                    t(81, YES_NO, EQUAL, "1", null, 2030, DIGITAL_GOVERNMENT),
                    t(81, PERCENT, AT_LEAST, "30", "%", 2030, DIGITAL_GOVERNMENT),
                    t(81, PERCENT, AT_LEAST, "30", "%", 2030, DIGITAL_GOVERNMENT),
                    t(83, PERCENT, AT_LEAST, "70", "%", 2030, DIGITAL_GOVERNMENT),
                    t(87, PERCENT, AT_LEAST, "20", "%", 2030, DIGITAL_ECONOMY),
                    t(89, GROWTH_RATE, AT_LEAST, "10", "%", 2030, DIGITAL_ECONOMY),
                    t(93, YES_NO, EQUAL, "1", null, 2030, DIGITAL_SOCIETY),
                    t(95, YES_NO, EQUAL, "1", null, 2030, DIGITAL_SOCIETY),
                    t(97, PERCENT, MORE_THAN, "80", "%", 2030, DIGITAL_SOCIETY)));
            assertThat(plan.targets()).filteredOn(t -> t.deadlineYear() == 2022).hasSize(6);
            assertThat(at(plan, 37).splits()).extracting(TargetSplit::level, TargetSplit::label)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(SplitLevel.DISTRICT, "cấp thành phố"),
                            org.assertj.core.groups.Tuple.tuple(SplitLevel.COMMUNE, "cấp xã, phường"));
            assertThat(plan.targets().get(6).text()).startsWith("100% cơ sở dữ liệu chuyên ngành");
        }

        @Test
        void semiAnnualReporting() {
            assertThat(plan.reportingDuties()).singleElement().satisfies(d -> {
                assertThat(d.dueDayMonths()).containsExactly("30/06", "15/12");
                assertThat(d.frequency()).isEqualTo("SEMI_ANNUAL");
                assertThat(d.who()).startsWith("Các Phòng, Ban, đơn vị trực thuộc UBND thành phố");
            });
            assertThat(plan.tasks()).isEmpty();
        }
    }

    @Test
    void everySeedParsesInAFractionOfASecond() {
        long start = System.nanoTime();
        for (String seed : List.of(TestDocuments.SEED_000, TestDocuments.SEED_001, TestDocuments.SEED_002,
                TestDocuments.SEED_003, TestDocuments.SEED_004)) {
            TestDocuments.parseSeed(seed);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }
}
