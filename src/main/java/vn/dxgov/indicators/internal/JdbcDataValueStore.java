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
@Service
@Transactional(readOnly = true)
class JdbcDataValueStore implements DataValueStore {

    static final int SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal LIMIT = new BigDecimal("1e18");

    private static final String COLUMNS = """
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
                         BigDecimal numerator, BigDecimal denominator, String comment, Long agencyId,
                         boolean contribution, Integer version) {
        boolean delete() {
            return value == null;
        }

        Key key() {
            return new Key(indicatorId, unitId, period, contribution ? agencyId : 0L);
        }
    }

    /** A line: the official one ({@code contributor} 0) or an agency's contribution. */
    private record Key(long indicatorId, long unitId, String period, long contributor) {
        static Key of(DataValue v) {
            return new Key(v.indicatorId(), v.unitId(), v.period(), v.contribution() ? v.agencyId() : 0L);
        }
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
        List<String> problems = check(inputs, null, clean, found);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "dataValue.invalid", problems.size());
        }
        Map<Long, Indicator> byId = found.indicators();
        Map<Long, AdminUnit> unitById = found.units();

        Map<Key, DataValue> existing = lockExisting(clean);
        String user = CurrentUser.username().orElse("system");
        List<String> refused = new ArrayList<>();
        List<String> notOwned = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<DataValue> staleLines = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (Clean c : clean) {
            DataValue old = existing.get(c.key());
            Action a = action(old, c, submissionId, demo);
            actions.add(a);
            if (a == Action.UNCHANGED || old == null) {
                if (a != Action.UNCHANGED && c.version() != null && c.version() != 0 && old == null) {
                    stale.add(label(c.index(), byId.get(c.indicatorId()), unitById.get(c.unitId()), c.period())
                            + ": số liệu đã bị xóa từ khi bạn mở / the value was removed since you read it");
                }
                continue;
            }
            String where = label(c.index(), byId.get(c.indicatorId()), unitById.get(c.unitId()), c.period());
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

        List<Written> out = new ArrayList<>();
        List<DataValue> changed = new ArrayList<>();
        List<DataValue> deleted = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            Clean c = clean.get(i);
            DataValue old = existing.get(c.key());
            Action a = actions.get(i);
            DataValue now = switch (a) {
                case UNCHANGED -> old != null ? old : absent(c);
                case CREATED -> create(c, old, source, submissionId, demo, user);
                case UPDATED -> update(c, old, source, submissionId, demo, user);
                case DELETED -> delete(c, old, source, submissionId, user);
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
                Integer first = seen.putIfAbsent(c.key(), c.index());
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
        BigDecimal[] given = {in.value(), in.numerator(), in.denominator()};
        BigDecimal[] kept = {value, num, den};
        for (int k = 0; k < 3; k++) {
            if (kept[k] != null && kept[k].abs().compareTo(LIMIT) >= 0) {
                problems.add(where + ": số quá lớn (tối đa 18 chữ số phần nguyên) / number too large (at most 18 digits"
                        + " before the decimal mark)");
                break;
            }
            // a figure that is not zero must not become zero by the 6 decimals kept (1e-308 was stored as 0)
            if (kept[k] != null && kept[k].signum() == 0 && given[k].signum() != 0) {
                problems.add(where + ": số quá nhỏ: chỉ lưu được 6 chữ số thập phân, số này sẽ thành 0 / number too"
                        + " small: 6 decimals are kept and it would become 0");
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
        if (in.version() != null && in.version() < 0) {
            problems.add(where + ": phiên bản phải ≥ 0 / version must be ≥ 0");
            return null;
        }
        return new Clean(index, indicator.id(), unit.id(), period, delete ? null : value, num, den, comment,
                in.agencyId(), in.contribution(), in.version());
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
                && old.demo() == demo && Objects.equals(old.agencyId(), c.agencyId())
                && (submissionId == null ? old.state() == ValueState.APPROVED && eq(old.approvedValue(), c.value())
                                         : submissionId.equals(old.submissionId()));
        return same ? Action.UNCHANGED : Action.UPDATED;
    }

    private Map<Key, DataValue> lockExisting(List<Clean> clean) {
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

    private DataValue create(Clean c, DataValue old, ValueSource source, Long submissionId, boolean demo, String user) {
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

    private DataValue update(Clean c, DataValue old, ValueSource source, Long submissionId, boolean demo, String user) {
        writeFigure(c, old, source, submissionId, demo, user);
        DataValue now = load(old.id());
        appendVersion(now, "UPDATE");
        audit.record("dataValue.update", "data_value", old.id(), old, now);
        return now;
    }

    private DataValue delete(Clean c, DataValue old, ValueSource source, Long submissionId, String user) {
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

    private void appendVersion(DataValue v, String action) {
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

    private DataValue load(long id) {
        return jdbc.sql("select " + COLUMNS + " from data_value where id = ?").param(id).query(ROW).single();
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
            DataValue now = load(v.id());
            String thisStep = action != null ? action : v.locked() ? "REOPEN" : "RETURN";
            step = step == null ? thisStep : step;
            appendVersion(now, thisStep);
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
