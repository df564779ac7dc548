package vn.dxgov.reports.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.plans.Plan;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.reports.AnnualReport;
import vn.dxgov.reports.AnnualReport.AgencyRow;
import vn.dxgov.reports.AnnualReport.Count;
import vn.dxgov.reports.AnnualReport.Header;
import vn.dxgov.reports.AnnualReport.Summary;
import vn.dxgov.reports.AnnualReport.TargetRow;
import vn.dxgov.reports.AnnualReport.TaskRow;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;
import vn.dxgov.units.AdminUnit;

/** Turns the facts of a plan and year into the consolidated annual report. */
final class AnnualReportBuilder {

    private AnnualReportBuilder() {
    }

    static AnnualReport build(PlanYear py) {
        Plan plan = py.plan();
        TargetPart targets = targets(py);
        TaskPart tasks = tasks(py);
        ReportPart reports = reports(py);
        Summary summary = new Summary(reports.agencies(), reports.due(), reports.onTime(), reports.late(),
                reports.missing(), reports.notYetDue(), py.targets().size(), targets.counts(), py.tasks().size());
        return new AnnualReport(plan.id(), plan.title(), py.year(), py.asOf(), py.demo(), header(py), summary,
                targets.rows(), tasks.byStatus(), tasks.behind(), reports.lateRows());
    }

    /** Every target with its status, and how many targets have each status (all statuses listed, zeros too). */
    private record TargetPart(List<TargetRow> rows, List<Count> counts) {
    }

    /** How many tasks have each progress status (and no report), and the tasks behind: delayed, stopped, overdue. */
    private record TaskPart(List<Count> byStatus, List<TaskRow> behind) {
    }

    /** The agencies' reports of the year's periods: how many were due, on time, late, missing, not yet due. */
    private record ReportPart(int agencies, int due, int onTime, int late, int missing, int notYetDue,
                              List<AgencyRow> lateRows) {
    }

    private static TargetPart targets(PlanYear py) {
        List<TargetRow> rows = new ArrayList<>();
        Map<TargetStatus, Integer> byStatus = new EnumMap<>(TargetStatus.class);
        for (TargetStatus s : TargetStatus.values()) {
            byStatus.put(s, 0);
        }
        int no = 1;
        for (Target t : py.targets()) {
            StatusAssessment a = py.assessments().get(t.id());
            TargetStatus status = a == null ? TargetStatus.NO_DATA : a.status();
            byStatus.merge(status, 1, Integer::sum);
            rows.add(new TargetRow(no++, t.id(), t.code(), t.text(), current(t, a), committed(t), t.deadlineYear(),
                    status.name(), Labels.target(status), a == null ? null : a.explanation(),
                    names(py, t.leadAgencyIds())));
        }
        List<Count> counts = new ArrayList<>();
        byStatus.forEach((s, n) -> counts.add(new Count(s.name(), Labels.target(s), n)));
        return new TargetPart(rows, counts);
    }

