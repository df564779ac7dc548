package vn.dxgov.reporting.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Period;

/**
 * Lists of reports as the current user may see them: a period's reports, an agency's reports and to-do list (its
 * editor, or those who read everything), and the steering department's inbox.
 */
@Service
@Transactional(readOnly = true)
class ReportLists {

    private final Schedules schedules;
    private final ReportingAgencies reporters;
    private final ReportingRepository repo;
    private final PlanCatalog plans;

    private final vn.dxgov.units.AgencyDirectory agencies;

    ReportLists(Schedules schedules, ReportingAgencies reporters, ReportingRepository repo, PlanCatalog plans,
                vn.dxgov.units.AgencyDirectory agencies) {
        this.agencies = agencies;
        this.schedules = schedules;
        this.reporters = reporters;
        this.repo = repo;
        this.plans = plans;
    }

    /** The reports of a period the current user may read. */
    List<Submission> forPeriod(long reportingPeriodId) {
        ReportingPeriod period = schedules.requirePeriod(reportingPeriodId);
        String province = plans.provinceOf(period.planId()).orElse(null);
        return repo.forPeriod(reportingPeriodId).stream().filter(s -> Access.mayRead(s, province)).toList();
    }

    /** An agency's reports over the plans the current user sees, newest period first. */
    List<Submission> forAgency(long agencyId) {
        requireAgencyReader(agencyId);
        Set<Long> visible = CurrentUser.system() ? null : Set.copyOf(plans.visibleIds());
        return repo.forAgency(agencyId).stream().filter(s -> visible == null || visible.contains(s.planId())).toList();
    }

    /** Reports waiting for a decision, oldest first (for those who read everything). */
    List<Submission> inbox() {
        Access.requireParticipant();
        if (!CurrentUser.readsAll()) {
            throw Access.forbidden();
        }
        Set<Long> visible = CurrentUser.system() ? null : Set.copyOf(plans.visibleIds());
        return repo.withStatus(SubmissionStatus.SUBMITTED).stream()
                .filter(s -> visible == null || visible.contains(s.planId())).toList();
    }

    /** The open periods of published plans the agency still has to report in, soonest deadline first. */
    List<Reporting.TodoItem> todo(long agencyId, LocalDate today) {
        requireAgencyReader(agencyId);
        List<Long> planIds = plans.list().stream().filter(Plan::published).map(Plan::id).toList();
        List<ReportingPeriod> open = repo.openPeriodsStartedBy(today, planIds);
        Map<Long, Submission> mine = new HashMap<>();
        for (Submission s : repo.forAgency(agencyId)) {
            mine.put(s.reportingPeriodId(), s);
        }
        Map<String, List<Long>> required = new HashMap<>();
        List<Reporting.TodoItem> out = new ArrayList<>();
        for (ReportingPeriod p : open) {
            Submission s = mine.get(p.id());
            boolean concerned = s != null || required.computeIfAbsent(p.planId() + ":" + Period.parse(p.period()).year(),
                    k -> reporters.requiredAgencies(p.planId(), Period.parse(p.period()).year())).contains(agencyId);
            if (!concerned || (s != null && (s.status() == SubmissionStatus.SUBMITTED || s.status() == SubmissionStatus.APPROVED))) {
                continue;
            }
            out.add(new Reporting.TodoItem(p, s, ChronoUnit.DAYS.between(today, p.agencyDueOn())));
        }
        out.sort((a, b) -> a.period().agencyDueOn().compareTo(b.period().agencyDueOn()));
        return out;
    }

    /** An agency's own editor, or those who read everything; 403 for anyone else. */
    private void requireAgencyReader(long agencyId) {
        Access.requireParticipant();
        // another province's agency does not exist for the user
        if (!CurrentUser.system() && agencies.find(agencyId)
                .filter(a -> CurrentUser.mayRead(a.provinceCode())).isEmpty()) {
            throw vn.dxgov.shared.web.ApiException.notFound("agency", agencyId);
        }
        if (!CurrentUser.readsAll() && Access.editorAgency().filter(a -> a == agencyId).isEmpty()) {
            throw Access.forbidden();
        }
    }
}
