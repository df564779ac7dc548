package vn.dxgov.reports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.plans.PlanType;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.Pillar;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyKind;

/**
 * A plan-year built by hand, with every figure known (see the comments), for the scorecard and document tests.
 * Year 2024, two half-year periods (due 30/06 and 05/12), judged on 01/03/2025 (the year is over).
 */
final class HandBuiltYear {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long A = 1; // Sở Thông tin và Truyền thông
    static final long B = 2; // Sở Kế hoạch và Đầu tư
    static final long C = 3; // Sở Y tế
    static final long D = 4; // "Các sở, ban, ngành": a collective, never scored
    static final long E = 5; // Sở Tư pháp: reports on time, leads nothing

    private HandBuiltYear() {
    }

    static Instant vn(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(VN).toInstant();
    }

    static Submission sub(long id, long periodId, String period, long agency, Instant first, LocalDate due, boolean demo) {
        return new Submission(id, periodId, 1, period, agency, 38L, first == null ? SubmissionStatus.DRAFT
                : SubmissionStatus.APPROVED, null, first, first, "u", null, null, null, false, demo, 1, due);
    }

    static Target target(long id, String code, String text, TargetKind kind, String value, String unit, long lead) {
        return new Target(id, 1, (int) id, code, text, text, kind, Comparison.AT_LEAST, new BigDecimal(value), unit,
                2025, null, null, Pillar.DIGITAL_GOVERNMENT, List.of(), List.of(lead), List.of(), null, id);
    }

    static StatusAssessment status(long targetId, TargetStatus s, String latest, Integer year) {
        return new StatusAssessment(targetId, 38, s, null, null, latest == null ? null : new BigDecimal(latest), year,
                null, null, null, null, false, "Nhận định " + targetId);
    }

    static Task task(long id, String code, String title, Integer start, Integer end, Recurrence rec, long lead) {
        return new Task(id, 1, (int) id, code, "IV", "Nhiệm vụ", null, title,
                rec == Recurrence.ANNUAL ? "Hàng năm" : start + "-" + end, start, end, rec, null, null,
                Pillar.FOUNDATION, List.of(lead), List.of(), null);
    }

