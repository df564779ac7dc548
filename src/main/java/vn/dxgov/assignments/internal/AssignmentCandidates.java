package vn.dxgov.assignments.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.assignments.Assignments.Decision;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/** The units the steering department may still assign to a tranche: of the level, in the province, valid in the year. */
@Component
class AssignmentCandidates {

    private final AdminUnits units;
    private final JdbcClient jdbc;

    AssignmentCandidates(AdminUnits units, JdbcClient jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    List<AdminUnit> candidates(Decision d, UnitLevel level, int year, String query, int limit) {
        Set<Long> taken = new HashSet<>(jdbc.sql("select unit_id from assignment where decision_id = ?").param(d.id())
                .query(Long.class).list());
        // units valid at any time of the year: for 2025 the communes before the reform of 1/7/2025, then the new ones
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        if (level == UnitLevel.DISTRICT && last.isAfter(JdbcAssignments.LAST_DISTRICT_DAY)) {
            last = JdbcAssignments.LAST_DISTRICT_DAY;
        }
        java.util.LinkedHashMap<Long, AdminUnit> byId = new java.util.LinkedHashMap<>();
        for (LocalDate on : List.of(first, last)) {
            for (AdminUnit u : below(d.provinceCode(), level, on)) {
                byId.putIfAbsent(u.id(), u);
            }
        }
        List<AdminUnit> all = new ArrayList<>(byId.values());
        return all.stream().filter(u -> !taken.contains(u.id()))
                .filter(u -> query == null || query.isBlank() || VietText.matches(u.name(), query))
                .limit(limit).toList();
    }

    private List<AdminUnit> below(String provinceCode, UnitLevel level, LocalDate on) {
        return units.find(provinceCode, on).map(p -> units.below(p.id(), level)).orElse(List.of()).stream()
                .filter(u -> u.validOn(on)).toList();
    }
}
