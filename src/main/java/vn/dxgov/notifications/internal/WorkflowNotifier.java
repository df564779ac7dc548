package vn.dxgov.notifications.internal;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.reporting.Submission;
import vn.dxgov.reporting.SubmissionAction;
import vn.dxgov.reporting.SubmissionChanged;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * Tells people when a report moves: SUBMIT and RESUBMIT go to the steering department (users with role STEERING),
 * RETURN, APPROVE and REOPEN to the agency (with the reason when there is one). In-app in the workflow step's own
 * transaction, on its connection, inside a savepoint; by e-mail (when mail is on and {@code dxgov.mail.workflow} is
 * true) in the background after the commit, so that a slow mail server never slows the request. A failure here is
 * logged, rolled back to the savepoint and never undoes or fails the workflow step.
 *
 * <p>Why not after the commit, in a transaction of its own (as before): at that point the step's connection is still
 * held, so every submit needed two pooled connections at once; in the deadline minute (issue 13) 200 request threads
 * each held one and waited for a second from a pool of ten until Hikari's 30 s timeout. Before the commit the
 * notice also commits or rolls back with the step it tells about.
 */
@Component
class WorkflowNotifier {

    private static final Logger log = LoggerFactory.getLogger(WorkflowNotifier.class);

    private final JdbcNotifications notifications;
    private final UserDirectory users;
    private final AgencyDirectory agencies;
    private final PlanCatalog plans;
    private final Mailer mailer;
    private final MailSettings settings;
    private final Texts texts;
    private final TransactionTemplate tx;
    private final ExecutorService mailQueue = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dxgov-workflow-mail");
        t.setDaemon(true);
        return t;
    });

    WorkflowNotifier(JdbcNotifications notifications, UserDirectory users, AgencyDirectory agencies, PlanCatalog plans,
                     Mailer mailer, MailSettings settings, Texts texts, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.users = users;
        this.agencies = agencies;
        this.plans = plans;
        this.mailer = mailer;
        this.settings = settings;
        this.texts = texts;
        this.tx = new TransactionTemplate(transactions);
        // a savepoint in the step's transaction (a transaction of its own when there is none)
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** What to say, to whom. */
    record Message(String kind, String title, List<String> lines, String link, boolean toSteering) {
    }

    // synchronous on purpose (in-app "at once": the inbox shows it when the workflow step returns) and left out of the
    // event publication registry (application.yml): a replayed delivery would notify people twice
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SubmissionChanged event) {
        try {
            // every read and write in the savepoint: a failed statement must not leave the step's transaction aborted
            Runnable mail = tx.execute(status -> SystemReader.call(() -> notify(event)));
            if (mail != null) {
                afterCommit(mail);
            }
        } catch (RuntimeException e) {
            log.error("Could not notify {} of submission {}", event.action(),
                    event.submission() == null ? null : event.submission().id(), e);
        }
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    /** Writes the in-app notice; returns the e-mail to queue once the step has committed, or null. */
    private Runnable notify(SubmissionChanged event) {
        Submission s = event.submission();
        String agencyName = agencies.find(s.agencyId()).map(Agency::name).orElse("#" + s.agencyId());
        String planTitle = plans.find(s.planId()).map(Plan::title).orElse(texts.get("notify.plan.unknown", s.planId()));
        Message m = message(event, agencyName, planTitle);
        if (m == null) {
            return null;
        }
        List<UserDirectory.UserAccount> recipients;
        if (m.toSteering()) {
            recipients = users.withRole(Role.STEERING).stream()
                    .filter(u -> event.actor() == null || !u.username().equalsIgnoreCase(event.actor())).toList();
            recipients.forEach(u ->
                    notifications.toUser(u.id(), m.kind(), m.title(), String.join("\n", m.lines()), m.link()));
        } else {
            recipients = users.ofAgency(s.agencyId());
            notifications.toAgency(s.agencyId(), m.kind(), m.title(), String.join("\n", m.lines()), m.link());
        }
        if (settings.workflow() && mailer.enabled()) {
            List<String> to = Mailer.addresses(recipients.stream().map(UserDirectory.UserAccount::email).toList());
            if (!to.isEmpty()) {
                String subject = texts.get("mail.subject", m.title());
                String body = texts.mailBody(m.toSteering() ? null : agencyName, m.lines(), settings.absolute(m.link()));
                return () -> mailQueue.execute(() -> {
                    try {
                        mailer.send(to, subject, body);
                    } catch (RuntimeException e) {
                        log.warn("Workflow e-mail '{}' to {} not sent: {}", subject, to, e.toString());
                    }
                });
            }
        }
        return null;
    }

    /** The Vietnamese message of a workflow step, or null for steps nobody is told about (CREATE, SAVE). */
    Message message(SubmissionChanged event, String agencyName, String planTitle) {
        Submission s = event.submission();
        SubmissionAction action = event.action();
        if (action == null) {
            return null;
        }
        String period = s.period();
        String link = "/reporting/submissions/" + s.id();
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("notify.body.plan", planTitle));
        lines.add(texts.get("notify.body.period", period, Texts.date(s.dueOn())));
        String reason = event.reason() != null && !event.reason().isBlank() ? event.reason().strip()
                : s.returnReason();
        switch (action) {
            case SUBMIT, RESUBMIT -> {
                String title = texts.get(action == SubmissionAction.SUBMIT ? "notify.submitted.title" : "notify.resubmitted.title",
                        agencyName, period) + late(s);
                lines.add(0, texts.get("notify.body.agency", agencyName));
                addActor(lines, event);
                lines.add(texts.get("notify.body.submitted"));
                return new Message("SUBMISSION_" + action.name(), title, lines, link, true);
            }
            case RETURN -> {
                if (reason != null && !reason.isBlank()) {
                    lines.add(texts.get("notify.body.reason", reason));
                }
                addActor(lines, event);
                lines.add(texts.get("notify.body.returned"));
                return new Message("SUBMISSION_RETURN", texts.get("notify.returned.title", period), lines, link, false);
            }
            case APPROVE -> {
                addActor(lines, event);
                lines.add(texts.get("notify.body.approved"));
                return new Message("SUBMISSION_APPROVE", texts.get("notify.approved.title", period), lines, link, false);
            }
            case REOPEN -> {
                if (event.reason() != null && !event.reason().isBlank()) {
                    lines.add(texts.get("notify.body.reason", event.reason().strip()));
                }
                addActor(lines, event);
                lines.add(texts.get("notify.body.reopened"));
                return new Message("SUBMISSION_REOPEN", texts.get("notify.reopened.title", period), lines, link, false);
            }
            default -> {
                return null;
            }
        }
    }

    private void addActor(List<String> lines, SubmissionChanged event) {
        if (event.actor() != null && !event.actor().isBlank()) {
            lines.add(texts.get("notify.body.actor", event.actor()));
        }
    }

    /** " (trễ hạn 3 ngày)" for a report first sent after its deadline, "" otherwise. */
    private String late(Submission s) {
        if (!s.late()) {
            return "";
        }
        if (s.dueOn() != null && s.firstSubmittedAt() != null) {
            long days = ChronoUnit.DAYS.between(s.dueOn(), LocalDate.ofInstant(s.firstSubmittedAt(), Texts.ZONE));
            if (days > 0) {
                return texts.get("notify.late", days);
            }
        }
        return texts.get("notify.lateNoDays");
    }

    @PreDestroy
    void stop() throws InterruptedException {
        mailQueue.shutdown();
        if (!mailQueue.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Workflow e-mails still queued at shutdown were not sent");
            mailQueue.shutdownNow();
        }
    }
}
