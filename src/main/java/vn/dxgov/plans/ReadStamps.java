package vn.dxgov.plans;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The database's state as a stamp, for answers that may be reused while nothing they show has changed: kept on the
 * server (judged once per stamp) or answered {@code 304 Not Modified} to a client that sends the {@code ETag} back.
 * The plan pages use it, and the target status API and {@code /api/v1/plans/{id}} (issue 13). The stamp moves with
 * every statement that writes a table a page or an answer shows and with every change of figures; while such a
 * write is in flight there is none (reuse nothing, tag nothing). Implemented by the plans module (its page stamp).
 */
public interface ReadStamps {

    /** An opaque stamp: equal stamps mean nothing was written between them. */
    interface Stamp {
    }

    /** The stamp now, or null while figures or a shown table are being written. */
    Stamp now();

    /** True if the stamp is still the current one (nothing written since it was taken). */
    boolean unchanged(Stamp stamp);

    /**
     * The weak ETag of this request's answer for the current user (name, roles, session), language, address with its
     * query and day, from a stamp; null for none.
     */
    String etag(Stamp stamp, HttpServletRequest request, Locale locale, LocalDate today);

    /** True if an {@code If-None-Match} header names the tag (weak comparison, as for GET). */
    boolean matches(String ifNoneMatch, String etag);
}