    private static TaskPart tasks(PlanYear py) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TaskProgressStatus s : TaskProgressStatus.values()) {
            counts.put(s.name(), 0);
        }
        counts.put("NO_REPORT", 0);
        List<TaskRow> behind = new ArrayList<>();
        for (Task task : py.tasks()) {
            PlanYear.Progress p = taskProgress(task, py.progress().getOrDefault(task.id(), Map.of()));
            String code = p == null ? "NO_REPORT" : p.status().name();
            counts.merge(code, 1, Integer::sum);
            if (p == null) {
                continue;
            }
            boolean overdue = py.yearEnded() && lastYear(task, py.year())
                    && (p.status() == TaskProgressStatus.IN_PROGRESS || p.status() == TaskProgressStatus.NOT_STARTED);
            if (overdue || p.status() == TaskProgressStatus.DELAYED || p.status() == TaskProgressStatus.STOPPED) {
                behind.add(new TaskRow(task.code(), task.title(), task.timeFrameText(), names(py, task.leadAgencyIds()),
                        overdue ? "OVERDUE" : p.status().name(),
                        overdue ? Labels.OVERDUE : Labels.task(p.status()), p.percentComplete(), p.narrative()));
            }
        }
        List<Count> byStatus = new ArrayList<>();
        counts.forEach((code, n) -> byStatus.add(new Count(code, code.equals("NO_REPORT") ? Labels.NO_REPORT
                : Labels.task(TaskProgressStatus.valueOf(code)), n)));
        return new TaskPart(byStatus, behind);
    }

    private static ReportPart reports(PlanYear py) {
        int due = 0;
        int onTime = 0;
        int late = 0;
        int missing = 0;
        int notYetDue = 0;
        Set<Long> agencies = new LinkedHashSet<>();
        List<AgencyRow> lateRows = new ArrayList<>();
        for (PlanYear.PeriodFacts p : py.periods()) {
            agencies.addAll(p.required());
            if (!p.due()) {
                notYetDue += p.required().size();
                continue;
            }
            String period = p.code().label(VietText.VI);
            for (long agencyId : p.required()) {
                due++;
                Submission s = p.submissions().get(agencyId);
                switch (ScorecardCalculator.timeliness(s, p.dueOn())) {
                    case ON_TIME -> onTime++;
                    case LATE -> {
                        late++;
                        LocalDate first = s.firstSubmittedAt().atZone(ScorecardCalculator.VIETNAM).toLocalDate();
                        LocalDate dueOn = s.dueOn() != null ? s.dueOn() : p.dueOn();
                        lateRows.add(new AgencyRow(agencyId, py.agencyName(agencyId), period, dueOn, first,
                                "Gửi muộn " + ChronoUnit.DAYS.between(dueOn, first) + " ngày"));
                    }
                    case MISSING -> {
                        missing++;
                        lateRows.add(new AgencyRow(agencyId, py.agencyName(agencyId), period, p.dueOn(), null,
                                "Chưa gửi báo cáo"));
                    }
                }
            }
        }
        lateRows.sort(Comparator.comparing((AgencyRow r) -> r.submittedOn() != null)
                .thenComparing(AgencyRow::agencyName, VietText.collator()));
        return new ReportPart(agencies.size(), due, onTime, late, missing, notYetDue, lateRows);
    }

    /**
     * The progress of a task in the year from its lead agencies: the latest period reported; in one period, the
     * least advanced status (stopped, delayed, not started, in progress, done).
     */
    static PlanYear.Progress taskProgress(Task task, Map<Long, PlanYear.Progress> byAgency) {
        PlanYear.Progress best = null;
        for (long agencyId : task.leadAgencyIds()) {
            PlanYear.Progress p = byAgency.get(agencyId);
            if (p == null) {
                continue;
            }
            if (best == null || p.period().compareTo(best.period()) > 0
                    || (p.period().equals(best.period()) && severity(p.status()) > severity(best.status()))) {
                best = p;
            }
        }
        if (best == null && !byAgency.isEmpty()) {
            // only a co-operating agency reported it
            best = byAgency.values().stream().max(Comparator.comparing(PlanYear.Progress::period)).orElse(null);
        }
        return best;
    }

    private static int severity(TaskProgressStatus s) {
        return switch (s) {
            case DONE -> 0;
            case IN_PROGRESS -> 1;
            case NOT_STARTED -> 2;
            case DELAYED -> 3;
            case STOPPED -> 4;
        };
    }

    static boolean lastYear(Task task, int year) {
        if (task.endYear() != null) {
            return task.endYear() <= year;
        }
        return task.recurrence() != Recurrence.ANNUAL && task.startYear() != null && task.startYear() <= year;
    }

    /**
     * "≥ 20%", "nhóm 10", "hạng 15 trở lên", "Hoàn thành", "≥ 9,6%/năm"; per level when split, each split with its
     * own unit ("huyện, thị xã, thành phố: ≥ 6 huyện; xã, phường, thị trấn: ≥ 300 xã", "cấp huyện: ≥ 80%").
     */
    static String committed(Target t) {
        if (t.kind() == TargetKind.YES_NO) {
            return "Hoàn thành";
        }
        if (t.value() == null) {
            return "";
        }
        if (!t.splits().isEmpty()) {
            return t.splits().stream().map(s -> Labels.splitLabel(s) + ": " + Labels.comparison(s.comparison())
                    + Labels.withUnit(s.value(), Labels.splitUnit(t, s))).collect(Collectors.joining("; "));
        }
        if (t.kind() == TargetKind.RANK) {
            return Labels.rankTarget(t.comparison(), t.value(), t.text());
        }
        String base = Labels.comparison(t.comparison()) + Labels.withUnit(t.value(), t.unit());
        if (t.kind() == TargetKind.GROWTH_RATE && (t.unit() == null || !t.unit().contains("/năm"))) {
            return base + "/năm";
        }
        return base;
    }

    /**
     * The value judged, with its year, in the target's terms ("41,5% (2024)", "hạng 12 (2024)", "Đã hoàn thành
     * (2024)"), per split for a compound count target ("huyện, thị xã, thành phố: 6 huyện (2024); xã, phường, thị
     * trấn: 180 xã (2024)"), and a value after the deadline beside it ("…; sau hạn: 98% (2026)").
     */
    static String current(Target t, StatusAssessment a) {
        if (a == null) {
            return Labels.target(TargetStatus.NO_DATA);
        }
        if (!a.splits().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < a.splits().size(); i++) {
                var s = a.splits().get(i);
                var split = i < t.splits().size() ? t.splits().get(i) : null;
                String unit = split == null ? t.unit() : Labels.splitUnit(t, split);
                String label = split == null ? s.label() : Labels.splitLabel(split);
                parts.add(label + ": " + dated(TargetKind.COUNT, s.latest(), s.latestYear(), unit, false)
                        + after(TargetKind.COUNT, s.afterDeadline(), s.afterDeadlineYear(), unit));
            }
            return String.join("; ", parts);
        }
        return dated(t.kind(), a.latest(), a.latestYear(), t.unit(), true)
                + after(t.kind(), a.afterDeadline(), a.afterDeadlineYear(), t.unit());
    }

    private static String dated(TargetKind kind, java.math.BigDecimal value, Integer year, String unit, boolean capital) {
        if (value == null) {
            String none = Labels.target(TargetStatus.NO_DATA);
            return capital ? none : none.toLowerCase(VietText.VI);
        }
        return Labels.value(kind, value, unit) + (year == null ? "" : " (" + year + ")");
    }

    private static String after(TargetKind kind, java.math.BigDecimal value, Integer year, String unit) {
        return value == null ? "" : "; sau hạn: " + Labels.value(kind, value, unit).toLowerCase(VietText.VI)
                + (year == null ? "" : " (" + year + ")");
    }

    private static String names(PlanYear py, List<Long> ids) {
        return ids.stream().map(py::agencyName).collect(Collectors.joining("; "));
    }

    static Header header(PlanYear py) {
        Plan plan = py.plan();
        String province = py.provinceName() == null ? "" : AdminUnit.nameWithoutType(py.provinceName(), py.provinceType());
        String type = py.provinceType() == null ? "Tỉnh" : py.provinceType();
        String authority = province.isEmpty() ? "ỦY BAN NHÂN DÂN" : "UBND " + upper(type + " " + province);
        boolean merged = py.year() >= 2025;
        String issuer = merged ? "Sở Khoa học và Công nghệ" : "Sở Thông tin và Truyền thông";
        String abbreviation = merged ? "SKHCN" : "STTTT";
        int issueYear = py.periods().stream().map(p -> p.period().consolidationDueOn())
                .filter(java.util.Objects::nonNull).map(LocalDate::getYear).max(Integer::compare).orElse(py.year());
        String placeDate = (province.isEmpty() ? "" : province + ", ") + "ngày      tháng      năm " + issueYear;
        String subtitle = subtitle(plan, py.year());
        String intro = "Thực hiện " + documentName(plan) + ", " + issuer + " tổng hợp báo cáo của các cơ quan, đơn vị "
                + "và báo cáo kết quả thực hiện năm " + py.year() + " như sau:";
        List<String> recipients = List.of(
                "UBND " + (province.isEmpty() ? "tỉnh" : type.toLowerCase(VietText.VI) + " " + province) + " (để b/c);",
                "Ban Chỉ đạo chuyển đổi số (để b/c);",
                "Các sở, ban, ngành" + (py.year() >= 2025 ? "; UBND các xã, phường;" : "; UBND các huyện, thị xã, thành phố;"),
                "Lưu: VT, CĐS.");
        return new Header(authority, upper(issuer), "Số:        /BC-" + abbreviation, placeDate, "BÁO CÁO", subtitle,
                intro, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", recipients);
    }

    /** A name that ends with its own years: "... đến năm 2025, định hướng đến năm 2030", "giai đoạn 2021 - 2025". */
    private static final java.util.regex.Pattern ENDS_WITH_YEAR = java.util.regex.Pattern.compile(
            "(?:nam|giai doan)\\s+\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\W*$");

    /**
     * "Kết quả thực hiện Kế hoạch ... năm 2024"; when the plan's name already ends with years ("... định hướng đến
     * năm 2030") the report's year goes before it, so that two "năm" never follow each other: "Kết quả thực hiện năm
     * 2024 Chương trình ... đến năm 2025, định hướng đến năm 2030"; a name that ends with the report's own year
     * ("Kế hoạch chuyển đổi số năm 2024") is not given it twice.
     */
    static String subtitle(Plan plan, int year) {
        String name = documentName(plan);
        String folded = VietText.fold(name);
        if (folded.matches("(?s).*nam\\s+" + year + "\\W*")) {
            return "Kết quả thực hiện " + name;
        }
        if (ENDS_WITH_YEAR.matcher(folded).find()) {
            return "Kết quả thực hiện năm " + year + " " + name;
        }
        return "Kết quả thực hiện " + name + " năm " + year;
    }

    /** The plan as a sentence names it: "Nghị quyết số 06-NQ/TU về chuyển đổi số ..." or its own title. */
    static String documentName(Plan plan) {
        String title = plan.title() == null ? "" : plan.title().strip();
        String typeLabel = plan.type() == null ? "Kế hoạch" : Labels.planType(plan.type());
        String folded = VietText.fold(title);
        if (folded.startsWith(VietText.fold(typeLabel))) {
            return title;
        }
        String number = plan.number() == null || plan.number().isBlank() ? "" : " số " + plan.number();
        String rest = title.isEmpty() ? "" : " " + Character.toLowerCase(title.charAt(0)) + title.substring(1);
        return typeLabel + number + rest;
    }

    private static String upper(String s) {
        return s.toUpperCase(VietText.VI);
    }
}
