package vn.dxgov.notifications.internal;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text UTF-8 e-mails through Spring's {@link JavaMailSender}. Mail is off when no SMTP host is configured
 * ({@code DXGOV_MAIL_HOST} empty): callers still notify in-app and log that mail is off.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final MailSettings settings;
    private final String host;

    Mailer(ObjectProvider<JavaMailSender> sender, MailSettings settings, @Value("${spring.mail.host:}") String host) {
        this.sender = sender;
        this.settings = settings;
        this.host = host;
    }

    /** True when an SMTP host is configured. */
    boolean enabled() {
        return host != null && !host.isBlank() && sender.getIfAvailable() != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (enabled()) {
            log.info("E-mail is on: SMTP {} as {}", host, settings.from());
        } else {
            log.info("E-mail is off (no DXGOV_MAIL_HOST): reminders and workflow notifications are in-app only");
        }
    }

    /** Usable addresses among these, without duplicates (case-insensitive), in order. */
    static List<String> addresses(Collection<String> candidates) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<String> out = new java.util.ArrayList<>();
        for (String c : candidates) {
            if (c == null || c.isBlank()) {
                continue;
            }
            String a = c.strip();
            try {
                new InternetAddress(a, true).validate();
            } catch (Exception e) {
                log.warn("Skipping invalid e-mail address {}", a);
                continue;
            }
            if (seen.add(a.toLowerCase(java.util.Locale.ROOT))) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Sends one message to these recipients (all in To: colleagues of one agency, or the steering department).
     *
     * @throws MailException when the server refuses or cannot be reached; nothing was sent then
     * @throws IllegalStateException when mail is off
     */
    void send(List<String> to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (!enabled() || mail == null) {
            throw new IllegalStateException("E-mail is off");
        }
        if (to.isEmpty()) {
            return;
        }
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(text, false);
        } catch (jakarta.mail.MessagingException e) {
            throw new MailPreparationException("Cannot prepare the e-mail '" + subject + "'", e);
        }
        mail.send(message);
    }
}
