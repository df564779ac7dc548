package vn.dxgov.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.PublicReports;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.Period;

/**
 * Reporting as everyone sees it ({@link PublicReports}): approved lines of published plans only, read without the
 * access checks of the workflow (there is nothing in the answer a visitor may not read). The plan's state is asked of
 * plans ({@link PlanCatalog#find}: a draft is not found by anyone who does not review it), and then checked to be
 * published, so that a steering official's preview of a draft does not make it public either.
 */
@Service
class PublicReportsService implements PublicReports {

    private final JdbcClient jdbc;
    private final PlanCatalog plans;
    private final ReportingRepository repo;
    private final ReportingAgencies reporters;

    PublicReportsService(JdbcClient jdbc, PlanCatalog plans, ReportingRepository repo, ReportingAgencies reporters) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.repo = repo;
        this.reporters = reporters;
    }

    private boolean published(long planId) {
        return plans.find(planId).filter(Plan::published).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TaskProgress> approvedProgress(long planId) {
        if (!published(planId)) {
            return List.of();
        }
        // the lines of approved reports of the plan's periods: approval locks them, reopening unlocks them
        List<TaskProgress> lines = jdbc.sql("""
                        select tp.task_id, tp.agency_id, tp.period, tp.status, tp.percent_complete, s.demo
                        from task_progress tp
                        join submission s on s.id = tp.submission_id and s.status = ?
                        join reporting_period p on p.id = s.reporting_period_id
                        join reporting_schedule sc on sc.id = p.schedule_id and sc.plan_id = ?""")
                .params(SubmissionStatus.APPROVED.name(), planId)
                .query((rs, n) -> new TaskProgress(rs.getLong("task_id"), rs.getLong("agency_id"), rs.getString("period"),
                        TaskProgressStatus.valueOf(rs.getString("status")),
                        (Integer) rs.getObject("percent_complete", Integer.class), rs.getBoolean("demo")))
                .list();
        Map<String, TaskProgress> latest = new LinkedHashMap<>();
        for (TaskProgress line : lines) {
            latest.merge(line.taskId() + "/" + line.agencyId(), line,
                    (a, b) -> Period.parse(a.period()).compareTo(Period.parse(b.period())) >= 0 ? a : b);
        }
        List<TaskProgress> out = new ArrayList<>(latest.values());
        out.sort(Comparator.comparingLong(TaskProgress::taskId).thenComparingLong(TaskProgress::agencyId));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AgencyReports> agencyReports(Collection<Long> planIds, LocalDate asOf) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        Map<Long, Boolean> demo = new HashMap<>();
        for (long planId : planIds) {
            if (!published(planId)) {
                continue;
            }
            List<ReportingPeriod> due = repo.periodsOfPlan(planId).stream()
                    .filter(p -> p.agencyDueOn().isBefore(asOf)).toList();
            Map<Long, Map<Long, Submission>> byPeriod = new HashMap<>();
            for (Submission s : repo.forPeriods(due.stream().map(ReportingPeriod::id).toList())) {
                byPeriod.computeIfAbsent(s.reportingPeriodId(), k -> new HashMap<>()).put(s.agencyId(), s);
            }
            Map<Integer, List<Long>> requiredByYear = new HashMap<>();
            for (ReportingPeriod p : due) {
                List<Long> required = requiredByYear.computeIfAbsent(Period.parse(p.period()).year(),
                        y -> reporters.requiredAgencies(planId, y));
                for (long agency : required) {
                    Submission s = byPeriod.getOrDefault(p.id(), Map.of()).get(agency);
                    int[] c = counts.computeIfAbsent(agency, k -> new int[5]);
                    c[0]++;
                    if (s == null || s.firstSubmittedAt() == null) {
                        c[3]++;
                    } else if (s.late()) {
                        c[2]++;
                    } else {
                        c[1]++;
                    }
                    if (s != null && s.status() == SubmissionStatus.APPROVED) {
                        c[4]++;
                    }
                    if (s != null && s.demo()) {
                        demo.put(agency, true);
                    }
                }
            }
        }
        List<AgencyReports> out = new ArrayList<>();
        counts.forEach((agency, c) -> out.add(new AgencyReports(agency, c[0], c[1], c[2], c[3], c[4],
                demo.getOrDefault(agency, false))));
        return out;
    }
}
