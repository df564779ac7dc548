package vn.dxgov.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionChanged;
import vn.dxgov.reporting.SubmissionStatus;
import vn.dxgov.shared.VietText;

/** The Vietnamese (and English) texts of reminders and workflow notifications. */
class NotificationTextsTest {

    static Texts texts(Locale locale) {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:messages", "classpath:i18n/notifications");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(VietText.VI);
        return new Texts(source, locale);
    }

    final Texts vi = texts(VietText.VI);
    final ReminderService reminders = new ReminderService(null, null, null, null, null, null, vi, null, null);
    final WorkflowNotifier workflow = new WorkflowNotifier(null, null, null, null, null, null, vi, null);

    static final ReportingPeriod P2025 = new ReportingPeriod(100, 10, 1, "2025", LocalDate.of(2025, 12, 5),
            LocalDate.of(2025, 12, 15), ReportingPeriod.Status.OPEN);

    static Submission submission(SubmissionStatus status, boolean late, Instant firstSubmittedAt, String returnReason) {
        return new Submission(7, 100, 1, "2025", 101, null, status, null, firstSubmittedAt, firstSubmittedAt, "sokhdt",
                null, null, returnReason, late, false, 1, LocalDate.of(2025, 12, 5));
    }

    @Test
    void reminderBeforeTheDeadline() {
        var m = reminders.message(new ReminderPlanner.Due(P2025, "Chương trình số 06", 101, null,
                ReminderPlanner.Kind.BEFORE, 7), "Sở Kế hoạch và Đầu tư");
        assertThat(m.title()).isEqualTo("Còn 7 ngày đến hạn gửi báo cáo kỳ 2025 (hạn 05/12/2025)");
        assertThat(m.body()).contains("Đơn vị chưa gửi báo cáo kỳ 2025 của Chương trình số 06. Hạn gửi: 05/12/2025, còn 7 ngày.")
                .contains("Tình trạng báo cáo: chưa lập báo cáo.");
        assertThat(m.link()).isEqualTo("/reporting/periods/100");
    }

    @Test
    void reminderAfterTheDeadlineLinksTheDraft() {
        var m = reminders.message(new ReminderPlanner.Due(P2025, "Chương trình số 06", 101,
                submission(SubmissionStatus.RETURNED, false, null, "Thiếu số liệu"), ReminderPlanner.Kind.AFTER, 3),
                "Sở Kế hoạch và Đầu tư");
        assertThat(m.title()).isEqualTo("Báo cáo kỳ 2025 đã quá hạn 3 ngày (hạn 05/12/2025)");
        assertThat(m.body()).contains("đã quá hạn 3 ngày").contains("bị trả lại, chưa gửi lại");
        assertThat(m.link()).isEqualTo("/reporting/submissions/7");
    }

    @Test
    void reminderOnTheDay() {
        var m = reminders.message(new ReminderPlanner.Due(P2025, "CT 06", 101,
                submission(SubmissionStatus.DRAFT, false, null, null), ReminderPlanner.Kind.BEFORE, 0), "Sở A");
        assertThat(m.title()).isEqualTo("Hôm nay là hạn gửi báo cáo kỳ 2025 (hạn 05/12/2025)");
        assertThat(m.body()).contains("đang soạn (nháp), chưa gửi");
    }

    @Test
    void lateSubmissionToTheSteeringDepartment() {
        // first submitted on 8 December 2025 at 09:00 in Hà Nội: three days late
        Instant at = LocalDate.of(2025, 12, 8).atTime(9, 0).atZone(Texts.ZONE).toInstant();
        var m = workflow.message(new SubmissionChanged(submission(SubmissionStatus.SUBMITTED, true, at, null),
                SubmissionAction.SUBMIT, "sokhdt", null), "Sở Kế hoạch và Đầu tư", "Chương trình số 06");
        assertThat(m.title()).isEqualTo("Sở Kế hoạch và Đầu tư đã gửi báo cáo kỳ 2025 (trễ hạn 3 ngày)");
        assertThat(m.toSteering()).isTrue();
        assertThat(m.kind()).isEqualTo("SUBMISSION_SUBMIT");
        assertThat(m.link()).isEqualTo("/reporting/submissions/7");
        assertThat(m.lines()).contains("Kế hoạch: Chương trình số 06", "Kỳ báo cáo: 2025, hạn gửi 05/12/2025");
    }

