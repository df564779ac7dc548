package vn.dxgov.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.notifications.Notifications;
import vn.dxgov.notifications.Reminders;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.support.TestData;
import vn.dxgov.support.TestUsers;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * Reminders and workflow notifications end to end: seed 001 imported and published through the API (its schedule:
 * yearly, agencies due 05/12), editors with e-mail addresses, the real reporting module on the embedded database,
 * and a real SMTP server in the test (GreenMail). "Now" for the reporting module is 8 December 2025, 09:00 in Hà Nội,
 * three days after the 2025 deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailIT {

    static final LocalDate DUE = LocalDate.of(2025, 12, 5);
    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("dxgov.mail.from", () -> "dxgov Thanh Hóa <dxgov@sokhcn.thanhhoa.test>");
        registry.add("dxgov.mail.base-url", () -> "https://dxgov.thanhhoa.test/");
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock reportingClock() {
            return Clock.fixed(LocalDate.of(2025, 12, 8).atTime(LocalTime.of(9, 0)).atZone(Texts.ZONE).toInstant(),
                    Texts.ZONE);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reporting reporting;
    @Autowired
    Reminders reminders;
    @Autowired
    Notifications notifications;
    @Autowired
    UserDirectory users;
    @Autowired
    TestUsers testUsers;
    @Autowired
    AgencyDirectory agencies;

    String run;
    long planId;
    String planTitle;
    ReportingPeriod p2025;
    /** Required agencies of the 2025 period: 0 none yet, 1 submitted, 2 draft; 3 and 4 for the workflow tests. */
    List<Agency> agency = new ArrayList<>();
    UserDirectory.UserAccount steeringWithMail;

    record Answer(int status, JsonNode body) {
    }

    Answer call(String user, String method, String path, Object body) {
        var spec = RestClient.create("http://localhost:" + port).method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path).headers(h -> h.setBasicAuth(user, "dxgov-demo"));
        if (body != null) {
            spec = spec.contentType(body instanceof LinkedMultiValueMap ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_JSON)
                    .body(body);
        }
        return spec.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            return new Answer(res.getStatusCode().value(), bytes.length == 0 ? null : json.readTree(bytes));
        });
    }

    String domain(int i) {
        return "a" + i + "-" + run + ".test";
    }

    String editor(int i) {
        return "ed" + i + "-" + run;
    }

    @BeforeAll
    void importSeed001() throws IOException {
        data.resetPlans();
        data.ensureUnits();
        run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        byte[] seed = new ClassPathResource("seed/plans/001_16196319a76d78f9.txt").getContentAsByteArray();
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(seed) {
            @Override
            public String getFilename() {
                return "001.txt";
            }
        });
        Answer imported = call("steering", "POST", "/api/v1/imports", form);
        assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(201);
        planId = imported.body().get("planId").asLong();
        Answer published = call("steering", "POST", "/api/v1/plans/" + planId + "/publish", null);
        assertThat(published.status()).isEqualTo(200);
        planTitle = published.body().get("title").asText();

        // the reporting module set up the schedule from the document: yearly, agencies due 05/12
        p2025 = reporting.periods(planId).stream().filter(p -> p.period().equals("2025")).findFirst().orElseThrow();
        assertThat(p2025.agencyDueOn()).isEqualTo(DUE);
        List<Long> required = reporting.requiredAgencies(p2025.id());
        assertThat(required).hasSizeGreaterThanOrEqualTo(5);
        Map<Long, Agency> byId = agencies.findAll(required);
        for (int i = 0; i < 5; i++) {
            Agency a = byId.get(required.get(i));
            agency.add(a);
            users.ensure(editor(i), "dxgov-demo", "Cán bộ " + i, Role.EDITOR, a.id(), editor(i) + "@" + domain(i));
        }
        // agency 0 has two more users: one with an address, one without
        users.ensure("ed0b-" + run, "dxgov-demo", "Cán bộ 0b", Role.EDITOR, agency.get(0).id(), "ed0b-" + run + "@" + domain(0));
        users.ensure("ed0c-" + run, "dxgov-demo", "Cán bộ 0c", Role.EDITOR, agency.get(0).id(), null);
        steeringWithMail = users.ensure("st-" + run, "dxgov-demo", "Chuyên viên Sở KH&CN", Role.STEERING, null,
                "st-" + run + "@sokhcn-" + run + ".test");

        // agency 1 has submitted, agency 2 has a draft
        as(editor(1), () -> fillAndSubmit(agency.get(1).id()));
        as(editor(2), () -> reporting.open(p2025.id(), agency.get(2).id()));
    }

    @BeforeEach
    void forgetReminders() {
        jdbc.sql("delete from reminder_log").update();
        jdbc.sql("delete from notification where kind like 'REMINDER%'").update();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    <T> T as(String username, Supplier<T> work) {
        return testUsers.as(username, work);
    }

    Submission fillAndSubmit(long agencyId) {
        Submission s = reporting.open(p2025.id(), agencyId);
        fill(s);
        return reporting.submit(s.id());
    }

    void fill(Submission s) {
        ReportForm form = reporting.form(s.id());
        List<ReportInput.TargetValue> values = form.targets().stream().filter(l -> l.required() && !l.locked())
                .map(l -> l.ratio() ? new ReportInput.TargetValue(l.targetId(), null, BigDecimal.ONE, BigDecimal.valueOf(2), null, l.split(), null)
                        : new ReportInput.TargetValue(l.targetId(), l.yesNo() ? BigDecimal.ONE : BigDecimal.valueOf(50), null, null, null, l.split(), null))
                .toList();
        List<ReportInput.TaskProgress> progress = form.tasks().stream().filter(ReportForm.TaskLine::required)
                .map(l -> new ReportInput.TaskProgress(l.taskId(), TaskProgressStatus.IN_PROGRESS, 50, null)).toList();
        reporting.save(s.id(), new ReportInput("Báo cáo thử nghiệm", values, progress));
    }

    /** Messages in one person's mailbox. */
    List<MimeMessage> inbox(String address) {
        return greenMail.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(address), m -> true).toList();
    }

    List<MimeMessage> toDomain(int i) {
        return Arrays.asList(greenMail.getReceivedMessagesForDomain(domain(i)));
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> to(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Address::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Reminders.Reminder reminderOf(Reminders.Run r, int i) {
        return r.reminders().stream().filter(x -> x.agencyId() == agency.get(i).id()).findFirst().orElse(null);
    }

    long logRows(int i) {
        return jdbc.sql("select count(*) from reminder_log where agency_id = ?").param(agency.get(i).id())
                .query(Long.class).single();
    }

    // ===== reminders =====

    @Test
    void remindersSevenThreeAndOneDaysBeforeReachTheEditorsOfAgenciesThatHaveNotSubmitted() throws Exception {
        for (int d : new int[] {7, 3, 1}) {
            greenMail.purgeEmailFromAllMailboxes();
            Reminders.Run r = reminders.runReminders(DUE.minusDays(d));
            assertThat(r.mailEnabled()).isTrue();
            assertThat(r.failed()).isZero();
            assertThat(reminderOf(r, 0).outcome()).isEqualTo(Reminders.Outcome.SENT);
            assertThat(reminderOf(r, 0).recipients()).containsExactlyInAnyOrder(editor(0) + "@" + domain(0),
                    "ed0b-" + run + "@" + domain(0));
            assertThat(reminderOf(r, 2).kind()).isEqualTo("BEFORE");
            assertThat(reminderOf(r, 1)).as("agency 1 has submitted").isNull();
            assertThat(r.reminders()).allSatisfy(x -> assertThat(x.offsetDays()).isEqualTo(d));

            assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
            String expected = "[dxgov] Còn " + d + " ngày đến hạn gửi báo cáo kỳ 2025 (hạn 05/12/2025)";
            assertThat(inbox(editor(0) + "@" + domain(0))).singleElement().satisfies(m -> assertThat(subject(m)).isEqualTo(expected));
            assertThat(inbox("ed0b-" + run + "@" + domain(0))).singleElement();
            assertThat(inbox(editor(2) + "@" + domain(2))).singleElement().satisfies(m -> {
                assertThat(subject(m)).isEqualTo(expected);
                assertThat(text(m)).contains("còn " + d + " ngày").contains("đang soạn (nháp), chưa gửi")
                        .contains("https://dxgov.thanhhoa.test/reporting/submissions/");
            });
            assertThat(toDomain(1)).as("agency 1 has submitted").isEmpty();
        }
        // in-app too: the agency's users see the reminders; the agency that submitted sees none
        assertThat(as(editor(0), () -> notifications.mine(false, 50))).extracting(Notifications.Notification::title)
                .contains("Còn 7 ngày đến hạn gửi báo cáo kỳ 2025 (hạn 05/12/2025)",
                        "Còn 1 ngày đến hạn gửi báo cáo kỳ 2025 (hạn 05/12/2025)");
        // one reminder per run: 7, 3 and 1 day before
        assertThat(as("ed0c-" + run, notifications::unreadCount)).isEqualTo(3);
        assertThat(as(editor(1), () -> notifications.mine(false, 50)))
                .noneMatch(n -> n.kind().startsWith("REMINDER"));
        assertThat(logRows(0)).isEqualTo(3);
        assertThat(logRows(1)).isZero();
    }

    @Test
    void noReminderOnOtherDays() {
        for (LocalDate day : List.of(DUE.minusDays(6), DUE.minusDays(2), DUE, DUE.plusDays(2))) {
            assertThat(reminders.runReminders(day).reminders()).as(day.toString()).isEmpty();
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void overdueRemindersAfterTheDeadline() throws Exception {
        for (int d : new int[] {1, 3, 7}) {
            greenMail.purgeEmailFromAllMailboxes();
            Reminders.Run r = reminders.runReminders(DUE.plusDays(d));
            assertThat(reminderOf(r, 0).kind()).isEqualTo("AFTER");
            assertThat(reminderOf(r, 1)).isNull();
            assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
            assertThat(inbox(editor(0) + "@" + domain(0))).singleElement().satisfies(m -> {
                assertThat(subject(m)).isEqualTo("[dxgov] Báo cáo kỳ 2025 đã quá hạn " + d + " ngày (hạn 05/12/2025)");
                assertThat(text(m)).contains("báo cáo đã quá hạn " + d + " ngày").contains("chưa lập báo cáo");
                // no report yet: the link opens the period, where the agency starts its report
                assertThat(text(m).lines()).contains("Mở trên dxgov: https://dxgov.thanhhoa.test/reporting/periods/" + p2025.id());
            });
            assertThat(toDomain(1)).isEmpty();
        }
    }

    @Test
    void runningTwiceSendsOnce() throws Exception {
        Reminders.Run first = reminders.runReminders(DUE.minusDays(7));
        assertThat(first.sent()).isPositive();
        assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
        int mails = greenMail.getReceivedMessages().length;

        Reminders.Run second = reminders.runReminders(DUE.minusDays(7));
        assertThat(second.sent()).isZero();
        assertThat(second.alreadySent()).isEqualTo(first.sent());
        assertThat(second.reminders()).allSatisfy(x -> assertThat(x.outcome()).isEqualTo(Reminders.Outcome.ALREADY_SENT));
        // two nodes at once: each reminder is claimed by one of them
        greenMail.purgeEmailFromAllMailboxes();
        var a = CompletableFuture.supplyAsync(() -> reminders.runReminders(DUE.minusDays(3)));
        var b = CompletableFuture.supplyAsync(() -> reminders.runReminders(DUE.minusDays(3)));
        assertThat(a.get().sent() + b.get().sent()).isEqualTo(first.sent());
        greenMail.waitForIncomingEmail(5000, mails);
        Thread.sleep(300);
        assertThat(greenMail.getReceivedMessages()).hasSize(mails);
        assertThat(inbox(editor(0) + "@" + domain(0))).hasSize(1);
        assertThat(as(editor(0), () -> notifications.mine(false, 50)))
                .filteredOn(n -> n.kind().startsWith("REMINDER")).hasSize(2);
    }

    @Test
    void vietnameseSubjectAndBodyDecodeAsUtf8() throws Exception {
        reminders.runReminders(DUE.minusDays(3));
        assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
        MimeMessage m = inbox(editor(0) + "@" + domain(0)).get(0);
        assertThat(m.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(m.getHeader("Subject")[0]).as("encoded on the wire").startsWith("=?UTF-8?");
        assertThat(m.getSubject()).isEqualTo("[dxgov] Còn 3 ngày đến hạn gửi báo cáo kỳ 2025 (hạn 05/12/2025)");
        assertThat(m.getFrom()[0].toString()).contains("dxgov@sokhcn.thanhhoa.test");
        assertThat(to(m)).containsExactlyInAnyOrder(editor(0) + "@" + domain(0), "ed0b-" + run + "@" + domain(0));
        String body = text(m);
        assertThat(body).startsWith("Kính gửi " + agency.get(0).name() + ",")
                .contains("Đơn vị chưa gửi báo cáo kỳ 2025 của " + planTitle + ". Hạn gửi: 05/12/2025, còn 3 ngày.")
                .contains("Tình trạng báo cáo: chưa lập báo cáo.")
                .contains("Đề nghị đơn vị hoàn thành và gửi báo cáo trên dxgov.")
                .contains("Mở trên dxgov: https://dxgov.thanhhoa.test/reporting")
                .contains("Thư này do hệ thống dxgov gửi tự động");
    }

    @Test
    void aFailingMailServerLeavesNoLogRowAndALaterRunSends() throws Exception {
        greenMail.stop();
        Reminders.Run failed;
        try {
            failed = reminders.runReminders(DUE.minusDays(1));
        } finally {
            greenMail.start();
        }
        assertThat(reminderOf(failed, 0).outcome()).isEqualTo(Reminders.Outcome.FAILED);
        assertThat(reminderOf(failed, 2).outcome()).isEqualTo(Reminders.Outcome.FAILED);
        // the four agencies that have not submitted (0, 2, 3, 4): each one's reminder failed
        assertThat(failed.failed()).isEqualTo(4);
        assertThat(logRows(0)).isZero();
        assertThat(logRows(2)).isZero();
        assertThat(as(editor(0), () -> notifications.mine(false, 50)))
                .noneMatch(n -> n.kind().startsWith("REMINDER"));

        Reminders.Run later = reminders.runReminders(DUE.minusDays(1));
        assertThat(later.failed()).isZero();
        assertThat(later.sent()).isEqualTo(failed.failed());
        assertThat(reminderOf(later, 0).outcome()).isEqualTo(Reminders.Outcome.SENT);
        assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
        assertThat(inbox(editor(0) + "@" + domain(0))).singleElement()
                .satisfies(m -> assertThat(subject(m)).contains("Còn 1 ngày"));
        assertThat(logRows(0)).isEqualTo(1);
        assertThat(as(editor(0), () -> notifications.mine(false, 50)))
                .filteredOn(n -> n.kind().startsWith("REMINDER")).hasSize(1);
    }

    @Test
    void theApiRunsRemindersForSteeringAndAdministratorsOnly() throws Exception {
        Answer ran = call("steering", "POST", "/api/v1/reminders/run?date=2025-11-28", null);
        assertThat(ran.status()).isEqualTo(200);
        assertThat(ran.body().get("date").asText()).isEqualTo("2025-11-28");
        assertThat(ran.body().get("mailEnabled").asBoolean()).isTrue();
        assertThat(ran.body().get("sent").asInt()).isPositive();
        assertThat(ran.body().get("reminders").get(0).get("kind").asText()).isEqualTo("BEFORE");
        assertThat(ran.body().get("reminders").get(0).get("offsetDays").asInt()).isEqualTo(7);
        assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
        Answer again = call("admin", "POST", "/api/v1/reminders/run?date=2025-11-28", null);
        assertThat(again.body().get("sent").asInt()).isZero();
        assertThat(call(editor(0), "POST", "/api/v1/reminders/run?date=2025-11-28", null).status()).isEqualTo(403);
        assertThat(call("viewer", "POST", "/api/v1/reminders/run", null).status()).isEqualTo(403);
        assertThat(call("steering", "POST", "/api/v1/reminders/run?date=28/11/2025", null).status()).isEqualTo(400);
    }

    // ===== workflow =====

    @Test
    void workflowStepsNotifyInAppAndByMail() throws Exception {
        int a = 3;
        String editorAddress = editor(a) + "@" + domain(a);
        String steeringAddress = steeringWithMail.email();
        int steeringBefore = as("steering", notifications::unreadCount);

        // submitted three days late: the steering department hears of it
        Submission submitted = as(editor(a), () -> fillAndSubmit(agency.get(a).id()));
        assertThat(submitted.late()).isTrue();
        String title = agency.get(a).name() + " đã gửi báo cáo kỳ 2025 (trễ hạn 3 ngày)";
        assertThat(as("steering", () -> notifications.mine(true, 50))).extracting(Notifications.Notification::title)
                .contains(title);
        assertThat(as("steering", notifications::unreadCount)).isEqualTo(steeringBefore + 1);
        Notifications.Notification n = as(steeringWithMail.username(), () -> notifications.mine(true, 50)).stream()
                .filter(x -> x.title().equals(title)).findFirst().orElseThrow();
        assertThat(n.link()).isEqualTo("/reporting/submissions/" + submitted.id());
        assertThat(n.kind()).isEqualTo("SUBMISSION_SUBMIT");
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(inbox(steeringAddress)).singleElement().satisfies(m -> {
            assertThat(subject(m)).isEqualTo("[dxgov] " + title);
            assertThat(text(m)).contains("Kế hoạch: " + planTitle)
                    .contains("https://dxgov.thanhhoa.test/reporting/submissions/" + submitted.id());
        });
        assertThat(inbox(editorAddress)).isEmpty();

        // returned with a reason: the agency hears of it, with the reason
        as(steeringWithMail.username(), () -> reporting.returnToAgency(submitted.id(), "Thiếu minh chứng cho chỉ tiêu 3"));
        assertThat(as(editor(a), () -> notifications.mine(true, 50))).anySatisfy(x -> {
            assertThat(x.title()).isEqualTo("Báo cáo kỳ 2025 bị trả lại");
            assertThat(x.body()).contains("Lý do: Thiếu minh chứng cho chỉ tiêu 3");
            assertThat(x.link()).isEqualTo("/reporting/submissions/" + submitted.id());
        });
        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(inbox(editorAddress)).singleElement().satisfies(m -> {
            assertThat(subject(m)).isEqualTo("[dxgov] Báo cáo kỳ 2025 bị trả lại");
            assertThat(text(m)).startsWith("Kính gửi " + agency.get(a).name() + ",")
                    .contains("Lý do: Thiếu minh chứng cho chỉ tiêu 3");
        });
        // another agency hears nothing
        assertThat(as(editor(4), () -> notifications.mine(false, 50)))
                .noneMatch(x -> x.kind().startsWith("SUBMISSION"));

        // resubmitted, then approved
        as(editor(a), () -> reporting.submit(submitted.id()));
        assertThat(as("steering", () -> notifications.mine(true, 50))).extracting(Notifications.Notification::title)
                .contains(agency.get(a).name() + " đã gửi lại báo cáo kỳ 2025 (trễ hạn 3 ngày)");
        as(steeringWithMail.username(), () -> reporting.approve(submitted.id()));
        assertThat(as(editor(a), () -> notifications.mine(true, 50))).extracting(Notifications.Notification::title)
                .contains("Báo cáo kỳ 2025 đã được duyệt");
        assertThat(greenMail.waitForIncomingEmail(5000, 4)).isTrue();
        assertThat(inbox(editorAddress)).extracting(MailIT::subject)
                .containsExactly("[dxgov] Báo cáo kỳ 2025 bị trả lại", "[dxgov] Báo cáo kỳ 2025 đã được duyệt");
        assertThat(inbox(steeringAddress)).hasSize(2);

        // reopened with a reason
        as(steeringWithMail.username(), () -> reporting.reopen(submitted.id(), "Điều chỉnh số liệu theo Cục Thống kê"));
        assertThat(as(editor(a), () -> notifications.mine(true, 50))).anySatisfy(x -> {
            assertThat(x.title()).isEqualTo("Báo cáo kỳ 2025 đã được mở lại để chỉnh sửa");
            assertThat(x.body()).contains("Lý do: Điều chỉnh số liệu theo Cục Thống kê");
        });
        assertThat(greenMail.waitForIncomingEmail(5000, 5)).isTrue();

        // the bell of the agency's editor counts them; reading all clears it
        // returned, approved, reopened (the submissions go to the steering department)
        assertThat(as(editor(a), notifications::unreadCount)).isEqualTo(3);
        as(editor(a), notifications::markAllRead);
        assertThat(as(editor(a), notifications::unreadCount)).isZero();
    }

    void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
