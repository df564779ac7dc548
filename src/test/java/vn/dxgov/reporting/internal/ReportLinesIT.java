package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.security.Role;
import vn.dxgov.shared.Pillar;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetDraft;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;

/**
 * Period-true report forms (issue 8): a form asks only for the lines that exist in its period. A target whose deadline
 * has passed asks for nothing more; a compound count target ("06 huyện … và 300 xã") asks for the district count only
 * while the province has districts (none after 1/7/2025); two targets with one code (a plan's 2025 and 2030 lines) are
 * told apart by their deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ReportingTestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportLinesIT extends ReportingSupport {

    @Autowired
    TargetCatalog targets;
    @Autowired
    ReportingAgencies reporters;

    long plan;
    String steering;
    long agency;
    String editor;
    Target compound;
    Target due2025;
    Target due2030;

    @BeforeAll
    void setUp() throws IOException {
        ReportingTestConfig.CLOCK.set(LocalDate.of(2025, 11, 20), 9);
        data.resetPlans();
        data.ensureUnits();
        plan = importSeed(SEED_001, "001.txt", true);
        steering = user("st", Role.STEERING, null);
        // an agency that owns figures of the plan reports the hand-made targets too
        agency = targets.forPlan(plan, TargetFilter.ALL).stream().map(reporters::owner).filter(o -> o != null)
                .findFirst().orElseThrow();
        editor = user("ed", Role.EDITOR, agency);
        as(steering, () -> {
            List<Target> added = targets.addAll(plan, List.of(
                    draft("9.9", "Thử: 06 huyện trở lên và 300 xã trở lên hoàn thành chuyển đổi số", new BigDecimal("6"),
                            "huyện", 2030, List.of(
                                    new TargetSplit(SplitLevel.DISTRICT, "huyện", Comparison.AT_LEAST, new BigDecimal("6")),
                                    new TargetSplit(SplitLevel.COMMUNE, "xã", Comparison.AT_LEAST, new BigDecimal("300")))),
                    draft("9.8", "Thử: 90% hồ sơ trực tuyến toàn trình", new BigDecimal("90"), "%", 2025, List.of()),
                    draft("9.8", "Thử: 100% hồ sơ trực tuyến toàn trình", new BigDecimal("100"), "%", 2030, List.of())));
            compound = targets.find(added.get(0).id()).orElseThrow();
            due2025 = added.get(1);
            due2030 = added.get(2);
            // one yearly report for 2025 and 2026
            reporting.saveSchedule(plan, Frequency.ANNUAL, List.of("05/12"), List.of("15/12"), 2025, 2026, null, null,
                    null);
            return null;
        });
        assertThat(compound.compoundCount()).isTrue();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    TargetDraft draft(String code, String text, BigDecimal value, String unit, int deadline, List<TargetSplit> splits) {
        return new TargetDraft(code, text, text, splits.isEmpty() ? TargetKind.PERCENT : TargetKind.COUNT,
                Comparison.AT_LEAST, value, unit, deadline, null, null, Pillar.DIGITAL_GOVERNMENT, splits,
                List.of(agency), List.of(), null);
    }

    ReportForm form(String period) {
        ReportingPeriod p = as(steering, () -> reporting.periods(plan)).stream()
                .filter(x -> x.period().equals(period)).findFirst().orElseThrow();
        Submission s = as(editor, () -> reporting.open(p.id(), agency));
        return as(editor, () -> reporting.form(s.id()));
    }

    static List<ReportForm.TargetLine> of(ReportForm form, Target t) {
        return form.targets().stream().filter(l -> l.targetId() == t.id()).toList();
    }

    @Test
    void the2025FormAsksForBothCountsAndTellsTheTwoDeadlinesApart() {
        ReportForm f = form("2025");
        assertThat(of(f, compound)).extracting(ReportForm.TargetLine::split).containsExactly(0, 1);
        assertThat(of(f, compound)).extracting(ReportForm.TargetLine::label)
                .containsExactly("9.9 · 6 huyện", "9.9 · 300 xã");
        assertThat(of(f, compound)).extracting(ReportForm.TargetLine::indicatorId).doesNotHaveDuplicates();
        assertThat(of(f, due2025)).singleElement().extracting(ReportForm.TargetLine::label).isEqualTo("9.8 · đến 2025");
        assertThat(of(f, due2030)).singleElement().extracting(ReportForm.TargetLine::label).isEqualTo("9.8 · đến 2030");
        assertThat(of(f, due2030).get(0).deadlineYear()).isEqualTo(2030);
    }

    @Test
    void the2026FormHasNoDistrictsAndNoTargetPastItsDeadline() {
        ReportForm f = form("2026");
        assertThat(of(f, compound)).as("the communes only: Thanh Hóa has no districts after 1/7/2025")
                .singleElement().satisfies(l -> {
                    assertThat(l.split()).isEqualTo(1);
                    assertThat(l.label()).isEqualTo("9.9 · 300 xã");
                    assertThat(l.indicatorId()).isEqualTo(compound.splits().get(1).indicatorId());
                });
        assertThat(of(f, due2025)).as("judged at its 2025 deadline, not asked again").isEmpty();
        assertThat(of(f, due2030)).singleElement().extracting(ReportForm.TargetLine::label).isEqualTo("9.8 · đến 2030");
        assertThat(f.targets()).allSatisfy(l -> assertThat(l.deadlineYear() == null || l.deadlineYear() >= 2026).isTrue());
    }

    @Test
    void eachSplitLineIsSavedIntoItsOwnIndicator() {
        ReportForm f = form("2025");
        ReportForm.TargetLine districts = of(f, compound).get(0);
        ReportForm.TargetLine communes = of(f, compound).get(1);
        as(editor, () -> reporting.save(f.submission().id(), new vn.dxgov.reporting.ReportInput(null, List.of(
                new vn.dxgov.reporting.ReportInput.TargetValue(compound.id(), new BigDecimal("4"), null, null, null, 0,
                        districts.version()),
                new vn.dxgov.reporting.ReportInput.TargetValue(compound.id(), new BigDecimal("210"), null, null, null, 1,
                        communes.version())), List.of())));
        ReportForm again = as(editor, () -> reporting.form(f.submission().id()));
        assertThat(of(again, compound)).extracting(ReportForm.TargetLine::value)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("4"), new BigDecimal("210"));
    }
}