    @Test
    void onTimeResubmissionHasNoLateNote() {
        var m = workflow.message(new SubmissionChanged(submission(SubmissionStatus.SUBMITTED, false, Instant.now(), null),
                SubmissionAction.RESUBMIT, "sokhdt", null), "Sở A", "CT");
        assertThat(m.title()).isEqualTo("Sở A đã gửi lại báo cáo kỳ 2025");
    }

    @Test
    void returnCarriesTheReasonToTheAgency() {
        var m = workflow.message(new SubmissionChanged(submission(SubmissionStatus.RETURNED, false, Instant.now(),
                "Thiếu minh chứng"), SubmissionAction.RETURN, "steering", "Thiếu minh chứng"), "Sở A", "CT");
        assertThat(m.toSteering()).isFalse();
        assertThat(m.title()).isEqualTo("Báo cáo kỳ 2025 bị trả lại");
        assertThat(m.lines()).contains("Lý do: Thiếu minh chứng", "Người thực hiện: steering");
    }

    @Test
    void approveAndReopen() {
        Submission s = submission(SubmissionStatus.APPROVED, false, Instant.now(), null);
        assertThat(workflow.message(new SubmissionChanged(s, SubmissionAction.APPROVE, "steering", null), "Sở A", "CT")
                .title())
                .isEqualTo("Báo cáo kỳ 2025 đã được duyệt");
        var reopened = workflow.message(new SubmissionChanged(s, SubmissionAction.REOPEN, "steering", "Sửa số liệu quý 4"),
                "Sở A", "CT");
        assertThat(reopened.title()).isEqualTo("Báo cáo kỳ 2025 đã được mở lại để chỉnh sửa");
        assertThat(reopened.lines()).contains("Lý do: Sửa số liệu quý 4");
        assertThat(workflow.message(new SubmissionChanged(s, SubmissionAction.SAVE, "x", null), "Sở A", "CT")).isNull();
    }

    @Test
    void mailBodyAndEnglishBundle() {
        String body = vi.mailBody("Sở A", List.of("Dòng 1"), "https://dxgov.example/reporting");
        assertThat(body).startsWith("Kính gửi Sở A,\n\nDòng 1\n\nMở trên dxgov: https://dxgov.example/reporting\n")
                .contains("gửi tự động");
        assertThat(texts(Locale.ENGLISH).get("reminder.before.title", "2025", 7, "05/12/2025"))
                .isEqualTo("7 days left to submit the report for 2025 (due 05/12/2025)");
        // numbers are never grouped ("2.025")
        assertThat(vi.get("notify.approved.title", 2025)).isEqualTo("Báo cáo kỳ 2025 đã được duyệt");
    }

    @Test
    void linksStayInsideDxgov() {
        assertThat(JdbcNotifications.safeLink("/reporting/submissions/1")).isEqualTo("/reporting/submissions/1");
        assertThat(JdbcNotifications.safeLink("https://evil.example")).isNull();
        assertThat(JdbcNotifications.safeLink("//evil.example")).isNull();
        assertThat(new MailSettings(null, null, "https://dxgov.thanhhoa.gov.vn/").absolute("/reporting"))
                .isEqualTo("https://dxgov.thanhhoa.gov.vn/reporting");
        assertThat(Mailer.addresses(List.of("a@x.vn", "A@x.vn", "not an address", " ", "b@x.vn")))
                .containsExactly("a@x.vn", "b@x.vn");
    }
}
