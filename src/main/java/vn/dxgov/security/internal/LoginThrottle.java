package vn.dxgov.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address and locks either for a while once it has failed too often:
 * {@code dxgov.security.login.max-failures} (5) failures of one account, or {@code max-failures-per-ip} (20) from one
 * address, within {@code window} (15 minutes) lock that account, or every login from that address, for
 * {@code lockout} (15 minutes). While locked even the right password is refused; a success clears the account's count.
 *
 * <p>An unknown user name is counted and locked like a real one, so the lockout tells nobody which names exist. The
 * address is the client's as Tomcat sees it: behind a trusted proxy the one in {@code X-Forwarded-For}
 * ({@code server.forward-headers-strategy: native}; README "Behind a proxy"). The counts live in this node's memory:
 * several nodes behind a load balancer each count their own (an attacker gets at most nodes × the limit), and a
 * restart forgets them. The map is pruned of entries with nothing left to remember once it holds 10,000 keys, so a
 * flood of invented names cannot grow it without bound.
 */
@Component
class LoginThrottle {

    private static final int PRUNE_AT = 10_000;

    private final int maxFailures;
    private final int maxFailuresPerIp;
    private final Duration window;
    private final Duration lockout;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    /** The time; tests move it ({@code LoginThrottlingIT}). */
    volatile Clock clock = Clock.systemUTC();

    LoginThrottle(@Value("${dxgov.security.login.max-failures:5}") int maxFailures,
                  @Value("${dxgov.security.login.max-failures-per-ip:20}") int maxFailuresPerIp,
                  @Value("${dxgov.security.login.window:15m}") Duration window,
                  @Value("${dxgov.security.login.lockout:15m}") Duration lockout) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerIp = maxFailuresPerIp;
        this.window = window;
        this.lockout = lockout;
    }

    Duration lockout() {
        return lockout;
    }

    /** Until when a login of the user from the address is refused, or empty when it may be tried. */
    Optional<Instant> lockedUntil(String username, String ip) {
        Instant now = clock.instant();
        Instant a = until(accountKey(username), now);
        Instant b = until(ipKey(ip), now);
        if (a == null) {
            return Optional.ofNullable(b);
        }
        return Optional.of(b == null || a.isAfter(b) ? a : b);
    }

    /** Counts a failure; true when it locked the account or the address. */
    boolean failed(String username, String ip) {
        Instant now = clock.instant();
        if (counters.size() >= PRUNE_AT) {
            counters.entrySet().removeIf(e -> e.getValue().idle(now, window));
        }
        boolean locked = counter(accountKey(username)).fail(now, window, maxFailures, lockout);
        return counter(ipKey(ip)).fail(now, window, maxFailuresPerIp, lockout) | locked;
    }

    /** A success clears the account's failures (not the address's: one right password does not excuse a spray). */
    void succeeded(String username) {
        counters.remove(accountKey(username));
    }

    private Instant until(String key, Instant now) {
        Counter c = key == null ? null : counters.get(key);
        return c == null ? null : c.lockedUntil(now);
    }

    private Counter counter(String key) {
        return key == null ? new Counter() : counters.computeIfAbsent(key, k -> new Counter());
    }

    private static String accountKey(String username) {
        return username == null ? null : "u:" + username.trim().toLowerCase(Locale.ROOT);
    }

    private static String ipKey(String ip) {
        return ip == null ? null : "ip:" + ip;
    }

    /** The failures within the window and the end of a lockout, of one account or one address. */
    private static final class Counter {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;

        synchronized boolean fail(Instant now, Duration window, int max, Duration lockout) {
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return true;
            }
            forget(now, window);
            failures.addLast(now);
            if (failures.size() >= max) {
                failures.clear();
                lockedUntil = now.plus(lockout);
                return true;
            }
            return false;
        }

        synchronized Instant lockedUntil(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil) ? lockedUntil : null;
        }

        synchronized boolean idle(Instant now, Duration window) {
            forget(now, window);
            return failures.isEmpty() && lockedUntil(now) == null;
        }

        private void forget(Instant now, Duration window) {
            Instant from = now.minus(window);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(from)) {
                failures.removeFirst();
            }
        }
    }
}
