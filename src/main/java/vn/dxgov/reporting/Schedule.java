package vn.dxgov.reporting;

import java.util.List;

/**
 * A plan's reporting duty: how often, and by which day and month agencies report and the steering department
 * consolidates, one entry per period of the year ({@code ["05/12"]} yearly; {@code ["30/06","15/12"]} half-yearly).
 *
 * @param sourceText  the sentence of the plan that sets the duty, when it was read from the document
 * @param needsReview true when the schedule was set up from a document that did not say everything (no due dates:
 *                    a default was used); the steering department checks and saves it, which clears the flag
 * @param reviewNote  what was assumed, in Vietnamese, when {@code needsReview}
 */
public record Schedule(long id, long planId, Frequency frequency, List<String> agencyDue, List<String> consolidationDue,
                       int firstYear, int lastYear, List<Integer> reminderDaysBefore, List<Integer> reminderDaysAfter,
                       String sourceText, boolean active, boolean needsReview, String reviewNote) {

    /** A schedule nobody needs to review (the constructor of the first version of this record). */
    public Schedule(long id, long planId, Frequency frequency, List<String> agencyDue, List<String> consolidationDue,
                    int firstYear, int lastYear, List<Integer> reminderDaysBefore, List<Integer> reminderDaysAfter,
                    String sourceText, boolean active) {
        this(id, planId, frequency, agencyDue, consolidationDue, firstYear, lastYear, reminderDaysBefore,
                reminderDaysAfter, sourceText, active, false, null);
    }
}
