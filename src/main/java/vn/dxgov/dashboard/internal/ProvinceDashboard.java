package vn.dxgov.dashboard.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.plans.Plan;

/** A province's dashboard: the status board, late agencies, the next deadlines and the DTI history. */
@Component
class ProvinceDashboard {

    /**
     * @param unit the province valid today (null when the code names none today)
     * @param demo true when any figure shown comes from demonstration data
     */
    record View(String code, AdminUnit unit, String name, int planCount, StatusBoard.Board board,
                List<ReportingWatch.LateAgency> late, List<ReportingWatch.Deadline> deadlines,
                DtiHistory.History dti, boolean demo) {
    }

    private final StatusBoard statusBoard;
    private final ReportingWatch watch;
    private final DtiHistory dti;
    private final AdminUnits units;

    ProvinceDashboard(StatusBoard statusBoard, ReportingWatch watch, DtiHistory dti, AdminUnits units) {
        this.statusBoard = statusBoard;
        this.watch = watch;
        this.dti = dti;
        this.units = units;
    }

    View view(String code, List<Plan> provincePlans, LocalDate today, Locale locale) {
        Optional<AdminUnit> unit = units.find(code, today).or(() -> units.findProvince(code, today));
        StatusBoard.Board board = statusBoard.board(statusBoard.judge(provincePlans, today), locale);
        List<ReportingWatch.LateAgency> late = watch.late(provincePlans, today);
        DtiHistory.History history = unit.map(u -> dti.of(u.id()))
                .orElse(new DtiHistory.History(null, List.of(), List.of(), 0));
        boolean demo = board.demo() || late.stream().anyMatch(ReportingWatch.LateAgency::demo);
        String name = unit.map(AdminUnit::shortName).orElse(code);
        return new View(code, unit.orElse(null), name, provincePlans.size(), board, late,
                watch.deadlines(provincePlans, today), history, demo);
    }
}
