package vn.dxgov.indicators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import org.springframework.jdbc.core.RowMapper;
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
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.indicators.ValueSource;
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
@Service
@Transactional(readOnly = true)
class JdbcDataValueStore implements DataValueStore {

    /** Largest batch accepted in one write. */
    public static final int MAX_BATCH = 50_000;
    static final int SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal LIMIT = new BigDecimal("1e18");

    private static final String COLUMNS = """
            id, indicator_id, unit_id, period, value, numerator, denominator, source, submission_id, comment, demo,
            locked, version, updated_by, updated_at""";

    static final RowMapper<DataValue> ROW = (rs, n) -> new DataValue(rs.getLong("id"), rs.getLong("indicator_id"),
            rs.getLong("unit_id"), rs.getString("period"), stripped(rs.getBigDecimal("value")),
            stripped(rs.getBigDecimal("numerator")), stripped(rs.getBigDecimal("denominator")),
            ValueSource.valueOf(rs.getString("source")), longOrNull(rs, "submission_id"), rs.getString("comment"),
            rs.getBoolean("demo"), rs.getBoolean("locked"), rs.getInt("version"), rs.getString("updated_by"),
            instant(rs.getTimestamp("updated_at")));

    /** What a write did to one input. */
    public enum Action {
        CREATED, UPDATED, DELETED, UNCHANGED
    }

    /** One input's outcome: the stored state after the write (value null when deleted or never stored). */
    public record Written(int index, DataValue value, Action action) {
    }

