package vn.dxgov.dashboard.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.plans.Plan;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * What the reporting cycle tells a leader: the agencies late with the current period's report (not submitted by the
 * deadline, returned and not yet resubmitted, or submitted after it), and the deadlines of the next
 * {@link #AHEAD_DAYS} days with how many reports are in. Read through reporting's public API; LEADER reads all.
 */
@Component
class ReportingWatch {

    /** How far ahead the next deadlines are listed. */
    static final int AHEAD_DAYS = 60;
    /**
     * How far back the deadline of a plan's "current" period may lie: a plan whose last deadline passed longer ago
     * has ended, its late reports are history (the scorecard's), not a leader's today.
     */
    static final int CURRENT_DAYS = 400;

    /** Why an agency is late: NOT_SUBMITTED (nothing or a draft), RETURNED (not resubmitted), LATE (submitted late). */
    enum Lateness {
        NOT_SUBMITTED, RETURNED, LATE
    }

    record LateAgency(long agencyId, String agencyName, String planLabel, long periodId, String period,
                      LocalDate dueOn, long daysLate, Lateness why, boolean demo) {
    }

    /**
     * @param required  agencies that must report
     * @param submitted of those, reports sent (submitted or approved)
     * @param approved  of those, approved
     */
    record Deadline(long periodId, String planLabel, String period, LocalDate dueOn, long daysLeft, int required,
                    int submitted, int approved) {
    }

    private final Reporting reporting;
    private final AgencyDirectory agencies;

    ReportingWatch(Reporting reporting, AgencyDirectory agencies) {
        this.reporting = reporting;
        this.agencies = agencies;
    }

    /** Late agencies of the current period of each plan (its latest period whose deadline passed), latest first. */
    List<LateAgency> late(List<Plan> provincePlans, LocalDate today) {
        List<LateAgency> out = new ArrayList<>();
        for (Plan plan : provincePlans) {
            ReportingPeriod current = null;
            for (ReportingPeriod p : reporting.periods(plan.id())) {
                if (p.agencyDueOn().isBefore(today) && !p.agencyDueOn().isBefore(today.minusDays(CURRENT_DAYS))
                        && (current == null || p.agencyDueOn().isAfter(current.agencyDueOn()))) {
                    current = p;
                }
            }
            if (current != null) {
                out.addAll(lateIn(plan, current, today));
            }
        }
        Map<Long, Agency> names = agencies.findAll(out.stream().map(LateAgency::agencyId).distinct().toList());
        return out.stream().map(l -> new LateAgency(l.agencyId(), names.containsKey(l.agencyId())
                        ? names.get(l.agencyId()).name() : "#" + l.agencyId(), l.planLabel(), l.periodId(), l.period(),
                        l.dueOn(), l.daysLate(), l.why(), l.demo()))
                .sorted(Comparator.comparing(LateAgency::why).thenComparing(LateAgency::daysLate,
                        Comparator.reverseOrder()).thenComparing(LateAgency::agencyName))
                .toList();
    }

    private List<LateAgency> lateIn(Plan plan, ReportingPeriod p, LocalDate today) {
        Map<Long, Submission> byAgency = new HashMap<>();
        for (Submission s : reporting.forPeriod(p.id())) {
            byAgency.put(s.agencyId(), s);
        }
        long days = ChronoUnit.DAYS.between(p.agencyDueOn(), today);
        List<LateAgency> out = new ArrayList<>();
        for (long agency : reporting.requiredAgencies(p.id())) {
            Submission s = byAgency.get(agency);
            Lateness why = lateness(s);
            if (why != null) {
                out.add(new LateAgency(agency, null, StatusBoard.planLabel(plan), p.id(), p.period(), p.agencyDueOn(),
                        days, why, s != null && s.demo()));
            }
        }
        return out;
    }

    /** Why a report of a period whose deadline passed is late; null when it came in on time. */
    static Lateness lateness(Submission s) {
        if (s == null || s.firstSubmittedAt() == null) {
            return Lateness.NOT_SUBMITTED;
        }
        if (s.status() == SubmissionStatus.RETURNED) {
            return Lateness.RETURNED;
        }
        if (s.status() == SubmissionStatus.DRAFT) {
            // reopened by the steering department and not sent again
            return Lateness.NOT_SUBMITTED;
        }
        return s.late() ? Lateness.LATE : null;
    }

    /** Periods due in the next {@link #AHEAD_DAYS} days (today included), nearest first. */
    List<Deadline> deadlines(List<Plan> provincePlans, LocalDate today) {
        List<Deadline> out = new ArrayList<>();
        LocalDate until = today.plusDays(AHEAD_DAYS);
        for (Plan plan : provincePlans) {
            for (ReportingPeriod p : reporting.periods(plan.id())) {
                if (p.agencyDueOn().isBefore(today) || p.agencyDueOn().isAfter(until)) {
                    continue;
                }
                List<Submission> subs = reporting.forPeriod(p.id());
                int submitted = (int) subs.stream().filter(s -> s.status() == SubmissionStatus.SUBMITTED
                        || s.status() == SubmissionStatus.APPROVED).count();
                int approved = (int) subs.stream().filter(s -> s.status() == SubmissionStatus.APPROVED).count();
                out.add(new Deadline(p.id(), StatusBoard.planLabel(plan), p.period(), p.agencyDueOn(),
                        ChronoUnit.DAYS.between(today, p.agencyDueOn()), reporting.requiredAgencies(p.id()).size(),
                        submitted, approved));
            }
        }
        out.sort(Comparator.comparing(Deadline::dueOn).thenComparing(Deadline::planLabel));
        return out;
    }
}
