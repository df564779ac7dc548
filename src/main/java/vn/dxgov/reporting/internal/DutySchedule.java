package vn.dxgov.reporting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.dxgov.plans.PlanImported;
import vn.dxgov.reporting.Frequency;
import vn.dxgov.shared.VietText;

/**
 * Turns the reporting duties a document states into a schedule.
 *
 * <ul>
 *   <li>A duty of the steering department itself (its name is the one who reports: "Sở Thông tin và Truyền thông
 *   ... định kỳ trước ngày 15/12 hàng năm báo cáo UBND tỉnh", or Sở Khoa học và Công nghệ since 2025) is the
 *   <em>consolidation</em> deadline; every other duty is the agencies' deadline. With only the steering department's
 *   duty, that one is the agencies' deadline.</li>
 *   <li>The frequency is the first agencies' duty's (in document order), and its dates the first such duty's with
 *   one date per period of the year; the consolidation dates come from a steering duty of the same frequency and
 *   are kept only when each falls after the agencies' date.</li>
 *   <li>A duty without usable dates gets {@link ScheduleRules#defaultDue the default} (the 15th of each period's
 *   last month) and the schedule is flagged for review.</li>
 *   <li>Years: from the issue year (as dated, else as written: "ngày /01/2022"; else the plan's first year, else
 *   the current year) to the plan's last year, at least the current year.</li>
 * </ul>
 */
final class DutySchedule {

    record Proposal(Frequency frequency, List<String> agencyDue, List<String> consolidationDue, int firstYear,
                    int lastYear, String sourceText, boolean needsReview, String reviewNote) {
    }

    private DutySchedule() {
    }

    static Optional<Proposal> from(PlanImported plan, int currentYear) {
        return from(plan, null, currentYear);
    }

    /**
     * @param writtenIssueYear the issue year as written when the document's date is incomplete ("ngày /01/2022"),
     *                         else null
     */
    static Optional<Proposal> from(PlanImported plan, Integer writtenIssueYear, int currentYear) {
        List<PlanImported.Duty> known = new ArrayList<>();
        for (PlanImported.Duty d : plan.duties() == null ? List.<PlanImported.Duty>of() : plan.duties()) {
            if (frequency(d).isPresent()) {
                known.add(d);
            }
        }
        if (known.isEmpty()) {
            return Optional.empty();
        }
        List<PlanImported.Duty> steering = known.stream().filter(d -> isSteeringDepartment(d.who())).toList();
        List<PlanImported.Duty> agencies = known.stream().filter(d -> !isSteeringDepartment(d.who())).toList();
        if (agencies.isEmpty()) {
            agencies = steering;
            steering = List.of();
        }
        Frequency frequency = agencies.stream().filter(d -> usable(d, frequency(d).orElseThrow()))
                .map(d -> frequency(d).orElseThrow()).findFirst()
                .orElseGet(() -> frequency(known.get(0)).orElseThrow());
        int n = ScheduleRules.perYear(frequency);

        PlanImported.Duty agencyDuty = agencies.stream()
                .filter(d -> frequency(d).orElseThrow() == frequency && usable(d, frequency)).findFirst().orElse(null);
        List<String> notes = new ArrayList<>();
        List<String> agencyDue;
        String sourceText;
        if (agencyDuty != null) {
            agencyDue = ScheduleRules.normalise(agencyDuty.dueDayMonths());
            sourceText = agencyDuty.text();
        } else {
            PlanImported.Duty first = agencies.stream().filter(d -> frequency(d).orElseThrow() == frequency)
                    .findFirst().orElse(known.get(0));
            agencyDue = ScheduleRules.defaultDue(frequency);
            sourceText = first.text();
            notes.add(first.dueDayMonths() == null || first.dueDayMonths().isEmpty()
                    ? "Văn bản không ghi ngày báo cáo; tạm dùng ngày 15 của tháng cuối mỗi kỳ (" + String.join(", ", agencyDue) + ")."
                    : "Ngày báo cáo trong văn bản (" + String.join(", ", first.dueDayMonths()) + ") không khớp định kỳ "
                    + frequency + " (cần " + n + " ngày); tạm dùng ngày 15 của tháng cuối mỗi kỳ.");
        }

        List<String> consolidationDue = null;
        for (PlanImported.Duty d : steering) {
            if (frequency(d).orElseThrow() == frequency && usable(d, frequency)) {
                List<String> candidate = ScheduleRules.normalise(d.dueDayMonths());
                if (ScheduleRules.check(frequency, agencyDue, candidate, 2025, 2025, null, null).isEmpty()) {
                    consolidationDue = candidate;
                    sourceText = sourceText + "\n" + d.text();
                } else {
                    notes.add("Hạn tổng hợp trong văn bản (" + String.join(", ", candidate)
                            + ") không sau hạn báo cáo của cơ quan; chưa đặt hạn tổng hợp.");
                }
                break;
            }
        }

        int[] years = years(plan, writtenIssueYear, currentYear);
        return Optional.of(new Proposal(frequency, agencyDue, consolidationDue, years[0], years[1], sourceText,
                !notes.isEmpty(), notes.isEmpty() ? null : String.join(" ", notes)));
    }

    /**
     * The schedule's first and last year: from the issue year (or the year as written, or the plan's start) to the
     * plan's end or this year, whichever is later, within the years and the span a schedule allows.
     */
    private static int[] years(PlanImported plan, Integer writtenIssueYear, int currentYear) {
        int currentFirst = plan.issuedOn() != null ? plan.issuedOn().getYear()
                : writtenIssueYear != null ? writtenIssueYear
                : plan.periodStart() != null ? plan.periodStart() : currentYear;
        int firstYear = Math.max(ScheduleRules.MIN_YEAR, currentFirst);
        int lastYear = Math.max(plan.periodEnd() == null ? firstYear : plan.periodEnd(), currentYear);
        lastYear = Math.max(lastYear, firstYear);
        if (lastYear - firstYear >= ScheduleRules.MAX_SPAN) {
            firstYear = lastYear - ScheduleRules.MAX_SPAN + 1;
        }
        lastYear = Math.min(lastYear, ScheduleRules.MAX_YEAR);
        return new int[] {firstYear, lastYear};
    }

    private static boolean usable(PlanImported.Duty d, Frequency frequency) {
        List<String> due = d.dueDayMonths();
        return due != null && due.size() == ScheduleRules.perYear(frequency)
                && due.stream().allMatch(s -> ScheduleRules.parse(s).isPresent());
    }

    static Optional<Frequency> frequency(PlanImported.Duty d) {
        if (d.frequency() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Frequency.valueOf(d.frequency().trim().toUpperCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The steering department by name: Sở Thông tin và Truyền thông (to 2025), Sở Khoa học và Công nghệ (since). */
    static boolean isSteeringDepartment(String who) {
        if (who == null) {
            return false;
        }
        String f = VietText.fold(who);
        return f.startsWith("so thong tin va truyen thong") || f.startsWith("so khoa hoc va cong nghe")
                || f.startsWith("so tt&tt") || f.startsWith("so tttt") || f.startsWith("stttt")
                || f.startsWith("so kh&cn") || f.startsWith("so khcn");
    }

    /** The first plausible year in a date as written ("ngày /01/2022", "ngày tháng năm 2021"), or null. */
    static Integer yearIn(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)").matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
