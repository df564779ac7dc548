package vn.dxgov.notifications.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Schedule;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;

/** A hand-written fake of {@link Reporting} holding schedules, periods, required agencies and reports in memory. */
class FakeReporting {

    final List<Schedule> schedules = new ArrayList<>();
    final List<ReportingPeriod> periods = new ArrayList<>();
    final Map<Long, List<Long>> required = new HashMap<>();
    final List<Submission> submissions = new ArrayList<>();
    int periodsDueBetweenCalls;

    Schedule schedule(long id, long planId, List<Integer> before, List<Integer> after) {
        Schedule s = new Schedule(id, planId, Frequency.ANNUAL, List.of("05/12"), List.of("15/12"), 2022, 2025,
                before, after, null, true);
        schedules.add(s);
        return s;
    }

    ReportingPeriod period(long id, Schedule schedule, String period, LocalDate due, Long... agencies) {
        ReportingPeriod p = new ReportingPeriod(id, schedule.id(), schedule.planId(), period, due, due.plusDays(10),
                ReportingPeriod.Status.OPEN);
        periods.add(p);
        required.put(id, List.of(agencies));
        return p;
    }

    Submission submission(long id, ReportingPeriod p, long agencyId, SubmissionStatus status) {
        Submission s = new Submission(id, p.id(), p.planId(), p.period(), agencyId, null, status, null, null, null,
                null, null, null, null, false, false, 1, p.agencyDueOn());
        submissions.add(s);
        return s;
    }

    List<Schedule> schedules(long planId) {
        return schedules.stream().filter(s -> s.planId() == planId).toList();
    }

    List<ReportingPeriod> periodsDueBetween(LocalDate from, LocalDate to) {
        periodsDueBetweenCalls++;
        return periods.stream().filter(p -> !p.agencyDueOn().isBefore(from) && !p.agencyDueOn().isAfter(to)).toList();
    }

    List<Long> requiredAgencies(long reportingPeriodId) {
        return required.getOrDefault(reportingPeriodId, List.of());
    }

    List<Submission> forPeriod(long reportingPeriodId) {
        return submissions.stream().filter(s -> s.reportingPeriodId() == reportingPeriodId).toList();
    }

    Optional<ReportingPeriod> period(long reportingPeriodId) {
        return periods.stream().filter(p -> p.id() == reportingPeriodId).findFirst();
    }

    Optional<Submission> find(long submissionId) {
        return submissions.stream().filter(s -> s.id() == submissionId).findFirst();
    }

    /**
     * This fake as a {@link Reporting}: the methods above answer; any other method of the interface (which keeps
     * growing) throws, so that the fake never has to follow it.
     */
    Reporting asReporting() {
        return (Reporting) Proxy.newProxyInstance(Reporting.class.getClassLoader(), new Class<?>[] {Reporting.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(this, args);
                    }
                    Method own;
                    try {
                        own = FakeReporting.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
                    } catch (NoSuchMethodException e) {
                        throw new UnsupportedOperationException("FakeReporting." + method.getName());
                    }
                    try {
                        return own.invoke(this, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
