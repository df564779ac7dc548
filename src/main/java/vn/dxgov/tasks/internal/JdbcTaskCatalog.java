package vn.dxgov.tasks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.security.AuditLog;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskDraft;
import vn.dxgov.tasks.TaskFilter;

@Service
@Transactional(readOnly = true)
class JdbcTaskCatalog implements TaskCatalog {

    private static final String COLUMNS = """
            id, plan_id, position, code, section, section_title, group_title, title, time_frame_text, start_year,
            end_year, recurrence, scope, legal_basis, pillar, source_line""";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    JdbcTaskCatalog(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional
    public List<Task> addAll(long planId, List<TaskDraft> drafts) {
        int position = jdbc.sql("select coalesce(max(position), 0) from task where plan_id = ?")
                .param(planId).query(Integer.class).single();
        List<Long> ids = new ArrayList<>();
        for (TaskDraft d : drafts) {
            long id = jdbc.sql("""
                    insert into task (plan_id, position, code, section, section_title, group_title, title, title_folded,
                                      time_frame_text, start_year, end_year, recurrence, scope, legal_basis, pillar,
                                      source_line)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(planId, ++position, d.code(), d.section(), d.sectionTitle(), d.groupTitle(), d.title(),
                            VietText.fold(d.title()), d.timeFrameText(), d.startYear(), d.endYear(),
                            d.recurrence() == null ? null : d.recurrence().name(), d.scope(), d.legalBasis(),
                            d.pillar().name(), d.sourceLine())
                    .query(Long.class).single();
            insertAgencies(id, "LEAD", d.leadAgencyIds());
            insertAgencies(id, "COOPERATING", d.cooperatingAgencyIds());
            ids.add(id);
        }
        List<Task> created = load("where id = any(?) order by position", (Object) ids.toArray(Long[]::new));
        audit.record("task.import", "plan", planId, null, Map.of("tasks", created.size()));
        return created;
    }

    @Override
    public List<Task> forPlan(long planId, TaskFilter filter) {
        TaskFilter f = filter == null ? TaskFilter.ALL : filter;
        return load("where plan_id = ? order by position", planId).stream().filter(t -> matches(t, f)).toList();
    }

    @Override
    public List<Task> forAgency(long agencyId, Collection<Long> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return load("""
                where plan_id = any(?) and id in (select task_id from task_agency where agency_id = ?)
                order by plan_id, position""", planIds.toArray(Long[]::new), agencyId);
    }

    @Override
    public Optional<Task> find(long id) {
        return load("where id = ?", id).stream().findFirst();
    }

    @Override
    @Transactional
    public Task update(long id, TaskDraft d) {
        Task before = find(id).orElseThrow(() -> ApiException.notFound("task", id));
        jdbc.sql("""
                update task set code = ?, section = ?, section_title = ?, group_title = ?, title = ?, title_folded = ?,
                       time_frame_text = ?, start_year = ?, end_year = ?, recurrence = ?, scope = ?, legal_basis = ?,
                       pillar = ?
                where id = ?""")
                .params(d.code(), d.section(), d.sectionTitle(), d.groupTitle(), d.title(), VietText.fold(d.title()),
                        d.timeFrameText(), d.startYear(), d.endYear(),
                        d.recurrence() == null ? null : d.recurrence().name(), d.scope(), d.legalBasis(),
                        d.pillar().name(), id)
                .update();
        jdbc.sql("delete from task_agency where task_id = ?").param(id).update();
        insertAgencies(id, "LEAD", d.leadAgencyIds());
        insertAgencies(id, "COOPERATING", d.cooperatingAgencyIds());
        Task after = find(id).orElseThrow();
        audit.record("task.update", "task", id, before, after);
        return after;
    }

    @Override
    public Map<Long, Integer> countByPlan(Collection<Long> planIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (planIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select plan_id, count(*) from task where plan_id = any(?) group by plan_id")
                .param(planIds.toArray(Long[]::new))
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    private void insertAgencies(long taskId, String role, List<Long> agencyIds) {
        int i = 0;
        for (Long agencyId : agencyIds) {
            jdbc.sql("insert into task_agency (task_id, agency_id, role, position) values (?, ?, ?, ?) on conflict do nothing")
                    .params(taskId, agencyId, role, ++i).update();
        }
    }

    private List<Task> load(String where, Object... params) {
        List<Task> rows = jdbc.sql("select " + COLUMNS + " from task " + where).params(params)
                .query((rs, n) -> new Task(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("position"),
                        rs.getString("code"), rs.getString("section"), rs.getString("section_title"),
                        rs.getString("group_title"), rs.getString("title"), rs.getString("time_frame_text"),
                        intOrNull(rs, "start_year"), intOrNull(rs, "end_year"),
                        rs.getString("recurrence") == null ? null : Recurrence.valueOf(rs.getString("recurrence")),
                        rs.getString("scope"), rs.getString("legal_basis"), Pillar.valueOf(rs.getString("pillar")),
                        List.of(), List.of(), intOrNull(rs, "source_line")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Task::id).toArray(Long[]::new);
        Map<Long, List<Long>> leads = new HashMap<>();
        Map<Long, List<Long>> coops = new HashMap<>();
        jdbc.sql("select task_id, agency_id, role from task_agency where task_id = any(?) order by task_id, role, position")
                .param(ids)
                .query((rs, n) -> ("LEAD".equals(rs.getString(3)) ? leads : coops)
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        return rows.stream().map(t -> new Task(t.id(), t.planId(), t.position(), t.code(), t.section(),
                t.sectionTitle(), t.groupTitle(), t.title(), t.timeFrameText(), t.startYear(), t.endYear(),
                t.recurrence(), t.scope(), t.legalBasis(), t.pillar(), leads.getOrDefault(t.id(), List.of()),
                coops.getOrDefault(t.id(), List.of()), t.sourceLine())).toList();
    }

    private static boolean matches(Task t, TaskFilter f) {
        return (f.agencyId() == null || t.leadAgencyIds().contains(f.agencyId()) || t.cooperatingAgencyIds().contains(f.agencyId()))
                && (f.pillar() == null || t.pillar() == f.pillar())
                && (f.year() == null || t.runsIn(f.year()))
                && VietText.matches(String.join(" ", nz(t.code()), t.title(), nz(t.scope()), nz(t.groupTitle())), f.text());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    @Transactional
    public void exchange(long a, long b) {
        if (a == b) {
            return;
        }
        // one statement reads both rows as they were before it (PostgreSQL's snapshot), so the swap needs no temporary
        int rows = jdbc.sql("""
                update task t set plan_id = o.plan_id, position = o.position, code = o.code, section = o.section,
                       section_title = o.section_title, group_title = o.group_title, title = o.title,
                       title_folded = o.title_folded, time_frame_text = o.time_frame_text, start_year = o.start_year,
                       end_year = o.end_year, recurrence = o.recurrence, scope = o.scope, legal_basis = o.legal_basis,
                       pillar = o.pillar, source_line = o.source_line
                  from task o
                 where (t.id = :a and o.id = :b) or (t.id = :b and o.id = :a)""")
                .param("a", a).param("b", b).update();
        if (rows != 2) {
            throw ApiException.notFound("task", rows == 0 ? a : b);
        }
        record Link(long task, long agency, String role, int position) {
        }
        List<Link> links = jdbc.sql("select task_id, agency_id, role, position from task_agency where task_id in (?, ?)")
                .params(a, b).query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list();
        jdbc.sql("delete from task_agency where task_id in (?, ?)").params(a, b).update();
        for (Link l : links) {
            jdbc.sql("insert into task_agency (task_id, agency_id, role, position) values (?, ?, ?, ?)")
                    .params(l.task() == a ? b : a, l.agency(), l.role(), l.position()).update();
        }
        audit.record("task.exchange", "task", a, null, Map.of("exchangedWith", b));
    }
}
