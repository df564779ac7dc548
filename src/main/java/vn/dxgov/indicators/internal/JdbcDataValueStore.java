package vn.dxgov.indicators.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.DataValueVersion;
import vn.dxgov.indicators.DataValuesChanged;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.ValueSource;
import static vn.dxgov.indicators.internal.DataValueLines.COLUMNS;
import static vn.dxgov.indicators.internal.DataValueLines.ROW;
import static vn.dxgov.indicators.internal.DataValueLines.instant;
import static vn.dxgov.indicators.internal.DataValueLines.longOrNull;
import static vn.dxgov.indicators.internal.DataValueLines.stripped;
import vn.dxgov.indicators.internal.DataValueCheck.Clean;
import vn.dxgov.indicators.internal.DataValueCheck.Key;
import vn.dxgov.indicators.internal.DataValueCheck.Lookups;
import vn.dxgov.indicators.ValueState;
import vn.dxgov.indicators.StaleValueException;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;

/**
 * Data values in data_value, every change kept in data_value_version. A deleted value keeps its row (value null)
 * so that its history stays; writing it again is a new CREATE version.
 */
// size: every SQL statement of the data values and their versions in one place, the streaming reads of the analytics build among them
@Service
@Transactional(readOnly = true)
class JdbcDataValueStore implements DataValueStore {

    private final JdbcClient jdbc;
    private final IndicatorCatalog indicators;
    private final AdminUnits units;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final DataValueLines rows;

    private final CellCopyReader cells;

