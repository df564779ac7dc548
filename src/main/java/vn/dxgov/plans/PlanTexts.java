package vn.dxgov.plans;

import java.util.Locale;
import vn.dxgov.targets.Target;
import vn.dxgov.tasks.Task;

/**
 * How the plan pages write a target's committed value and a task's time frame, in the reader's language; the pages
 * of other modules that list a plan's targets and tasks (an agency's work, a target's page) write them the same way.
 */
public interface PlanTexts {

    /** "≥ 90%", "Top 10", "Hoàn thành", "Tỉnh 90% · Huyện 80% · Xã 60%", "≥ 3.000 doanh nghiệp". */
    String targetValue(Target target, Locale locale);

    /** "Hằng năm (2022–2025)", "2022–2025", "2023", or the time frame as written. */
    String timeFrame(Task task, Locale locale);
}
