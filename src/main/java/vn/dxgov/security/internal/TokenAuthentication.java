package vn.dxgov.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import vn.dxgov.security.ApiTokenRevoked;
import vn.dxgov.security.ApiTokens;
import vn.dxgov.security.Role;

/**
 * Checks the token of an {@code Authorization: Bearer …} header: its row by the lookup id, then the HMAC-SHA256 of
 * its secret under the server key compared in constant time with the stored hash. A malformed or unknown token costs
 * the same hash and comparison (against a dummy) as a wrong secret, so the time of the answer does not tell which
 * part was wrong. Expired and revoked tokens are refused like unknown ones.
 *
 * <p>A known token's row is kept in memory for {@code dxgov.tokens.cache} (10 s by default; PT0S reads the database
 * every call): a check then costs the HMAC and the comparison, a few microseconds, instead of a database round trip
 * (about 0.3 ms measured, ApiTokenIT). Revoking a token forgets it at once on the node that revoked it; other nodes
 * forget it when the cluster module brings them {@link ApiTokenRevoked} (milliseconds, docs/SCALING.md), and refuse
 * it within that time at the latest when the cluster link is off. Unknown lookup ids are never kept (garbage cannot
 * fill the memory). The time of use is written at most once a minute per token and node.</p>
 */
@Component
class TokenAuthentication {

    private static final byte[] DUMMY = new byte[32];
    private static final int MAX_CACHED = 10_000;

    private record Cached(ApiTokenStore.Row row, Instant until) {
    }

    private final ApiTokenStore store;
    private final TokenKey key;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Long, Instant> touched = new ConcurrentHashMap<>();

    TokenAuthentication(ApiTokenStore store, TokenKey key, Clock clock,
                        @Value("${dxgov.tokens.cache:PT10S}") Duration cacheFor) {
        this.store = store;
        this.key = key;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /** Forgets a token's row (revoked): the next check reads it again. */
    void forget(String lookupId) {
        cache.remove(lookupId);
    }

    /** A token was revoked here or on another node (null: any may have been): its row is read again. */
    @org.springframework.context.event.EventListener
    void on(ApiTokenRevoked event) {
        if (event.tokenId() == null) {
            cache.clear();
        } else {
            cache.values().removeIf(c -> c.row().token().id() == event.tokenId());
        }
    }

    private Optional<ApiTokenStore.Row> row(String lookupId, Instant now) {
        Cached c = cache.get(lookupId);
        if (c != null && c.until().isAfter(now)) {
            return Optional.of(c.row());
        }
        Optional<ApiTokenStore.Row> row = store.byLookup(lookupId);
        if (row.isPresent() && !cacheFor.isZero()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(lookupId, new Cached(row.get(), now.plus(cacheFor)));
        }
        return row;
    }

    /** The authentication of a live token, empty for anything else. */
    Optional<Authentication> authenticate(String bearer) {
        Instant now = clock.instant();
        Optional<TokenFormat.Parsed> parsed = TokenFormat.parse(bearer);
        Optional<ApiTokenStore.Row> row = parsed.flatMap(p -> row(p.lookupId(), now));
        byte[] computed = key.hash(parsed.map(TokenFormat.Parsed::secret).orElse(""));
        boolean match = TokenKey.same(computed, row.map(ApiTokenStore.Row::secretHash).orElse(DUMMY));
        if (!match || row.isEmpty()) {
            return Optional.empty();
        }
        ApiTokens.Token t = row.get().token();
        if (t.revokedAt() != null || !t.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        Instant last = touched.get(t.id());
        if (last == null || last.isBefore(now.minusSeconds(60))) {
            touched.put(t.id(), now);
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