    private final JdbcClient jdbc;
    private final IndicatorCatalog indicators;
    private final AdminUnits units;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    JdbcDataValueStore(JdbcClient jdbc, IndicatorCatalog indicators, AdminUnits units, AuditLog audit,
                       ApplicationEventPublisher events) {
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

    /** A normalised, valid input. */
    private record Clean(int index, long indicatorId, long unitId, String period, BigDecimal value,
                         BigDecimal numerator, BigDecimal denominator, String comment) {
        boolean delete() {
            return value == null;
        }
    }

    private record Key(long indicatorId, long unitId, String period) {
    }

    /**
     * Writes values and says per input what happened. All or nothing: any bad input gives 400 with one detail line
     * per problem, any change to a locked value 409 listing them; nothing is written then.
     */
    @Transactional
    public List<Written> writeDetailed(List<DataValueInput> inputs, ValueSource source, Long submissionId, boolean demo) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        if (inputs.size() > MAX_BATCH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "dataValue.batchTooLarge", inputs.size(), MAX_BATCH);
        }
        Objects.requireNonNull(source, "source");
        List<Clean> clean = new ArrayList<>();
        Lookups found = lookups(inputs);
        List<String> problems = check(inputs, null, clean, found);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "dataValue.invalid", problems.size());
        }
        Map<Long, Indicator> byId = found.indicators();
        Map<Long, AdminUnit> unitById = found.units();

        Map<Key, DataValue> existing = lockExisting(clean);
        String user = CurrentUser.username().orElse("system");
        List<String> locked = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (Clean c : clean) {
            DataValue old = existing.get(new Key(c.indicatorId(), c.unitId(), c.period()));
            Action a = action(old, c, submissionId, demo);
            actions.add(a);
            // real figures replace demonstration ones, locked or not (a demo approval locks nothing real)
            if (a != Action.UNCHANGED && old != null && old.locked() && !(old.demo() && !demo)) {
                locked.add(label(c.index(), byId.get(c.indicatorId()), unitById.get(c.unitId()), c.period())
                        + ": số liệu đã khóa (báo cáo đã được duyệt) / locked: its report is approved");
            }
        }
        if (!locked.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, locked, "dataValue.locked", locked.size());
        }

        List<Written> out = new ArrayList<>();
        List<DataValue> changed = new ArrayList<>();
        List<DataValue> deleted = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            Clean c = clean.get(i);
            DataValue old = existing.get(new Key(c.indicatorId(), c.unitId(), c.period()));
            Action a = actions.get(i);
            DataValue now = switch (a) {
                case UNCHANGED -> old != null ? old : absent(c);
                case CREATED -> create(c, old, source, submissionId, demo, user);
                case UPDATED -> update(c, old, source, submissionId, demo, user);
                case DELETED -> delete(old, source, submissionId, user);
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

    /**
     * The problems of a batch, one line each, without writing anything; items are numbered {@code numbering[i]}
     * (1-based; i + 1 when null).
     */
    List<String> check(List<DataValueInput> inputs, int[] numbering) {
        return check(inputs, numbering, null, lookups(inputs));
    }

    /** The indicators and units a batch names (null values for unknown ids). */
    private record Lookups(Map<Long, Indicator> indicators, Map<Long, AdminUnit> units) {
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

    private List<String> check(List<DataValueInput> inputs, int[] numbering, List<Clean> out, Lookups found) {
        Map<Long, Indicator> byId = found.indicators();
        Map<Long, AdminUnit> unitById = found.units();
        List<String> problems = new ArrayList<>();
        Map<Key, Integer> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            DataValueInput in = inputs.get(i);
            int number = numbering == null ? i + 1 : numbering[i];
            Clean c = validate(number, in, byId.get(in.indicatorId()), unitById.get(in.unitId()), problems);
            if (c != null) {
                Integer first = seen.putIfAbsent(new Key(c.indicatorId(), c.unitId(), c.period()), c.index());
                if (first != null) {
                    problems.add(label(c.index(), byId.get(c.indicatorId()), unitById.get(c.unitId()), c.period())
                            + ": trùng với mục #" + first + " (cùng chỉ số, đơn vị, kỳ) / duplicates item #" + first);
                } else if (out != null) {
                    out.add(c);
                }
            }
        }
        return problems;
    }

    private Clean validate(int index, DataValueInput in, Indicator indicator, AdminUnit unit, List<String> problems) {
        String where = label(index, indicator, unit, in.period());
        int before = problems.size();
        if (indicator == null) {
            problems.add(where + ": không có chỉ số #" + in.indicatorId() + " / no indicator " + in.indicatorId());
        } else if (indicator.derived()) {
            problems.add(where + ": chỉ số " + indicator.code() + " được tính theo công thức, không nhập trực tiếp / "
                    + "a derived indicator is computed, not entered");
        }
        if (unit == null) {
            problems.add(where + ": không có đơn vị hành chính #" + in.unitId() + " / no administrative unit " + in.unitId());
        }
        String period = null;
        try {
            period = Period.parse(in.period()).code();
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage() + " / invalid period");
        }
        String comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().trim();
        if (comment != null && comment.length() > 4000) {
            problems.add(where + ": ghi chú tối đa 4000 ký tự / comment too long");
        }
        BigDecimal value = round(in.value());
        BigDecimal num = round(in.numerator());
        BigDecimal den = round(in.denominator());
        for (BigDecimal b : new BigDecimal[]{value, num, den}) {
            if (b != null && b.abs().compareTo(LIMIT) >= 0) {
                problems.add(where + ": số quá lớn / number too large");
                break;
            }
        }
        boolean delete = value == null && num == null && den == null;
        if (indicator != null && !delete) {
            switch (indicator.valueType()) {
                case RATIO -> {
                    if (num == null || den == null) {
                        problems.add(where + ": chỉ số tỷ lệ cần cả tử số và mẫu số / a ratio needs numerator and denominator");
                    } else {
                        if (num.signum() < 0) {
                            problems.add(where + ": tử số phải ≥ 0 / numerator must be ≥ 0");
                        }
                        if (den.signum() <= 0) {
                            problems.add(where + ": mẫu số phải > 0 / denominator must be > 0");
                        } else if (num.compareTo(den) > 0 && isPercent(indicator)) {
                            problems.add(where + ": tử số " + plain(num) + " lớn hơn mẫu số " + plain(den)
                                    + " (tỷ lệ trên 100%) / numerator exceeds denominator");
                        }
                        if (den.signum() > 0 && num.signum() >= 0) {
                            BigDecimal computed = ratio(num, den);
                            if (value != null && value.subtract(computed).abs().compareTo(new BigDecimal("0.01")) > 0) {
                                problems.add(where + ": giá trị " + plain(value) + " khác 100 × tử số ÷ mẫu số = "
                                        + plain(computed) + " / value differs from 100 × numerator ÷ denominator");
                            }
                            value = computed;
                        }
                    }
                }
                case YES_NO -> {
                    if (num != null || den != null) {
                        problems.add(where + ": chỉ số có/không không có tử số, mẫu số / a yes/no indicator takes a value only");
                    }
                    if (value == null || (value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0)) {
                        problems.add(where + ": chỉ nhận 1 (đã hoàn thành) hoặc 0 (chưa) / must be 1 (done) or 0 (not done)");
                    }
                }
                case NUMBER -> {
                    if (num != null || den != null) {
                        problems.add(where + ": chỉ số này không phải tỷ lệ: chỉ nhập giá trị / not a ratio: give the value only");
                    }
                    if (value == null) {
                        problems.add(where + ": thiếu giá trị / value missing");
                    }
                }
            }
        }
        if (problems.size() > before || indicator == null || unit == null) {
            return null;
        }
        if (delete || indicator.valueType() != ValueType.RATIO) {
            num = null;
            den = null;
        }
        return new Clean(index, indicator.id(), unit.id(), period, delete ? null : value, num, den, comment);
    }

    /** A RATIO whose unit is "%" (or none) stays within 0–100; "thuê bao/100 dân" and the like may exceed it. */
    private static boolean isPercent(Indicator i) {
        return i.unit() == null || i.unit().isBlank() || i.unit().trim().startsWith("%");
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
                && old.demo() == demo && (submissionId == null || submissionId.equals(old.submissionId()));
        return same ? Action.UNCHANGED : Action.UPDATED;
    }

    private Map<Key, DataValue> lockExisting(List<Clean> clean) {
        Map<Key, DataValue> out = new HashMap<>();
        Long[] ind = clean.stream().map(Clean::indicatorId).toArray(Long[]::new);
        Long[] unit = clean.stream().map(Clean::unitId).toArray(Long[]::new);
        String[] per = clean.stream().map(Clean::period).toArray(String[]::new);
        jdbc.sql("select " + COLUMNS + " " + """
                 from data_value where (indicator_id, unit_id, period) in
                 (select * from unnest(?::bigint[], ?::bigint[], ?::varchar[]))
                 order by id for update""")
                .params(ind, unit, per).query(ROW).list()
                .forEach(v -> out.put(new Key(v.indicatorId(), v.unitId(), v.period()), v));
        return out;
    }

    private DataValue create(Clean c, DataValue old, ValueSource source, Long submissionId, boolean demo, String user) {
        long id;
        int version;
        if (old == null) {
            Long inserted = jdbc.sql("""
                    insert into data_value (indicator_id, unit_id, period, value, numerator, denominator, source,
                                            submission_id, comment, demo, locked, version, updated_by, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 1, ?, now())
                    on conflict (indicator_id, unit_id, period) do nothing returning id""")
                    .params(c.indicatorId(), c.unitId(), c.period(), c.value(), c.numerator(), c.denominator(),
                            source.name(), submissionId, c.comment(), demo, user)
                    .query(Long.class).optional().orElse(null);
            if (inserted == null) {
                throw new ApiException(HttpStatus.CONFLICT, "dataValue.concurrent");
            }
            id = inserted;
            version = 1;
        } else {
            // a deleted value written again
            id = old.id();
            version = old.version() + 1;
            jdbc.sql("""
                    update data_value set value = ?, numerator = ?, denominator = ?, source = ?, submission_id = ?,
                           comment = ?, demo = ?, version = ?, updated_by = ?, updated_at = now() where id = ?""")
                    .params(c.value(), c.numerator(), c.denominator(), source.name(), submissionId, c.comment(), demo,
                            version, user, id)
                    .update();
        }
        DataValue now = load(id);
        appendVersion(now, "CREATE");
        audit.record("dataValue.create", "data_value", id, old, now);
        return now;
    }

    private DataValue update(Clean c, DataValue old, ValueSource source, Long submissionId, boolean demo, String user) {
        boolean replacesDemo = old.demo() && !demo;
        Long submission = submissionId != null || replacesDemo ? submissionId : old.submissionId();
        jdbc.sql("""
                update data_value set value = ?, numerator = ?, denominator = ?, source = ?, submission_id = ?,
                       comment = ?, demo = ?, locked = locked and not ?, version = version + 1, updated_by = ?,
                       updated_at = now() where id = ?""")
                .params(c.value(), c.numerator(), c.denominator(), source.name(), submission, c.comment(), demo,
                        replacesDemo, user, old.id())
                .update();
        DataValue now = load(old.id());
        appendVersion(now, "UPDATE");
        audit.record("dataValue.update", "data_value", old.id(), old, now);
        return now;
    }

    private DataValue delete(DataValue old, ValueSource source, Long submissionId, String user) {
        jdbc.sql("""
                update data_value set value = null, numerator = null, denominator = null, source = ?,
                       submission_id = coalesce(?, submission_id), version = version + 1, updated_by = ?,
                       updated_at = now() where id = ?""")
                .params(source.name(), submissionId, user, old.id())
                .update();
        DataValue now = load(old.id());
        appendVersion(now, "DELETE");
        audit.record("dataValue.delete", "data_value", old.id(), old, now);
        return now;
    }

    private void appendVersion(DataValue v, String action) {
        jdbc.sql("""
                insert into data_value_version (data_value_id, version, action, value, numerator, denominator, source,
                                                submission_id, comment, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.id(), v.version(), action, v.value(), v.numerator(), v.denominator(), v.source().name(),
                        v.submissionId(), v.comment(), v.updatedBy(), Timestamp.from(v.updatedAt()))
                .update();
    }

    private DataValue load(long id) {
        return jdbc.sql("select " + COLUMNS + " from data_value where id = ?").param(id).query(ROW).single();
    }

    private static DataValue absent(Clean c) {
        return new DataValue(0, c.indicatorId(), c.unitId(), c.period(), null, null, null, ValueSource.API, null, null,
                false, false, 0, null, null);
    }

    // ----- reads

    @Override
    public List<DataValue> find(Collection<Long> indicatorIds, Collection<Long> unitIds, Collection<String> periods) {
        StringBuilder where = new StringBuilder(" where value is not null");
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
        return jdbc.sql("select " + COLUMNS + " from data_value" + where + " order by indicator_id, unit_id, period")
                .params(params).query(ROW).list();
    }

    /** One value by id, deleted or not. */
    public java.util.Optional<DataValue> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from data_value where id = ?").param(id).query(ROW).optional();
    }

    @Override
    public List<DataValue> forSubmission(long submissionId) {
        return jdbc.sql("select " + COLUMNS + " from data_value where submission_id = ? and value is not null order by id")
                .param(submissionId).query(ROW).list();
    }

    @Override
    public List<DataValueVersion> history(long dataValueId) {
        return jdbc.sql("""
                select data_value_id, version, action, value, numerator, denominator, source, submission_id, comment,
                       changed_by, changed_at
                from data_value_version where data_value_id = ? order by version""")
                .param(dataValueId)
                .query((rs, n) -> new DataValueVersion(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        stripped(rs.getBigDecimal(4)), stripped(rs.getBigDecimal(5)), stripped(rs.getBigDecimal(6)),
                        ValueSource.valueOf(rs.getString(7)), longOrNull(rs, "submission_id"), rs.getString(9),
                        rs.getString(10), instant(rs.getTimestamp(11))))
                .list();
    }

    @Override
    @Transactional
    public void setLocked(long submissionId, boolean locked) {
        List<DataValue> toChange = jdbc.sql("select " + COLUMNS
                        + " from data_value where submission_id = ? and value is not null and locked <> ? order by id for update")
                .params(submissionId, locked).query(ROW).list();
        if (toChange.isEmpty()) {
            return;
        }
        String user = CurrentUser.username().orElse("system");
        List<DataValue> changed = new ArrayList<>();
        for (DataValue v : toChange) {
            jdbc.sql("update data_value set locked = ?, version = version + 1, updated_by = ?, updated_at = now() where id = ?")
                    .params(locked, user, v.id()).update();
            DataValue now = load(v.id());
            appendVersion(now, locked ? "LOCK" : "UNLOCK");
            changed.add(now);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("locked", locked);
        after.put("dataValueIds", changed.stream().map(DataValue::id).toList());
        audit.record(locked ? "dataValue.lock" : "dataValue.unlock", "submission", submissionId, null, after);
        events.publishEvent(new DataValuesChanged(List.copyOf(changed), List.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<DataValue> consumer) {
        jdbc.sql("select " + COLUMNS + " from data_value where value is not null").withFetchSize(10_000)
                .query(rs -> {
                    consumer.accept(ROW.mapRow(rs, 0));
                });
    }

    // ----- helpers

    static BigDecimal ratio(BigDecimal num, BigDecimal den) {
        return num.multiply(HUNDRED).divide(den, SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal v) {
        return v == null ? null : v.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private String label(int index, Indicator indicator, AdminUnit unit, String period) {
        return "#" + index + " (" + (indicator == null ? "?" : indicator.code()) + " · "
                + (unit == null ? "?" : unit.name()) + " · " + (period == null ? "?" : period) + ")";
    }

    /** A number in a message: the number grammar of the request's language ("1.250.300,5" in Vietnamese). */
    private static String plain(BigDecimal b) {
        return vn.dxgov.shared.Numbers.current().value(b);
    }

    static BigDecimal stripped(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
