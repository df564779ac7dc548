package vn.dxgov.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.dxgov.plans.Plan;
import vn.dxgov.reporting.DemoReports;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.Period;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.tasks.Task;

/**
 * The story the demonstration history tells, made up deterministically from keys ({@link DemoRandom}): each report's
 * timeline (on time or late, returned, approved), a level's value in the middle of a year, a task's progress at the
 * end of a period. Pure; {@link DemoHistory} writes what it makes up through the reporting module.
 */
final class DemoStory {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String[] RETURN_REASONS = {
            "Thiếu minh chứng cho chỉ tiêu tỷ lệ hồ sơ trực tuyến; đề nghị bổ sung văn bản, ảnh chụp hệ thống.",
            "Số liệu chưa khớp với báo cáo thống kê của Cục Thống kê; đề nghị rà soát lại mẫu số.",
            "Phần đánh giá nhiệm vụ còn sơ sài, chưa nêu khó khăn, vướng mắc và đề xuất.",
            "Tiến độ nhiệm vụ ghi 100% nhưng chưa có văn bản nghiệm thu; đề nghị bổ sung hoặc điều chỉnh."};

    private DemoStory() {
    }

    /**
     * The steps of a report: submitted on time (a few days before the deadline) or late (about 15%), sometimes
     * returned and resubmitted (about 10%), approved within days; in the latest period some still wait, one waits
     * for the agency after a return, a few are still drafts.
     */
    static List<DemoReports.Step> timeline(String key, LocalDate due, boolean latest, double fate, String editor) {
        List<DemoReports.Step> steps = new ArrayList<>();
        if (latest && fate < 0.14) {
            return steps; // still a draft
        }
        boolean late = DemoRandom.unit(key + "|late") < 0.15;
        LocalDate submitted = late ? due.plusDays(DemoRandom.between(key + "|lateBy", 1, 12))
                : due.minusDays(DemoRandom.between(key + "|early", 0, 9));
        steps.add(new DemoReports.Step(SubmissionAction.SUBMIT, at(submitted, 9 + DemoRandom.between(key + "|h1", 0, 7)), editor, null));
        double decision = DemoRandom.unit(key + "|decision");
        if (latest && decision < 0.2) {
            return steps; // waits in the inbox
        }
        LocalDate day = submitted;
        if (decision > (latest ? 0.84 : 0.9)) {
            day = day.plusDays(DemoRandom.between(key + "|review", 2, 5));
            String reason = RETURN_REASONS[DemoRandom.between(key + "|reason", 0, RETURN_REASONS.length - 1)];
            steps.add(new DemoReports.Step(SubmissionAction.RETURN, at(day, 14), DemoHistory.STEERING, reason));
            if (latest && decision > 0.95) {
                return steps; // back with the agency
            }
            day = day.plusDays(DemoRandom.between(key + "|fix", 1, 4));
            steps.add(new DemoReports.Step(SubmissionAction.RESUBMIT, at(day, 10), editor, null));
        }
        day = day.plusDays(DemoRandom.between(key + "|approve", 1, 6));
        steps.add(new DemoReports.Step(SubmissionAction.APPROVE, at(day, 15), DemoHistory.STEERING, null));
        return steps;
    }

    /**
     * The steps of a report of the period that contains today: none (a draft) for most agencies; a submission on or
     * before today only within 30 days of the deadline, on time while the deadline is ahead, late for some once it has
     * passed; never approved or returned yet. {@code today} is the last day a step may fall on.
     */
    static List<DemoReports.Step> current(String key, LocalDate due, LocalDate today, String editor) {
        List<DemoReports.Step> steps = new ArrayList<>();
        if (due.minusDays(30).isAfter(today) || DemoRandom.unit(key + "|current") < 0.55) {
            return steps; // still a draft
        }
        LocalDate submitted;
        if (!due.isBefore(today)) {
            submitted = today.minusDays(DemoRandom.between(key + "|early", 0, 6));
        } else {
            boolean late = DemoRandom.unit(key + "|late") < 0.3;
            long after = Math.max(1, today.toEpochDay() - due.toEpochDay());
            submitted = late ? due.plusDays(DemoRandom.between(key + "|lateBy", 1, (int) Math.min(after, 12)))
                    : due.minusDays(DemoRandom.between(key + "|early", 0, 6));
        }
        // before the hour the clock shows today: 8:00 at the latest on today itself
        steps.add(new DemoReports.Step(SubmissionAction.SUBMIT, at(submitted, submitted.equals(today) ? 7
                : 9 + DemoRandom.between(key + "|h1", 0, 7)), editor, null));
        return steps;
    }