    static PlanYear build(boolean demo) {
        Plan plan = new Plan(1, PlanStatus.PUBLISHED, PlanType.PROGRAMME, "01-CTr/UBND",
                "Chương trình hành động thực hiện Nghị quyết số 06-NQ/TU về chuyển đổi số tỉnh Thanh Hóa",
                "UBND tỉnh Thanh Hóa", LocalDate.of(2022, 1, 5), null, "38", "Thanh Hóa", 2021, 2025, 2030, null, null,
                null, null, 0, "seed", null, null, null);
        LocalDate dueS1 = LocalDate.of(2024, 6, 30);
        LocalDate dueS2 = LocalDate.of(2024, 12, 5);
        ReportingPeriod s1 = new ReportingPeriod(11, 1, 1, "2024S1", dueS1, LocalDate.of(2024, 7, 15),
                ReportingPeriod.Status.CLOSED);
        ReportingPeriod s2 = new ReportingPeriod(12, 1, 1, "2024S2", dueS2, LocalDate.of(2024, 12, 15),
                ReportingPeriod.Status.CLOSED);
        List<Long> required = List.of(A, B, C, E);
        Map<Long, Submission> subsS1 = new LinkedHashMap<>();
        subsS1.put(A, sub(101, 11, "2024S1", A, vn(2024, 6, 29, 9, 0), dueS1, demo));   // on time
        subsS1.put(B, sub(102, 11, "2024S1", B, vn(2024, 6, 30, 23, 30), dueS1, false)); // on time (16:30 UTC)
        subsS1.put(C, sub(103, 11, "2024S1", C, vn(2024, 7, 10, 8, 0), dueS1, false));   // late by 10 days
        subsS1.put(E, sub(105, 11, "2024S1", E, vn(2024, 6, 1, 8, 0), dueS1, false));    // on time
        Map<Long, Submission> subsS2 = new LinkedHashMap<>();
        subsS2.put(A, sub(201, 12, "2024S2", A, vn(2024, 12, 6, 8, 0), dueS2, false));   // late by 1 day
        subsS2.put(B, sub(202, 12, "2024S2", B, vn(2024, 12, 1, 8, 0), dueS2, false));   // on time
        subsS2.put(C, sub(203, 12, "2024S2", C, null, dueS2, false));                    // opened, never submitted
        subsS2.put(E, sub(205, 12, "2024S2", E, vn(2024, 12, 5, 17, 0), dueS2, false));  // on time
        List<PlanYear.PeriodFacts> periods = List.of(
                new PlanYear.PeriodFacts(s1, Period.parse("2024S1"), dueS1, true, required, subsS1),
                new PlanYear.PeriodFacts(s2, Period.parse("2024S2"), dueS2, true, required, subsS2));

        List<Target> targets = List.of(
                target(1, "1", "100% dịch vụ công đủ điều kiện được cung cấp trực tuyến toàn trình", TargetKind.PERCENT, "100", "%", A),
                target(2, "2", "80% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng", TargetKind.PERCENT, "80", "%", A),
                target(3, "3", "Kinh tế số chiếm 20% GRDP", TargetKind.PERCENT, "20", "%", B),
                target(4, "4", "700 doanh nghiệp công nghệ số", TargetKind.COUNT, "700", "doanh nghiệp", B),
                target(5, "5", "90% cơ sở y tế triển khai hồ sơ sức khỏe điện tử", TargetKind.PERCENT, "90", "%", C),
                target(6, "6", "100% cơ quan kết nối mạng truyền số liệu chuyên dùng", TargetKind.PERCENT, "100", "%", D));
        Map<Long, StatusAssessment> assessments = new LinkedHashMap<>();
        assessments.put(1L, status(1, TargetStatus.ACHIEVED, "100", 2024));
        assessments.put(2L, status(2, TargetStatus.OFF_TRACK, "41.5", 2024));
        assessments.put(3L, status(3, TargetStatus.ON_TRACK, "18.4", 2024));
        assessments.put(4L, status(4, TargetStatus.NO_DATA, null, null));
        assessments.put(5L, status(5, TargetStatus.AT_RISK, "72", 2024));
        assessments.put(6L, status(6, TargetStatus.ACHIEVED, "100", 2024));

        List<Task> tasks = List.of(
                task(1, "IV.1", "Xây dựng Trung tâm giám sát, điều hành thông minh", 2023, 2024, null, A),
                task(2, "IV.2", "Nâng cấp Cổng dịch vụ công của tỉnh", 2024, 2025, null, A),
                task(3, "IV.3", "Tuyên truyền về chuyển đổi số", null, null, Recurrence.ANNUAL, B),
                task(4, "IV.4", "Triển khai bệnh án điện tử", 2022, 2024, null, C),
                task(5, "IV.5", "Số hóa hồ sơ khám chữa bệnh", 2024, 2024, null, C));
        Map<Long, Map<Long, PlanYear.Progress>> progress = new HashMap<>();
        Period p1 = Period.parse("2024S1");
        Period p2 = Period.parse("2024S2");
        progress.put(1L, Map.of(A, new PlanYear.Progress(p2, TaskProgressStatus.DONE, 100, "Đã vận hành")));
        progress.put(2L, Map.of(A, new PlanYear.Progress(p2, TaskProgressStatus.DELAYED, 30, "Chậm do vốn")));
        progress.put(3L, Map.of(B, new PlanYear.Progress(p2, TaskProgressStatus.IN_PROGRESS, 60, null)));
        progress.put(4L, Map.of(C, new PlanYear.Progress(p1, TaskProgressStatus.IN_PROGRESS, 70, "Đang triển khai")));

        Map<Long, Agency> agencies = new LinkedHashMap<>();
        agencies.put(A, new Agency(A, "Sở Thông tin và Truyền thông", AgencyKind.DEPARTMENT, "38", false, List.of()));
        agencies.put(B, new Agency(B, "Sở Kế hoạch và Đầu tư", AgencyKind.DEPARTMENT, "38", false, List.of()));
        agencies.put(C, new Agency(C, "Sở Y tế", AgencyKind.DEPARTMENT, "38", false, List.of()));
        agencies.put(D, new Agency(D, "Các sở, ban, ngành", AgencyKind.COLLECTIVE, "38", false, List.of()));
        agencies.put(E, new Agency(E, "Sở Tư pháp", AgencyKind.DEPARTMENT, "38", false, List.of()));
        return new PlanYear(plan, 2024, LocalDate.of(2025, 3, 1), LocalDate.of(2024, 12, 31), "Thanh Hóa", "Tỉnh",
                periods, targets, assessments, tasks, progress, agencies);
    }
}
