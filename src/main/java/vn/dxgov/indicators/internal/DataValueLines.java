package vn.dxgov.indicators.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.ValueSource;
import vn.dxgov.indicators.ValueState;
import vn.dxgov.indicators.internal.DataValueCheck.Clean;
import vn.dxgov.indicators.internal.DataValueCheck.Key;
import vn.dxgov.security.AuditLog;
import vn.dxgov.shared.web.ApiException;

/**
 * The rows of one data value line: data_value (the figure, working and approved) and data_value_version (every
 * change), with the audit record of each. {@link JdbcDataValueStore} decides what is written; this class writes it,
 * inside the store's transaction.
 */
@Component
class DataValueLines {

    static final String COLUMNS = """
            id, indicator_id, unit_id, period, value, numerator, denominator, source, submission_id, comment, demo,
            locked, version, updated_by, updated_at, agency_id, contribution, state, approved_value,
            approved_numerator, approved_denominator, approved_at""";

    static final RowMapper<DataValue> ROW = (rs, n) -> new DataValue(rs.getLong("id"), rs.getLong("indicator_id"),
            rs.getLong("unit_id"), rs.getString("period"), stripped(rs.getBigDecimal("value")),
            stripped(rs.getBigDecimal("numerator")), stripped(rs.getBigDecimal("denominator")),
            ValueSource.valueOf(rs.getString("source")), longOrNull(rs, "submission_id"), rs.getString("comment"),
            rs.getBoolean("demo"), rs.getBoolean("locked"), rs.getInt("version"), rs.getString("updated_by"),
            instant(rs.getTimestamp("updated_at")), longOrNull(rs, "agency_id"), rs.getBoolean("contribution"),
            ValueState.valueOf(rs.getString("state")), stripped(rs.getBigDecimal("approved_value")),
            stripped(rs.getBigDecimal("approved_numerator")), stripped(rs.getBigDecimal("approved_denominator")),
            instant(rs.getTimestamp("approved_at")));

    private final JdbcClient jdbc;
    private final AuditLog audit;

