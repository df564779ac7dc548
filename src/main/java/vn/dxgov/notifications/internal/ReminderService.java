package vn.dxgov.notifications.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.notifications.Reminders;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * Sends the reminders {@link ReminderPlanner} finds. Each reminder is one transaction: claim its row in
 * {@code reminder_log} (unique per period, agency, kind and offset; a concurrent run on another node waits for the
 * claim and then finds it taken), notify the agency in-app, e-mail its users; an e-mail failure rolls all of it back,
 * so the next run sends it again.
 */
@Service
class ReminderService implements Reminders {

    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

    static final String KIND_BEFORE = "REMINDER_BEFORE";
    static final String KIND_AFTER = "REMINDER_AFTER";

    private final ReminderPlanner planner;
    private final JdbcNotifications notifications;
    private final UserDirectory users;
    private final AgencyDirectory agencies;
    private final Mailer mailer;
    private final MailSettings settings;
    private final Texts texts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ReminderService(ReminderPlanner planner, JdbcNotifications notifications, UserDirectory users,
                    AgencyDirectory agencies, Mailer mailer, MailSettings settings, Texts texts, JdbcClient jdbc,
                    PlatformTransactionManager transactions) {
        this.planner = planner;
        this.notifications = notifications;
        this.users = users;
        this.agencies = agencies;
        this.mailer = mailer;
        this.settings = settings;
        this.texts = texts;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Run runReminders(LocalDate today) {
        boolean mail = mailer.enabled();
        List<ReminderPlanner.Due> due = SystemReader.call(() -> planner.plan(today));
        Map<Long, Agency> names = SystemReader.call(() ->
                agencies.findAll(due.stream().map(ReminderPlanner.Due::agencyId).distinct().toList()));
        List<Reminder> done = new ArrayList<>();
        int sent = 0, already = 0, failed = 0;
        for (ReminderPlanner.Due d : due) {
            String agencyName = Optional.ofNullable(names.get(d.agencyId())).map(Agency::name).orElse("#" + d.agencyId());
            List<String> to = mail ? Mailer.addresses(users.ofAgency(d.agencyId()).stream()
                    .map(UserDirectory.UserAccount::email).toList()) : List.of();
            Outcome outcome = send(d, agencyName, to, mail);
            switch (outcome) {
                case SENT -> sent++;
                case ALREADY_SENT -> already++;
                case FAILED -> failed++;
            }
            done.add(new Reminder(d.period().id(), d.period().planId(), d.period().period(), d.agencyId(), agencyName,
                    d.kind().name(), d.offsetDays(), d.period().agencyDueOn(), outcome == Outcome.SENT ? to : List.of(),
                    outcome));
        }
        log.info("Reminders for {}: {} sent, {} already sent, {} failed{}", today, sent, already, failed,
                mail ? "" : " (e-mail is off: in-app only)");
        return new Run(today, mail, sent, already, failed, List.copyOf(done));
    }

    private Outcome send(ReminderPlanner.Due d, String agencyName, List<String> to, boolean mail) {
        try {
            return tx.execute(status -> {
                Optional<Long> claimed = jdbc.sql("""
                        insert into reminder_log (reporting_period_id, agency_id, kind, offset_days, recipients)
                        values (?, ?, ?, ?, ?) on conflict do nothing returning id""")
                        .params(d.period().id(), d.agencyId(), d.kind().name(), d.offsetDays(),
                                to.isEmpty() ? null : String.join(", ", to))
                        .query(Long.class).optional();
                if (claimed.isEmpty()) {
                    return Outcome.ALREADY_SENT;
                }
                Message m = message(d, agencyName);
                notifications.toAgency(d.agencyId(), d.kind() == ReminderPlanner.Kind.BEFORE ? KIND_BEFORE : KIND_AFTER,
                        m.title(), m.body(), m.link());
                if (mail && !to.isEmpty()) {
                    mailer.send(to, texts.get("mail.subject", m.title()),
                            texts.mailBody(agencyName, m.lines(), settings.absolute(m.link())));
                }
                return Outcome.SENT;
            });
        } catch (RuntimeException e) {
            log.warn("Reminder {} {} days for period {} ({}) to agency {} not sent, will retry on the next run: {}",
                    d.kind(), d.offsetDays(), d.period().period(), d.period().id(), d.agencyId(), e.toString());
            return Outcome.FAILED;
        }
    }

    record Message(String title, List<String> lines, String link) {
        String body() {
            return String.join("\n", lines);
        }
    }

    /** The Vietnamese title and body of a reminder. */
    Message message(ReminderPlanner.Due d, String agencyName) {
        String period = d.period().period();
        String dueOn = Texts.date(d.period().agencyDueOn());
        String days = Integer.toString(d.offsetDays());
        String title;
        String first;
        if (d.kind() == ReminderPlanner.Kind.AFTER) {
            title = texts.get("reminder.after.title", period, days, dueOn);
            first = texts.get("reminder.body.after", period, d.planTitle(), dueOn, days);
        } else if (d.offsetDays() == 0) {
            title = texts.get("reminder.dueToday.title", period, dueOn);
            first = texts.get("reminder.body.dueToday", period, d.planTitle(), dueOn);
        } else {
            title = texts.get("reminder.before.title", period, days, dueOn);
            first = texts.get("reminder.body.before", period, d.planTitle(), dueOn, days);
        }
        String status = texts.get(d.submission() == null ? "reminder.status.none"
                : "reminder.status." + d.submission().status().name());
        List<String> lines = List.of(first, texts.get("reminder.body.status", status), texts.get("reminder.body.action"));
        // no report yet: the period page, where the agency opens its report
        String link = d.submission() == null ? "/reporting/periods/" + d.period().id()
                : "/reporting/submissions/" + d.submission().id();
        return new Message(title, lines, link);
    }
}
