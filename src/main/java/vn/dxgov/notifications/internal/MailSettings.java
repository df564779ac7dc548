package vn.dxgov.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail settings of dxgov beyond Spring's {@code spring.mail.*} (which application.yml fills from
 * {@code dxgov.mail.host}, {@code port}, {@code username}, {@code password}).
 *
 * @param from     sender address, e.g. {@code "dxgov <no-reply@sokhcn.thanhhoa.gov.vn>"} (DXGOV_MAIL_FROM)
 * @param workflow also e-mail the workflow notifications (submitted, returned, approved, reopened), not only reminders
 * @param baseUrl  how people reach dxgov, for the links in e-mails (DXGOV_MAIL_BASE_URL)
 */
@ConfigurationProperties("dxgov.mail")
record MailSettings(String from, Boolean workflow, String baseUrl) {

    MailSettings {
        from = from == null || from.isBlank() ? "dxgov <no-reply@dxgov.local>" : from.strip();
        workflow = workflow == null || workflow;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip().replaceAll("/+$", "");
    }

    /** An absolute link for an e-mail from a path inside dxgov. */
    String absolute(String path) {
        if (path == null || path.isBlank()) {
            return baseUrl + "/";
        }
        return path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + (path.startsWith("/") ? "" : "/") + path;
    }
}
