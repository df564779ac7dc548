package vn.dxgov.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import vn.dxgov.security.ApiTokens;
import vn.dxgov.security.Role;

/**
 * Checks the token of an {@code Authorization: Bearer …} header: its row by the lookup id, then the HMAC-SHA256 of
 * its secret under the server key compared in constant time with the stored hash. A malformed or unknown token costs
 * the same hash and comparison (against a dummy) as a wrong secret, so the time of the answer does not tell which
 * part was wrong. Expired and revoked tokens are refused like unknown ones. One primary-key read per call; the time
 * of use is written at most once a minute per token.
 */
@Component
class TokenAuthentication {

    private static final byte[] DUMMY = new byte[32];

    private final ApiTokenStore store;
    private final TokenKey key;
    private final Clock clock;

    TokenAuthentication(ApiTokenStore store, TokenKey key, Clock clock) {
        this.store = store;
        this.key = key;
        this.clock = clock;
    }

    /** The authentication of a live token, empty for anything else. */
    Optional<Authentication> authenticate(String bearer) {
        Optional<TokenFormat.Parsed> parsed = TokenFormat.parse(bearer);
        Optional<ApiTokenStore.Row> row = parsed.flatMap(p -> store.byLookup(p.lookupId()));
        byte[] computed = key.hash(parsed.map(TokenFormat.Parsed::secret).orElse(""));
        boolean match = TokenKey.same(computed, row.map(ApiTokenStore.Row::secretHash).orElse(DUMMY));
        if (!match || row.isEmpty()) {
            return Optional.empty();
        }
        ApiTokens.Token t = row.get().token();
        Instant now = clock.instant();
        if (t.revokedAt() != null || !t.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60))) {
            store.touch(t.id(), now);
        }
        Role role = roleOf(t);
        TokenPrincipal principal = new TokenPrincipal(t.id(), t.name(), role, t.provinceCode(), t.agencyId(),
                t.access() == ApiTokens.Access.WRITE, t.indicatorIds().isEmpty() ? null : Set.copyOf(t.indicatorIds()));
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    /**
     * The role a token acts with: an agency's token as its EDITOR (WRITE) or a VIEWER of it (READ); a province's token
     * as its STEERING department (WRITE, on the data-value writes only: {@link TokenRequests}) or a LEADER (READ).
     */
    static Role roleOf(ApiTokens.Token t) {
        boolean write = t.access() == ApiTokens.Access.WRITE;
        if (t.agencyId() != null) {
            return write ? Role.EDITOR : Role.VIEWER;
        }
        return write ? Role.STEERING : Role.LEADER;
    }
}
