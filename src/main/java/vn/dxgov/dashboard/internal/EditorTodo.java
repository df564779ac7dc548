package vn.dxgov.dashboard.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.security.CurrentUser;

/**
 * An agency's to-do ({@code /todo}): its reports due (reporting's to-do list: periods open for the agency and not
 * yet sent), each with what is still missing (target lines it must fill without a value, tasks it leads without a
 * progress), and the self-assessments open for the units the user assesses.
 */
@Component
class EditorTodo {

    /** A line not filled in yet: its label (the target's code, or a task's) and text. */
    record Missing(String label, String text) {
    }

    /**
     * @param submissionId null while the report was never opened (then nothing is known to be filled)
     * @param status       NOT_STARTED, DRAFT or RETURNED
     */
    record ReportDue(long periodId, String planLabel, String period, LocalDate dueOn, long daysLeft,
                     Long submissionId, String status, String returnReason, List<Missing> missingValues,
                     List<Missing> missingTasks, int lines) {

        public boolean late() {
            return daysLeft < 0;
        }

        public long daysLate() {
            return -daysLeft;
        }

        public boolean complete() {
            return submissionId != null && missingValues.isEmpty() && missingTasks.isEmpty();
        }
    }

    record AssessmentDue(long roundId, String roundName, LocalDate deadline, long unitId, String unitName,
                         String status) {
    }

    record Todo(Long agencyId, List<ReportDue> reports, List<AssessmentDue> assessments) {

        public boolean empty() {
            return reports.isEmpty() && assessments.isEmpty();
        }
    }

    private final Reporting reporting;
    private final Assessments assessments;
    private final PlanCatalog plans;

    EditorTodo(Reporting reporting, Assessments assessments, PlanCatalog plans) {
        this.reporting = reporting;
        this.assessments = assessments;
        this.plans = plans;
    }

    Todo of(LocalDate today) {
        Long agency = CurrentUser.agencyId().orElse(null);
        List<ReportDue> reports = agency == null ? List.of() : reports(agency, today);
        return new Todo(agency, reports, assessments());
    }

    private List<ReportDue> reports(long agency, LocalDate today) {
        List<ReportDue> out = new ArrayList<>();
        Map<Long, String> labels = new HashMap<>();
        for (Reporting.TodoItem item : reporting.todo(agency, today)) {
            String plan = labels.computeIfAbsent(item.period().planId(), id -> plans.find(id)
                    .map(StatusBoard::planLabel).orElse("#" + id));
            var s = item.submission();
            List<Missing> values = new ArrayList<>();
            List<Missing> tasks = new ArrayList<>();
            int lines = 0;
            if (s != null) {
                ReportForm form = reporting.form(s.id());
                for (ReportForm.TargetLine l : form.targets()) {
                    if (l.required() && !l.filled()) {
                        values.add(new Missing(l.label(), l.text()));
                    }
                }
                for (ReportForm.TaskLine l : form.tasks()) {
                    if (l.required() && l.status() == null) {
                        tasks.add(new Missing(l.taskCode(), l.title()));
                    }
                }
                lines = form.targets().size() + form.tasks().size();
            }
            out.add(new ReportDue(item.period().id(), plan, item.period().period(), item.period().agencyDueOn(),
                    item.daysLeft(), s == null ? null : s.id(), s == null ? "NOT_STARTED" : s.status().name(),
                    s == null ? null : s.returnReason(), values, tasks, lines));
        }
        return out;
    }

    /** The open rounds in which a unit the user assesses for takes part, with that unit's state. */
    private List<AssessmentDue> assessments() {
        List<AssessmentDue> out = new ArrayList<>();
        for (Assessments.Round r : assessments.myRounds()) {
            if (r.status() != Assessments.RoundStatus.OPEN) {
                continue;
            }
            for (Assessments.Participant p : assessments.participants(r.id())) {
                out.add(new AssessmentDue(r.id(), r.name(), r.deadline(), p.unitId(), p.unitName(),
                        p.status() == null ? "DRAFT" : p.status().name()));
            }
        }
        return out;
    }
}
