package vn.dxgov.indicators.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorChanged;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;

/**
 * Indicators in the indicator table. Writes need STEERING or ADMIN when a user is logged in (background jobs such as
 * the draft-indicator backfill run without one), are validated (see {@link #validate}), audited, and announced
 * with {@link IndicatorChanged}. An indicator belongs to the province of the user who made it, or is national: users
 * read national ones and their own province's (another province's does not exist for them: 404); only
 * {@link CurrentUser#maySteer(String)} of its province changes or deletes one (a national one: national users only,
 * else 403).
 */
@Service
@Transactional(readOnly = true)
class JdbcIndicatorCatalog implements IndicatorCatalog {

    private static final String COLUMNS = """
            id, code, name, unit, value_type, direction, unit_aggregation, period_aggregation, formula, decimals,
            description, draft, province_code""";
    /** The indicators the user may read: national ones and the own province's (every one for national users). */
    private static final String VISIBLE = " (province_code is null or province_code = coalesce(?, province_code))";
    static final RowMapper<Indicator> ROW = (rs, n) -> new Indicator(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), rs.getString("unit"), ValueType.valueOf(rs.getString("value_type")),
            Direction.valueOf(rs.getString("direction")), UnitAggregation.valueOf(rs.getString("unit_aggregation")),
            PeriodAggregation.valueOf(rs.getString("period_aggregation")), rs.getString("formula"),
            rs.getInt("decimals"), rs.getString("description"), rs.getBoolean("draft"),
            rs.getString("province_code"));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TargetCatalog targets;
    private final IndicatorDraftRules rules;

    JdbcIndicatorCatalog(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, TargetCatalog targets,
                         IndicatorDraftRules rules) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.targets = targets;
    }

    @Override
    @Transactional
    public Indicator create(IndicatorDraft draft) {
        requireEditor();
        return insert(draft, false);
    }

    /** Creates an indicator; {@code asDraft} for the ones made automatically for imported targets. */
    @Transactional
    Indicator insert(IndicatorDraft draft, boolean asDraft) {
        return insert(draft, asDraft, null);
    }

    /** The same, owned by the given province; null: the creating user's (none for national users and the application). */
    @Transactional
    Indicator insert(IndicatorDraft draft, boolean asDraft, String provinceCode) {
        IndicatorDraft d = IndicatorDraftRules.normalise(draft);
        List<String> problems = rules.validate(null, d);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "error.validation");
        }
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('indicator', 'id'))").query(Long.class).single();
        String code = d.code() != null ? d.code() : "CS" + id;
        jdbc.sql("""
                insert into indicator (id, code, name, name_folded, unit, value_type, direction, unit_aggregation,
                                       period_aggregation, formula, decimals, description, draft, province_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, code, d.name(), VietText.fold(d.name()), d.unit(), d.valueType().name(),
                        d.direction().name(), d.unitAggregation().name(), d.periodAggregation().name(), d.formula(),
                        d.decimals(), d.description(), asDraft, provinceCode != null ? provinceCode : viewer())
                .update();
        Indicator created = find(id).orElseThrow();
        audit.record("indicator.create", "indicator", id, null, created);
        events.publishEvent(new IndicatorChanged(id, created));
        return created;
    }

    @Override
    @Transactional
    public Indicator update(long id, IndicatorDraft draft) {
        requireEditor();
        Indicator before = jdbc.sql("select " + COLUMNS + " from indicator where id = ? and" + VISIBLE + " for update")
                .params(id, viewer()).query(ROW).optional().orElseThrow(() -> ApiException.notFound("indicator", id));
        requireSteers(before);
        IndicatorDraft d = IndicatorDraftRules.normalise(draft);
        if (d.code() == null) {
            d = IndicatorDraftRules.withCode(d, before.code());
        }
        List<String> problems = rules.validate(before, d);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "error.validation");
        }
        jdbc.sql("""
                update indicator set code = ?, name = ?, name_folded = ?, unit = ?, value_type = ?, direction = ?,
                       unit_aggregation = ?, period_aggregation = ?, formula = ?, decimals = ?, description = ?,
                       draft = false, updated_at = now()
                where id = ?""")
                .params(d.code(), d.name(), VietText.fold(d.name()), d.unit(), d.valueType().name(),
                        d.direction().name(), d.unitAggregation().name(), d.periodAggregation().name(), d.formula(),
                        d.decimals(), d.description(), id)
                .update();
        Indicator after = find(id).orElseThrow();
        if (!after.equals(before)) {
            audit.record("indicator.update", "indicator", id, before, after);
            events.publishEvent(new IndicatorChanged(id, after));
        }
        return after;
    }

    @Override
    @Transactional
    public void delete(long id) {
        requireEditor();
        Indicator before = find(id).orElseThrow(() -> ApiException.notFound("indicator", id));
        requireSteers(before);
        List<String> users = rules.usedInFormulas(before.code(), id);
        if (!users.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, users.stream()
                    .map(c -> "formula: công thức của chỉ số " + c + " dùng chỉ số này / used in the formula of " + c)
                    .toList(), "indicator.inUse", before.code());
        }
        int values = jdbc.sql("select count(*) from data_value where indicator_id = ?").param(id).query(Integer.class).single();
        if (values > 0) {
            throw new ApiException(HttpStatus.CONFLICT, List.of("values: " + values + " số liệu đã nhập / values stored"),
                    "indicator.inUse", before.code());
        }
        try {
            jdbc.sql("delete from indicator where id = ?").param(id).update();
        } catch (DataIntegrityViolationException e) {
            // target.indicator_id refers to it
            throw new ApiException(HttpStatus.CONFLICT, List.of("target: chỉ tiêu đang gắn với chỉ số này / a target is linked to it"),
                    "indicator.inUse", before.code());
        }
        audit.record("indicator.delete", "indicator", id, before, null);
        events.publishEvent(new IndicatorChanged(id, null));
    }

    @Override
    public Optional<Indicator> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from indicator where id = ? and" + VISIBLE).params(id, viewer())
                .query(ROW).optional();
    }

    @Override
    public Optional<Indicator> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from indicator where code = ? and" + VISIBLE)
                .params(code.trim().toUpperCase(Locale.ROOT), viewer()).query(ROW).optional();
    }

    @Override
    public Map<Long, Indicator> findAll(Collection<Long> ids) {
        Map<Long, Indicator> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select " + COLUMNS + " from indicator where id = any(?) and" + VISIBLE + " order by id")
                .params(ids.toArray(Long[]::new), viewer()).query(ROW).list().forEach(i -> out.put(i.id(), i));
        return out;
    }

    @Override
    public List<Indicator> list(String query) {
        List<Indicator> all = jdbc.sql("select " + COLUMNS + " from indicator where" + VISIBLE).param(viewer())
                .query(ROW).list();
        Comparator<String> collator = VietText.collator();
        return all.stream()
                .filter(i -> query == null || query.isBlank() || VietText.matches(i.name(), query)
                        || i.code().equalsIgnoreCase(query.trim()))
                .sorted((a, b) -> collator.compare(a.name(), b.name()))
                .toList();
    }

    @Override
    public Optional<Indicator> forTarget(long targetId) {
        return targets.find(targetId).map(Target::indicatorId).flatMap(this::find);
    }

    @Override
    public Map<Long, Indicator> forTargets(Collection<Long> targetIds) {
        Map<Long, Indicator> out = new LinkedHashMap<>();
        if (targetIds.isEmpty()) {
            return out;
        }
        List<Target> found = targets.findAll(targetIds);
        Map<Long, Indicator> indicators = findAll(found.stream().map(Target::indicatorId).filter(x -> x != null).distinct().toList());
        for (Target t : found) {
            if (t.indicatorId() != null && indicators.containsKey(t.indicatorId())) {
                out.put(t.id(), indicators.get(t.indicatorId()));
            }
        }
        return out;
    }

    /** True when the code is free (case-insensitive), ignoring one indicator. */
    boolean codeFree(String code, Long exceptId) {
        return rules.codeFree(code, exceptId);
    }

    /** The user's province, null for national users and the application itself (who read every indicator). */
    private static String viewer() {
        return CurrentUser.provinceCode().orElse(null);
    }

    /** Changes need the steering rights over the indicator's province: a national one, national users only (403). */
    private static void requireSteers(Indicator i) {
        if (!CurrentUser.maySteer(i.provinceCode())) {
            throw new AccessDeniedException("indicator " + i.code() + " belongs to "
                    + (i.provinceCode() == null ? "the national catalogue" : "province " + i.provinceCode()));
        }
    }

    /** Writes need STEERING or ADMIN when someone is logged in; background jobs run without a user. */
    static void requireEditor() {
        if (CurrentUser.username().isPresent() && !CurrentUser.hasAnyRole(Role.STEERING, Role.ADMIN)) {
            throw new AccessDeniedException("indicators are edited by the steering department");
        }
    }
}
