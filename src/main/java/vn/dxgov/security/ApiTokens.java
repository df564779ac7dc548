package vn.dxgov.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The API tokens machine clients (source systems) use instead of a person's password, as other modules need them: the
 * webhook subscribers (a token with a webhook URL), their signing secrets, and whether the current administrator may
 * see a token. Tokens are made, listed and revoked by administrators ({@code /api/v1/tokens}, {@code /admin/tokens}).
 */
public interface ApiTokens {

    /** What a token may do: READ answers GETs only; WRITE also pushes data values. */
    enum Access { READ, WRITE }

    /**
     * A token as administrators see it (never its secret).
     *
     * @param provinceCode the province it acts in (null only for a national agency's token)
     * @param agencyId     the agency it acts for, or null for a province-wide token
     * @param indicatorIds the indicators it is restricted to, empty for none (every indicator its role may)
     * @param live         neither revoked nor expired
     */
    record Token(long id, String name, String provinceCode, Long agencyId, String agencyName, Access access,
                 List<Long> indicatorIds, Instant expiresAt, Instant revokedAt, String revokedBy, String createdBy,
                 Instant createdAt, Instant lastUsedAt, String webhookUrl, boolean live) {
    }

    /** A live token with a webhook URL: called when an event of its scope happens. */
    record Subscriber(long tokenId, String name, String provinceCode, Long agencyId, String webhookUrl) {
    }

    /** Every live token with a webhook URL. */
    List<Subscriber> subscribers();

    /** The token as a subscriber, while it is live and has a webhook URL. */
    Optional<Subscriber> subscriber(long tokenId);

    /** The secret a token's webhook calls are signed with (HMAC-SHA256), as shown once when the token was made. */
    String webhookSecret(long tokenId);

    /**
     * The token when the current user administers it (the super-administrator every token, the administrator of a
     * province its province's); empty otherwise, which callers answer as "not found". Throws 403 for a user who is
     * not an administrator.
     */
    Optional<Token> administered(long tokenId);
}