    /**
     * The day a report was opened: 20 to 40 days before its deadline; in the current period ({@code today} given)
     * before today (the day before at the latest) and not before the period began.
     */
    static LocalDate openedOn(String key, LocalDate due, Period p, LocalDate today) {
        LocalDate openedOn = due.minusDays(DemoRandom.between(key + "|open", 20, 40));
        if (today == null) {
            return openedOn;
        }
        LocalDate latestOpen = today.minusDays(DemoRandom.between(key + "|openBefore", 1, 10));
        openedOn = openedOn.isAfter(latestOpen) ? latestOpen : openedOn;
        return openedOn.isBefore(p.start()) ? (p.start().isBefore(today) ? p.start() : today.minusDays(1)) : openedOn;
    }

    /** The steps that happened by {@code now}: a timeline is cut at the present (a later step has not happened yet). */
    static List<DemoReports.Step> until(List<DemoReports.Step> steps, Instant now) {
        List<DemoReports.Step> out = new ArrayList<>();
        for (DemoReports.Step s : steps) {
            if (s.at().isAfter(now)) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    /** A half-year or quarter value of a level indicator: between last year's and this year's values. */
    static DemoSeries.YearValue midYear(Map<Integer, DemoSeries.YearValue> s, int year, Period p, TargetKind kind) {
        DemoSeries.YearValue now = s.get(year);
        DemoSeries.YearValue before = s.get(year - 1);
        if (now == null) {
            return null;
        }
        if (before == null || kind == TargetKind.RANK || kind == TargetKind.YES_NO) {
            return now;
        }
        double share = (p.end().getMonthValue()) / 12.0;
        if (now.value() != null) {
            BigDecimal v = before.value().add(now.value().subtract(before.value()).multiply(BigDecimal.valueOf(share)))
                    .setScale(now.value().scale(), RoundingMode.HALF_UP);
            return new DemoSeries.YearValue(year, v, null, null);
        }
        BigDecimal num = before.numerator().add(now.numerator().subtract(before.numerator()).multiply(BigDecimal.valueOf(share)))
                .setScale(0, RoundingMode.HALF_UP);
        BigDecimal den = before.denominator().add(now.denominator().subtract(before.denominator()).multiply(BigDecimal.valueOf(share)))
                .setScale(0, RoundingMode.HALF_UP);
        if (den.signum() <= 0) {
            return now;
        }
        return new DemoSeries.YearValue(year, null, num.min(den).max(BigDecimal.ZERO), den);
    }

    /** A task's progress at the end of a period, by the fate the demo gives the task. */
    static ReportInput.TaskProgress taskProgress(Plan plan, Task task, Period p) {
        String key = plan.number() + "|task|" + task.position();
        double fate = DemoRandom.unit(key + "|fate");
        int year = p.year();
        if (task.startYear() == null || task.endYear() == null) {
            // yearly or open-ended work: done most years
            boolean done = DemoRandom.unit(key + "|" + p.code()) < 0.8 || p.end().getMonthValue() != 12;
            return done && p.end().getMonthValue() == 12
                    ? new ReportInput.TaskProgress(task.id(), TaskProgressStatus.DONE, 100, "Đã thực hiện theo kế hoạch năm.")
                    : new ReportInput.TaskProgress(task.id(), done ? TaskProgressStatus.IN_PROGRESS : TaskProgressStatus.DELAYED,
                    done ? 50 : 70, done ? "Đang triển khai theo kế hoạch năm." : "Chậm do chưa bố trí đủ kinh phí.");
        }
        int start = task.startYear();
        int end = task.endYear();
        double elapsed = (year - start + p.end().getMonthValue() / 12.0) / (end - start + 1);
        if (fate < 0.05) {
            return new ReportInput.TaskProgress(task.id(), TaskProgressStatus.STOPPED, (int) Math.round(Math.min(elapsed, 1) * 30),
                    "Tạm dừng để điều chỉnh phạm vi theo chủ trương sắp xếp đơn vị hành chính.");
        }
        if (fate < 0.12 && year == start) {
            return new ReportInput.TaskProgress(task.id(), TaskProgressStatus.NOT_STARTED, 0, "Đang chuẩn bị hồ sơ, thủ tục đầu tư.");
        }
        boolean delayed = fate > 0.75;
        int percent = (int) Math.round(Math.min(1.0, elapsed) * (delayed ? 75 : 100));
        if (percent >= 100) {
            return new ReportInput.TaskProgress(task.id(), TaskProgressStatus.DONE, 100, "Đã hoàn thành, đưa vào sử dụng.");
        }
        if (delayed && year >= end - 1) {
            return new ReportInput.TaskProgress(task.id(), TaskProgressStatus.DELAYED, Math.max(percent, 5),
                    "Chậm tiến độ: thủ tục lựa chọn nhà thầu kéo dài.");
        }
        return new ReportInput.TaskProgress(task.id(), TaskProgressStatus.IN_PROGRESS, Math.max(percent, 5),
                "Đang triển khai đúng kế hoạch.");
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(Math.min(hour, 22), 0)).atZone(VIETNAM).toInstant();
    }
}