    DataValueLines(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The stored lines of a batch, locked for update, by line. */
    Map<Key, DataValue> lockExisting(List<Clean> clean) {
        Map<Key, DataValue> out = new HashMap<>();
        Long[] ind = clean.stream().map(Clean::indicatorId).toArray(Long[]::new);
        Long[] unit = clean.stream().map(Clean::unitId).toArray(Long[]::new);
        String[] per = clean.stream().map(Clean::period).toArray(String[]::new);
        Long[] contributor = clean.stream().map(c -> c.key().contributor()).toArray(Long[]::new);
        jdbc.sql("select " + COLUMNS + " " + """
                 from data_value
                 where (indicator_id, unit_id, period, case when contribution then agency_id else 0 end) in
                 (select * from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[]))
                 order by id for update""")
                .params(ind, unit, per, contributor).query(ROW).list()
                .forEach(v -> out.put(Key.of(v), v));
        return out;
    }

    /**
     * The state a write leaves the line in: DRAFT with a report (the working figure; the approved one stays), else
     * APPROVED at once (the working figure is the approved figure).
     */
    private static ValueState stateOf(Long submissionId) {
        return submissionId == null ? ValueState.APPROVED : ValueState.DRAFT;
    }

    DataValue create(Clean c, DataValue old, ValueSource source, Long submissionId, boolean demo, String user) {
        long id;
        boolean approved = submissionId == null;
        if (old == null) {
            Long inserted = jdbc.sql("""
                    insert into data_value (indicator_id, unit_id, period, value, numerator, denominator, source,
                                            submission_id, comment, demo, locked, version, updated_by, updated_at,
                                            agency_id, contribution, state, approved_value, approved_numerator,
                                            approved_denominator, approved_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 1, ?, now(), ?, ?, ?, ?, ?, ?,
                            case when ? then now() end)
                    on conflict do nothing returning id""")
                    .params(c.indicatorId(), c.unitId(), c.period(), c.value(), c.numerator(), c.denominator(),
                            source.name(), submissionId, c.comment(), demo, user, c.agencyId(), c.contribution(),
                            stateOf(submissionId).name(), approved ? c.value() : null, approved ? c.numerator() : null,
                            approved ? c.denominator() : null, approved)
                    .query(Long.class).optional().orElse(null);
            if (inserted == null) {
                throw new ApiException(HttpStatus.CONFLICT, "dataValue.concurrent");
            }
            id = inserted;
        } else {
            // a deleted value written again
            id = old.id();
            writeFigure(c, old, source, submissionId, demo, user);
        }
        DataValue now = load(id);
        appendVersion(now, "CREATE");
        audit.record("dataValue.create", "data_value", id, old, now);
        return now;
    }

    DataValue update(Clean c, DataValue old, ValueSource source, Long submissionId, boolean demo, String user) {
        writeFigure(c, old, source, submissionId, demo, user);
        DataValue now = load(old.id());
        appendVersion(now, "UPDATE");
        audit.record("dataValue.update", "data_value", old.id(), old, now);
        return now;
    }

    DataValue delete(Clean c, DataValue old, ValueSource source, Long submissionId, String user) {
        writeFigure(c, old, source, submissionId, old.demo(), user);
        DataValue now = load(old.id());
        appendVersion(now, "DELETE");
        audit.record("dataValue.delete", "data_value", old.id(), old, now);
        return now;
    }

    /**
     * Sets a stored line's working figure (null: deleted) and who owns it now. Without a report the figure is approved
     * at once; with one the line is DRAFT and keeps its approved figure, except that a real figure replacing a
     * demonstration one drops the demonstration's approved figure (it must not pass for a real one).
     */
    private void writeFigure(Clean c, DataValue old, ValueSource source, Long submissionId, boolean demo, String user) {
        boolean replacesDemo = old.demo() && !demo;
        boolean approved = submissionId == null;
        Long submission = submissionId != null || replacesDemo ? submissionId : old.submissionId();
        jdbc.sql("""
                update data_value set value = ?, numerator = ?, denominator = ?, source = ?, submission_id = ?,
                       comment = ?, demo = ?, locked = locked and not ?, version = version + 1, updated_by = ?,
                       updated_at = now(), agency_id = ?, state = ?,
                       approved_value = case when ? then ? when ? then null else approved_value end,
                       approved_numerator = case when ? then ? when ? then null else approved_numerator end,
                       approved_denominator = case when ? then ? when ? then null else approved_denominator end,
                       approved_at = case when ? then now() when ? then null else approved_at end
                where id = ?""")
                .params(c.value(), c.numerator(), c.denominator(), source.name(), submission,
                        c.delete() ? old.comment() : c.comment(), demo, replacesDemo, user,
                        c.agencyId(), stateOf(submissionId).name(),
                        approved, c.value(), replacesDemo,
                        approved, c.numerator(), replacesDemo,
                        approved, c.denominator(), replacesDemo,
                        approved, replacesDemo,
                        old.id())
                .update();
    }

    void appendVersion(DataValue v, String action) {
        jdbc.sql("""
                insert into data_value_version (data_value_id, version, action, value, numerator, denominator, source,
                                                submission_id, comment, changed_by, changed_at, agency_id,
                                                contribution, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.id(), v.version(), action, v.value(), v.numerator(), v.denominator(), v.source().name(),
                        v.submissionId(), v.comment(), v.updatedBy(), Timestamp.from(v.updatedAt()), v.agencyId(),
                        v.contribution(), v.state().name())
                .update();
    }

    DataValue load(long id) {
        return jdbc.sql("select " + COLUMNS + " from data_value where id = ?").param(id).query(ROW).single();
    }

    static BigDecimal stripped(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
