package vn.dxgov.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dxgov.analytics.TargetStatus;

/** Which of a province's targets of one kind a cell of the national comparison shows (today: 2026). */
class NationalComparisonTest {

    static NationalComparison.Cell cell(long id, Integer deadline, TargetStatus status) {
        return new NationalComparison.Cell(id, "06-NQ/TU", "≥ 20%", deadline, status == TargetStatus.NO_DATA ? null
                : BigDecimal.TEN, 2025, "%", status, false, 0);
    }

    @Test
    void theNearestDeadlineToComeAmongJudgedTargets() {
        var c = NationalComparison.pick(List.of(cell(1, 2025, TargetStatus.OFF_TRACK), cell(2, 2030, TargetStatus.ON_TRACK),
                cell(3, 2028, TargetStatus.AT_RISK)), 2026);
        assertThat(c.targetId()).isEqualTo(3);
        assertThat(c.others()).isEqualTo(2);
    }

    @Test
    void aJudgedPastTargetBeforeAFutureOneWithoutFigures() {
        var c = NationalComparison.pick(List.of(cell(1, 2025, TargetStatus.OFF_TRACK), cell(2, 2030, TargetStatus.NO_DATA)),
                2026);
        assertThat(c.targetId()).isEqualTo(1);
        assertThat(c.others()).isEqualTo(1);
    }

    @Test
    void withoutFiguresTheNextDeadlineElseTheLatest() {
        assertThat(NationalComparison.pick(List.of(cell(1, 2025, TargetStatus.NO_DATA), cell(2, 2030, TargetStatus.NO_DATA)),
                2026).targetId()).isEqualTo(2);
        assertThat(NationalComparison.pick(List.of(cell(1, 2024, TargetStatus.NO_DATA), cell(2, 2025, TargetStatus.NO_DATA)),
                2026).targetId()).isEqualTo(2);
        assertThat(NationalComparison.pick(List.of(cell(1, 2025, TargetStatus.NO_DATA)), 2026).others()).isZero();
    }
}
