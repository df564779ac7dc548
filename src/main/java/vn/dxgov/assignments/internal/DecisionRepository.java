package vn.dxgov.assignments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dxgov.assignments.Assignments.Decision;
import vn.dxgov.assignments.Assignments.Tranche;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * Decisions and their tranches in PostgreSQL (tables assignment_decision, assignment_tranche), and the named
 * assignments an import writes: SQL only, no rules, no access checks.
 */
@Repository
class DecisionRepository {

    private final JdbcClient jdbc;
    private final AdminUnits units;
    private final Clock clock;

    DecisionRepository(JdbcClient jdbc, AdminUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    /** Every decision with its tranches, by province, then issue date. */
    List<Decision> all() {
        return jdbc.sql("select * from assignment_decision order by province_code, issued_on nulls last, id")
                .query(this::mapDecision).list().stream().map(this::withTranches).toList();
    }

    Optional<Decision> find(long id) {
        return jdbc.sql("select * from assignment_decision where id = ?").param(id).query(this::mapDecision).optional()
                .map(this::withTranches);
    }

    Optional<Decision> find(String provinceCode, String number) {
        return jdbc.sql("select * from assignment_decision where province_code = ? and number = ?")
                .params(provinceCode, number).query(this::mapDecision).optional().map(this::withTranches);
    }

    /** How many units are assigned to a tranche. */
    int assignedCount(long trancheId) {
        return jdbc.sql("select count(*) from assignment where tranche_id = ?").param(trancheId).query(Integer.class).single();
    }

    long insertDecision(String provinceCode, String number, String title, LocalDate issuedOn, String source,
                        Long targetId, String createdBy) {
        return jdbc.sql("""
                        insert into assignment_decision (province_code, number, title, issued_on, source, target_id, created_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(provinceCode, number, title, issuedOn, source, targetId, createdBy).query(Long.class).single();
    }

    /** A decision imported again: its title, date and file; its target unless none is given. */
    void updateDecision(long id, String title, LocalDate issuedOn, String source, Long targetId) {
        jdbc.sql("update assignment_decision set title = ?, issued_on = ?, source = ?, target_id = coalesce(?, target_id) where id = ?")
                .params(title, issuedOn, source, targetId, id).update();
    }

    void deleteTranche(long trancheId) {
        jdbc.sql("delete from assignment_tranche where id = ?").param(trancheId).update();
    }

    /** Takes off the units a decision's file named (those assigned by hand stay). */
    void deleteNamedAssignments(long decisionId) {
        jdbc.sql("delete from assignment where decision_id = ? and named_as is not null").param(decisionId).update();
    }

    /** Inserts the tranche of a level and year, or updates its count, named flag and source; its id. */
    long saveTranche(long decisionId, UnitLevel level, int year, int required, boolean named, String source) {
        return jdbc.sql("""
                        insert into assignment_tranche (decision_id, level, year, required_count, named, source)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (decision_id, level, year) do update set required_count = excluded.required_count,
                            named = excluded.named, source = excluded.source
                        returning id""")
                .params(decisionId, level.name(), year, required, named, source).query(Long.class).single();
    }

    /** Assigns a unit as the decision names it; false when the unit is assigned in the decision already. */
    boolean assignNamed(long decisionId, long trancheId, AdminUnit unit, String namedAs, String assignedBy) {
        return jdbc.sql("""
                        insert into assignment (decision_id, tranche_id, unit_id, unit_code, unit_name, named_as, assigned_by)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (decision_id, unit_id) do nothing""")
                .params(decisionId, trancheId, unit.id(), unit.code(), unit.name(), namedAs, assignedBy).update() > 0;
    }

    private Decision mapDecision(ResultSet rs, int i) throws SQLException {
        String code = rs.getString("province_code");
        java.sql.Date issued = rs.getDate("issued_on");
        long target = rs.getLong("target_id");
        Long targetId = rs.wasNull() ? null : target;
        String name = units.findProvince(code, LocalDate.now(clock))
                .or(() -> units.findProvince(code, JdbcAssignments.LAST_DISTRICT_DAY))
                .map(AdminUnit::name).orElse(code);
        return new Decision(rs.getLong("id"), code, name, rs.getString("number"), rs.getString("title"),
                issued == null ? null : issued.toLocalDate(), rs.getString("source"), targetId, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), List.of());
    }

    private Decision withTranches(Decision d) {
        List<Tranche> tranches = jdbc.sql("select * from assignment_tranche where decision_id = ? order by level desc, year")
                .param(d.id())
                .query((rs, i) -> new Tranche(rs.getLong("id"), UnitLevel.valueOf(rs.getString("level")), rs.getInt("year"),
                        rs.getInt("required_count"), rs.getBoolean("named"), rs.getString("source"))).list();
        return new Decision(d.id(), d.provinceCode(), d.provinceName(), d.number(), d.title(), d.issuedOn(), d.source(),
                d.targetId(), d.createdBy(), d.createdAt(), tranches);
    }
}
