package vn.dxgov.targets.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.security.AuditLog;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetDraft;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.targets.TargetsAdded;

@Service
@Transactional(readOnly = true)
class JdbcTargetCatalog implements TargetCatalog {

    private static final String COLUMNS = """
            id, plan_id, position, code, source_text, text, kind, comparator, value, unit, deadline_year,
            baseline, baseline_year, pillar, source_line, indicator_id""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    JdbcTargetCatalog(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    public List<Target> addAll(long planId, List<TargetDraft> drafts) {
        return addAll(planId, null, drafts);
    }

    @Override
    @Transactional
    public List<Target> addAll(long planId, String provinceCode, List<TargetDraft> drafts) {
        int position = jdbc.sql("select coalesce(max(position), 0) from target where plan_id = ?")
                .param(planId).query(Integer.class).single();
        List<Long> ids = new ArrayList<>();
        for (TargetDraft d : drafts) {
            long id = jdbc.sql("""
                    insert into target (plan_id, position, code, source_text, text, text_folded, kind, comparator, value,
                                        unit, deadline_year, baseline, baseline_year, pillar, source_line)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(planId, ++position, d.code(), d.sourceText(), d.text(), VietText.fold(d.text()),
                            d.kind().name(), name(d.comparison()), d.value(), d.unit(), d.deadlineYear(), d.baseline(),
                            d.baselineYear(), d.pillar().name(), d.sourceLine())
                    .query(Long.class).single();
            writeChildren(id, d);
            ids.add(id);
        }
        List<Target> created = load("where id = any(?) order by position", (Object) ids.toArray(Long[]::new));
        audit.record("target.import", "plan", planId, null, Map.of("targets", created.size()));
        events.publishEvent(new TargetsAdded(planId, provinceCode, created));
        return load("where id = any(?) order by position", (Object) ids.toArray(Long[]::new));
    }

    @Override
    public List<Target> forPlan(long planId, TargetFilter filter) {
        TargetFilter f = filter == null ? TargetFilter.ALL : filter;
        List<Target> all = load("where plan_id = ? order by position", planId);
        return all.stream().filter(t -> matches(t, f)).toList();
    }

    @Override
    public List<Target> forAgency(long agencyId, Collection<Long> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return load("""
                where plan_id = any(?) and id in (select target_id from target_agency where agency_id = ?)
                order by plan_id, position""", planIds.toArray(Long[]::new), agencyId);
    }

    @Override
    public Optional<Target> find(long id) {
        return load("where id = ?", id).stream().findFirst();
    }

    @Override
    @Transactional
    public Target update(long id, TargetDraft d) {
        Target before = find(id).orElseThrow(() -> ApiException.notFound("target", id));
        jdbc.sql("""
                update target set code = ?, source_text = ?, text = ?, text_folded = ?, kind = ?, comparator = ?,
                       value = ?, unit = ?, deadline_year = ?, baseline = ?, baseline_year = ?, pillar = ?
                where id = ?""")
                .params(d.code(), d.sourceText() == null ? before.sourceText() : d.sourceText(), d.text(),
                        VietText.fold(d.text()), d.kind().name(), name(d.comparison()), d.value(), d.unit(),
                        d.deadlineYear(), d.baseline(), d.baselineYear(), d.pillar().name(), id)
                .update();
        // the indicators of a compound count target's splits stay with the splits of the same level
        Map<String, Long> splitIndicators = new HashMap<>();
        jdbc.sql("select level, indicator_id from target_split where target_id = ? and indicator_id is not null order by position")
                .param(id).query((rs, n) -> splitIndicators.putIfAbsent(rs.getString(1), rs.getLong(2))).list();
        jdbc.sql("delete from target_split where target_id = ?").param(id).update();
        jdbc.sql("delete from target_agency where target_id = ?").param(id).update();
        writeChildren(id, d);
        int position = 0;
        for (TargetSplit s : d.splits()) {
            position++;
            Long kept = splitIndicators.remove(s.level().name());
            if (kept != null && position > 1) {
                jdbc.sql("update target_split set indicator_id = ? where target_id = ? and position = ?")
                        .params(kept, id, position).update();
            }
        }
        Target after = find(id).orElseThrow();
        audit.record("target.update", "target", id, before, after);
        return after;
    }

    @Override
    @Transactional
    public void linkIndicator(long targetId, long indicatorId) {
        // a target without indicator has a null column: query(Long.class).optional() would read that as "no target"
        List<Long> found = jdbc.sql("select indicator_id from target where id = ?").param(targetId)
                .query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1)).list();
        if (found.isEmpty()) {
            throw ApiException.notFound("target", targetId);
        }
        Long before = found.get(0);
        if (before == null || before != indicatorId) {
            jdbc.sql("update target set indicator_id = ? where id = ?").params(indicatorId, targetId).update();
            audit.record("target.linkIndicator", "target", targetId, before == null ? null : Map.of("indicatorId", before),
                    Map.of("indicatorId", indicatorId));
        }
    }

    @Override
    @Transactional
    public void linkSplitIndicator(long targetId, int splitIndex, long indicatorId) {
        Target t = find(targetId).orElseThrow(() -> ApiException.notFound("target", targetId));
        if (!t.compoundCount() || splitIndex < 1 || splitIndex >= t.splits().size()) {
            throw new IllegalArgumentException("target " + targetId + " has no split " + splitIndex + " with an indicator of its own");
        }
        Long before = t.splits().get(splitIndex).indicatorId();
        if (before == null || before != indicatorId) {
            jdbc.sql("update target_split set indicator_id = ? where target_id = ? and position = ?")
                    .params(indicatorId, targetId, splitIndex + 1).update();
            audit.record("target.linkSplitIndicator", "target", targetId,
                    before == null ? null : Map.of("split", splitIndex, "indicatorId", before),
                    Map.of("split", splitIndex, "indicatorId", indicatorId));
        }
    }

    @Override
    public List<Target> compoundWithoutSplitIndicator() {
        return load("where kind = 'COUNT' and id in (select target_id from target_split where position > 1 and indicator_id is null)"
                + " order by plan_id, position").stream()
                .filter(Target::compoundCount).toList();
    }

    @Override
    public List<Target> withoutIndicator() {
        return load("where indicator_id is null order by plan_id, position");
    }

    @Override
    public List<Target> findAll(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : load("where id = any(?) order by plan_id, position", (Object) ids.toArray(Long[]::new));
    }

    @Override
    public Map<Long, Integer> countByPlan(Collection<Long> planIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (planIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select plan_id, count(*) from target where plan_id = any(?) group by plan_id")
                .param(planIds.toArray(Long[]::new))
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    private void writeChildren(long id, TargetDraft d) {
        int i = 0;
        for (TargetSplit s : d.splits()) {
            jdbc.sql("insert into target_split (target_id, position, level, label, comparator, value) values (?, ?, ?, ?, ?, ?)")
                    .params(id, ++i, s.level().name(), s.label() == null ? s.level().name() : s.label(),
                            name(s.comparison()), s.value())
                    .update();
        }
        insertAgencies(id, "LEAD", d.leadAgencyIds());
        insertAgencies(id, "COOPERATING", d.cooperatingAgencyIds());
    }

    private void insertAgencies(long targetId, String role, List<Long> agencyIds) {
        int i = 0;
        for (Long agencyId : agencyIds) {
            jdbc.sql("""
                    insert into target_agency (target_id, agency_id, role, position) values (?, ?, ?, ?)
                    on conflict do nothing""")
                    .params(targetId, agencyId, role, ++i).update();
        }
    }

    private List<Target> load(String where, Object... params) {
        record Row(long id, long planId, int position, String code, String sourceText, String text, TargetKind kind,
                   Comparison comparison, BigDecimal value, String unit, Integer deadlineYear, BigDecimal baseline,
                   Integer baselineYear, Pillar pillar, Integer sourceLine, Long indicatorId) {
        }
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from target " + where).params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("position"),
                        rs.getString("code"), rs.getString("source_text"), rs.getString("text"),
                        TargetKind.valueOf(rs.getString("kind")), comparison(rs.getString("comparator")),
                        stripped(rs.getBigDecimal("value")), rs.getString("unit"), intOrNull(rs, "deadline_year"),
                        stripped(rs.getBigDecimal("baseline")), intOrNull(rs, "baseline_year"),
                        Pillar.valueOf(rs.getString("pillar")), intOrNull(rs, "source_line"),
                        rs.getObject("indicator_id") == null ? null : rs.getLong("indicator_id")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<TargetSplit>> splits = new HashMap<>();
        jdbc.sql("select target_id, level, label, comparator, value, indicator_id from target_split where target_id = any(?) order by target_id, position")
                .param(ids)
                .query((rs, n) -> splits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new TargetSplit(SplitLevel.valueOf(rs.getString(2)), rs.getString(3),
                                comparison(rs.getString(4)), stripped(rs.getBigDecimal(5)),
                                rs.getObject(6) == null ? null : rs.getLong(6))))
                .list();
        Map<Long, List<Long>> leads = new HashMap<>();
        Map<Long, List<Long>> coops = new HashMap<>();
        jdbc.sql("select target_id, agency_id, role from target_agency where target_id = any(?) order by target_id, role, position")
                .param(ids)
                .query((rs, n) -> ("LEAD".equals(rs.getString(3)) ? leads : coops)
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        Map<Long, Target> byId = new LinkedHashMap<>();
        for (Row r : rows) {
            byId.put(r.id(), new Target(r.id(), r.planId(), r.position(), r.code(), r.sourceText(), r.text(), r.kind(),
                    r.comparison(), r.value(), r.unit(), r.deadlineYear(), r.baseline(), r.baselineYear(), r.pillar(),
                    splits.getOrDefault(r.id(), List.of()), leads.getOrDefault(r.id(), List.of()),
                    coops.getOrDefault(r.id(), List.of()), r.sourceLine(), r.indicatorId()));
        }
        return List.copyOf(byId.values());
    }

    private static boolean matches(Target t, TargetFilter f) {
        return (f.agencyId() == null || t.leadAgencyIds().contains(f.agencyId()) || t.cooperatingAgencyIds().contains(f.agencyId()))
                && (f.pillar() == null || t.pillar() == f.pillar())
                && (f.year() == null || f.year().equals(t.deadlineYear()))
                && VietText.matches(t.text(), f.text());
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static BigDecimal stripped(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }

    private static Comparison comparison(String s) {
        return s == null ? null : Comparison.valueOf(s);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    @Override
    @Transactional
    public void exchange(long a, long b) {
        if (a == b) {
            return;
        }
        // one statement reads both rows as they were before it (PostgreSQL's snapshot), so the swap needs no temporary
        int rows = jdbc.sql("""
                update target t set plan_id = o.plan_id, position = o.position, code = o.code, source_text = o.source_text,
                       text = o.text, text_folded = o.text_folded, kind = o.kind, comparator = o.comparator, value = o.value,
                       unit = o.unit, deadline_year = o.deadline_year, baseline = o.baseline,
                       baseline_year = o.baseline_year, pillar = o.pillar, source_line = o.source_line
                  from target o
                 where (t.id = :a and o.id = :b) or (t.id = :b and o.id = :a)""")
                .param("a", a).param("b", b).update();
        if (rows != 2) {
            throw ApiException.notFound("target", rows == 0 ? a : b);
        }
        // the children: agencies move with the content; each split keeps its id's indicator, by position
        record Split(long target, int position, String level, String label, String comparator, BigDecimal value) {
        }
        List<Split> splits = jdbc.sql("select target_id, position, level, label, comparator, value from target_split"
                        + " where target_id in (?, ?)").params(a, b)
                .query((rs, n) -> new Split(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6))).list();
        Map<String, Long> splitIndicators = new HashMap<>();
        jdbc.sql("select target_id, position, indicator_id from target_split where target_id in (?, ?)").params(a, b)
                .query(rs -> {
                    long ind = rs.getLong(3);
                    if (!rs.wasNull()) {
                        splitIndicators.put(rs.getLong(1) + "/" + rs.getInt(2), ind);
                    }
                });
        record Link(long target, long agency, String role, int position) {
        }
        List<Link> links = jdbc.sql("select target_id, agency_id, role, position from target_agency where target_id in (?, ?)")
                .params(a, b).query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list();
        jdbc.sql("delete from target_split where target_id in (?, ?)").params(a, b).update();
        jdbc.sql("delete from target_agency where target_id in (?, ?)").params(a, b).update();
        for (Split sp : splits) {
            long to = sp.target() == a ? b : a;
            jdbc.sql("insert into target_split (target_id, position, level, label, comparator, value, indicator_id)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(to, sp.position(), sp.level(), sp.label(), sp.comparator(), sp.value(),
                            splitIndicators.get(to + "/" + sp.position())).update();
        }
        for (Link l : links) {
            jdbc.sql("insert into target_agency (target_id, agency_id, role, position) values (?, ?, ?, ?)")
                    .params(l.target() == a ? b : a, l.agency(), l.role(), l.position()).update();
        }
        audit.record("target.exchange", "target", a, null, Map.of("exchangedWith", b));
    }
}