    JdbcDataValueStore(JdbcClient jdbc, IndicatorCatalog indicators, AdminUnits units, AuditLog audit,
                       ApplicationEventPublisher events, DataValueLines rows, CellCopyReader cells) {
        this.rows = rows;
        this.cells = cells;
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.units = units;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    public List<DataValue> write(Collection<DataValueInput> inputs, ValueSource source, Long submissionId, boolean demo) {
        return writeDetailed(List.copyOf(inputs), source, submissionId, demo).stream().map(Written::value).toList();
    }

    /**
     * Writes values and says per input what happened. All or nothing: any bad input gives 400 with one detail line
     * per problem; a change to a locked line, to another agency's line or to a line changed since the writer read it
     * gives 409 listing them; nothing is written then.
     */
    @Override
    @Transactional
    public List<Written> writeDetailed(List<DataValueInput> inputs, ValueSource source, Long submissionId, boolean demo) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        if (inputs.size() > MAX_BATCH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "dataValue.batchTooLarge", inputs.size(), MAX_BATCH);
        }
        Objects.requireNonNull(source, "source");
        if (submissionId == null && inputs.stream().anyMatch(in -> in.agencyId() != null)) {
            // an agency's figures always travel with its report; the caller must say which one
            throw new IllegalArgumentException("an agency's line is written with its report (submissionId)");
        }
        List<Clean> clean = new ArrayList<>();
        Lookups found = lookups(inputs);
        List<String> problems = DataValueCheck.check(inputs, null, clean, found);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "dataValue.invalid", problems.size());
        }
        Map<Key, DataValue> existing = rows.lockExisting(clean);
        List<Action> actions = clean.stream().map(c -> action(existing.get(c.key()), c, submissionId, demo)).toList();
        refuseConflicts(clean, actions, existing, found, demo);
        return apply(clean, actions, existing, source, submissionId, demo);
    }

    /**
     * Throws when a change would touch another agency's line (403), a locked line (409) or a line changed or removed
     * since the writer read it ({@link StaleValueException}); real figures replace demonstration ones, locked or not.
     */
    private static void refuseConflicts(List<Clean> clean, List<Action> actions, Map<Key, DataValue> existing,
                                        Lookups found, boolean demo) {
        List<String> refused = new ArrayList<>();
        List<String> notOwned = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<DataValue> staleLines = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            Clean c = clean.get(i);
            DataValue old = existing.get(c.key());
            Action a = actions.get(i);
            String where = DataValueCheck.label(c.index(), found.indicators().get(c.indicatorId()),
                    found.units().get(c.unitId()), c.period());
            if (a == Action.UNCHANGED || old == null) {
                if (a != Action.UNCHANGED && c.version() != null && c.version() != 0 && old == null) {
                    stale.add(where + ": số liệu đã bị xóa từ khi bạn mở / the value was removed since you read it");
                }
                continue;
            }
            boolean realOverDemo = old.demo() && !demo;
            // real figures replace demonstration ones, locked or not (a demo approval locks nothing real)
            if (old.locked() && !realOverDemo) {
                refused.add(where + ": số liệu đã khóa (báo cáo đã được duyệt) / locked: its report is approved");
            } else if (old.agencyId() != null && !old.agencyId().equals(c.agencyId()) && !realOverDemo) {
                notOwned.add(where + ": dòng số liệu này thuộc báo cáo của cơ quan khác (#" + old.agencyId()
                        + "); sửa qua báo cáo đó (trả lại hoặc mở lại) / the line belongs to another agency's report;"
                        + " correct it through that report (return or reopen it)");
            } else if (c.version() != null && !sameVersion(old, c.version())) {
                stale.add(where + ": " + (old.updatedBy() == null ? "" : old.updatedBy() + " ")
                        + "đã sửa số liệu này từ khi bạn mở (phiên bản " + c.version() + " → " + old.version()
                        + ") / changed since you read it (version " + c.version() + " → " + old.version() + ")");
                staleLines.add(old);
            }
        }
        if (!notOwned.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, notOwned, "dataValue.notOwned", notOwned.size());
        }
        if (!refused.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, refused, "dataValue.locked", refused.size());
        }
        if (!stale.isEmpty()) {
            throw new StaleValueException(stale, staleLines);
        }
    }

    /** Writes each line as its action says and tells the analytics what changed (one event for the batch). */
    private List<Written> apply(List<Clean> clean, List<Action> actions, Map<Key, DataValue> existing,
                                ValueSource source, Long submissionId, boolean demo) {
        String user = CurrentUser.username().orElse("system");
        List<Written> out = new ArrayList<>();
        List<DataValue> changed = new ArrayList<>();
        List<DataValue> deleted = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            Clean c = clean.get(i);
            DataValue old = existing.get(c.key());
            Action a = actions.get(i);
            DataValue now = switch (a) {
                case UNCHANGED -> old != null ? old : absent(c);
                case CREATED -> rows.create(c, old, source, submissionId, demo, user);
                case UPDATED -> rows.update(c, old, source, submissionId, demo, user);
                case DELETED -> rows.delete(c, old, source, submissionId, user);
            };
            if (a == Action.CREATED || a == Action.UPDATED) {
                changed.add(now);
            } else if (a == Action.DELETED) {
                deleted.add(now);
            }
            out.add(new Written(c.index(), now, a));
        }
        if (!changed.isEmpty() || !deleted.isEmpty()) {
            events.publishEvent(new DataValuesChanged(List.copyOf(changed), List.copyOf(deleted)));
        }
        return out;
    }

    /** The writer read this version of the line (0: it read no figure, true of a deleted line too). */
    private static boolean sameVersion(DataValue old, int read) {
        return old.version() == read || (read == 0 && old.value() == null);
    }

    /**
     * The problems of a batch, one line each, without writing anything; items are numbered {@code numbering[i]}
     * (1-based; i + 1 when null).
     */
    @Override
    public List<String> check(List<DataValueInput> inputs, int[] numbering) {
        return DataValueCheck.check(inputs, numbering, null, lookups(inputs));
    }

    private Lookups lookups(List<DataValueInput> inputs) {
        Map<Long, Indicator> byId = indicators.findAll(inputs.stream().map(DataValueInput::indicatorId).distinct().toList());
        Map<Long, AdminUnit> unitById = new HashMap<>();
        for (DataValueInput in : inputs) {
            if (!unitById.containsKey(in.unitId())) {
                unitById.put(in.unitId(), units.find(in.unitId()).orElse(null));
            }
        }
        return new Lookups(byId, unitById);
    }

    private static Action action(DataValue old, Clean c, Long submissionId, boolean demo) {
        boolean stored = old != null && old.value() != null;
        if (c.delete()) {
            return stored ? Action.DELETED : Action.UNCHANGED;
        }
        if (!stored) {
            return Action.CREATED;
        }
        boolean same = eq(old.value(), c.value()) && eq(old.numerator(), c.numerator())
                && eq(old.denominator(), c.denominator()) && Objects.equals(old.comment(), c.comment())
                && old.demo() == demo && Objects.equals(old.agencyId(), c.agencyId())
                && (submissionId == null ? old.state() == ValueState.APPROVED && eq(old.approvedValue(), c.value())
                                         : submissionId.equals(old.submissionId()));
        return same ? Action.UNCHANGED : Action.UPDATED;
    }

    private static DataValue absent(Clean c) {
        return new DataValue(0, c.indicatorId(), c.unitId(), c.period(), null, null, null, ValueSource.API, null, null,
                false, false, 0, null, null, c.agencyId(), c.contribution(), ValueState.DRAFT, null, null, null, null);
    }

    // ----- reads

    @Override
    public List<DataValue> find(Collection<Long> indicatorIds, Collection<Long> unitIds, Collection<String> periods) {
        return select(" where value is not null and not contribution", indicatorIds, unitIds, periods);
    }

    @Override
    public List<DataValue> lines(Collection<Long> indicatorIds, Collection<Long> unitIds, Collection<String> periods) {
        return select(" where true", indicatorIds, unitIds, periods);
    }

    private List<DataValue> select(String base, Collection<Long> indicatorIds, Collection<Long> unitIds,
                                   Collection<String> periods) {
        StringBuilder where = new StringBuilder(base);
        List<Object> params = new ArrayList<>();
        if (indicatorIds != null && !indicatorIds.isEmpty()) {
            where.append(" and indicator_id = any(?)");
            params.add(indicatorIds.toArray(Long[]::new));
        }
        if (unitIds != null && !unitIds.isEmpty()) {
            where.append(" and unit_id = any(?)");
            params.add(unitIds.toArray(Long[]::new));
        }
        if (periods != null && !periods.isEmpty()) {
            Set<String> codes = new HashSet<>();
            for (String p : periods) {
                try {
                    codes.add(Period.parse(p).code());
                } catch (IllegalArgumentException e) {
                    codes.add(p);
                }
            }
            where.append(" and period = any(?)");
            params.add(codes.toArray(String[]::new));
        }
        return jdbc.sql("select " + COLUMNS + " from data_value" + where
                        + " order by indicator_id, unit_id, period, contribution, agency_id")
                .params(params).query(ROW).list();
    }

    @Override
    public java.util.Optional<DataValue> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from data_value where id = ?").param(id).query(ROW).optional();
    }

    @Override
    public List<DataValue> findByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from data_value where id = any(?)")
                .param(ids.stream().mapToLong(Long::longValue).boxed().toArray(Long[]::new)).query(ROW).list();
    }

    @Override
    public List<DataValue> forSubmission(long submissionId) {
        return jdbc.sql("select " + COLUMNS
                        + " from data_value where submission_id = ? and value is not null order by id")
                .param(submissionId).query(ROW).list();
    }

    @Override
    public List<DataValueVersion> history(long dataValueId) {
        return jdbc.sql("""
                select data_value_id, version, action, value, numerator, denominator, source, submission_id, comment,
                       changed_by, changed_at, agency_id, contribution, state
                from data_value_version where data_value_id = ? order by version""")
                .param(dataValueId)
                .query((rs, n) -> new DataValueVersion(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        stripped(rs.getBigDecimal(4)), stripped(rs.getBigDecimal(5)), stripped(rs.getBigDecimal(6)),
                        ValueSource.valueOf(rs.getString(7)), longOrNull(rs, "submission_id"), rs.getString(9),
                        rs.getString(10), instant(rs.getTimestamp(11)), longOrNull(rs, "agency_id"),
                        rs.getBoolean("contribution"),
                        rs.getString("state") == null ? null : ValueState.valueOf(rs.getString("state"))))
                .list();
    }

    @Override
    @Transactional
    public void setLocked(long submissionId, boolean locked) {
        transition(submissionId, locked ? ValueState.APPROVED : ValueState.DRAFT);
    }

    @Override
    @Transactional
    public void transition(long submissionId, ValueState to) {
        // the lines of the report, deleted ones too: approving a deletion removes the approved figure
        List<DataValue> lines = jdbc.sql("select " + COLUMNS
                        + " from data_value where submission_id = ? order by id for update")
                .param(submissionId).query(ROW).list();
        String action = switch (to) {
            case SUBMITTED -> "SUBMIT";
            case APPROVED -> "APPROVE";
            case DRAFT -> null;
        };
        String user = CurrentUser.username().orElse("system");
        List<DataValue> changed = new ArrayList<>();
        String step = action;
        for (DataValue v : lines) {
            boolean approve = to == ValueState.APPROVED;
            if (v.state() == to && v.locked() == approve
                    && (!approve || (eq(v.approvedValue(), v.value()) && eq(v.approvedNumerator(), v.numerator())
                    && eq(v.approvedDenominator(), v.denominator())))) {
                continue;
            }
            if (v.value() == null && v.approvedValue() == null) {
                continue;
            }
            jdbc.sql("""
                    update data_value set state = ?, locked = ?, version = version + 1, updated_by = ?,
                           updated_at = now(),
                           approved_value = case when ? then value else approved_value end,
                           approved_numerator = case when ? then numerator else approved_numerator end,
                           approved_denominator = case when ? then denominator else approved_denominator end,
                           approved_at = case when ? then now() else approved_at end
                    where id = ?""")
                    .params(to.name(), approve, user, approve, approve, approve, approve, v.id()).update();
            DataValue now = rows.load(v.id());
            String thisStep = action != null ? action : v.locked() ? "REOPEN" : "RETURN";
            step = step == null ? thisStep : step;
            rows.appendVersion(now, thisStep);
            changed.add(now);
        }
        if (changed.isEmpty()) {
            return;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", to.name());
        after.put("dataValueIds", changed.stream().map(DataValue::id).toList());
        audit.record("dataValue." + step.toLowerCase(java.util.Locale.ROOT), "submission", submissionId, null, after);
        events.publishEvent(new DataValuesChanged(List.copyOf(changed), List.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<DataValue> consumer) {
        // only what can count (official lines with an approved or a submitted figure), only the columns the
        // aggregate reads: the start-up build reads every stored figure, so narrow rows keep it fast
        jdbc.sql("""
                select id, indicator_id, unit_id, period, value, numerator, denominator, demo, version, state,
                       approved_value, approved_numerator, approved_denominator
                from data_value
                where not contribution and (approved_value is not null or (state = 'SUBMITTED' and value is not null))""")
                .withFetchSize(10_000)
                .query(rs -> {
                    consumer.accept(new DataValue(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), ValueSource.API, null, null,
                            rs.getBoolean(8), false, rs.getInt(9), null, null, null, false,
                            ValueState.valueOf(rs.getString(10)), rs.getBigDecimal(11), rs.getBigDecimal(12),
                            rs.getBigDecimal(13), null));
                });
    }

    @Override
    // outside any transaction: the read runs in one of its own, where it pins the plan (CellCopyReader)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public void forEachCell(long indicatorId, CellConsumer consumer) {
        // COPY in the unique index's order (indicator, unit, period), parsed without an object per field
        cells.read(indicatorId, consumer);
    }

    /** Below this many rows (the planner's estimate) the lines are counted; above, estimated from statistics. */
    static final long COUNT_EXACTLY_BELOW = 2_000_000;

    @Override
    public Map<Long, Long> countCells() {
        // the planner's row estimate scaled to the table's current size (as the planner does), so rows added since
        // the last ANALYZE count too; a full count of 80 M rows took tens of seconds of a 250 s start
        Double rows = jdbc.sql("""
                select case when c.reltuples <= 0 or c.relpages = 0 then -1
                            else c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::int)
                       end
                from pg_class c where c.oid = to_regclass('data_value')""").query(Double.class).optional().orElse(-1.0);
        if (rows < COUNT_EXACTLY_BELOW) {
            return countExactly();
        }
        java.util.Optional<Map<Long, Long>> estimated = jdbc.sql("""
                select most_common_vals::text, most_common_freqs, n_distinct from pg_stats
                where schemaname = current_schema() and tablename = 'data_value' and attname = 'indicator_id'""")
                .query((rs, n) -> {
                    Map<Long, Long> counts = new HashMap<>();
                    String vals = rs.getString(1);
                    java.sql.Array freqs = rs.getArray(2);
                    double distinct = rs.getDouble(3);
                    double covered = 0;
                    if (vals != null && freqs != null) {
                        String[] ids = vals.replace("{", "").replace("}", "").split(",");
                        Object f = freqs.getArray();
                        for (int i = 0; i < ids.length; i++) {
                            double fr = ((Number) java.lang.reflect.Array.get(f, i)).doubleValue();
                            counts.put(Long.parseLong(ids[i].trim()), (long) Math.ceil(fr * rows));
                            covered += fr;
                        }
                    }
                    double distinctIds = distinct >= 0 ? distinct : -distinct * rows;
                    List<Long> all = jdbc.sql("select id from indicator").query(Long.class).list();
                    long others = all.stream().filter(id -> !counts.containsKey(id)).count();
                    double rest = Math.max(0, 1 - covered) * rows;
                    double spread = Math.max(1, Math.min(others, distinctIds - counts.size()));
                    long each = (long) Math.ceil(rest / spread);
                    // every indicator: one written since the last ANALYZE must be read too
                    for (Long id : all) {
                        counts.putIfAbsent(id, each);
                    }
                    return counts;
                }).optional();
        return estimated.orElseGet(this::countExactly);
    }

    private Map<Long, Long> countExactly() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                select indicator_id, count(*) from data_value
                where not contribution and (approved_value is not null or (state = 'SUBMITTED' and value is not null))
                group by indicator_id""")
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    // ----- helpers

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }


}
