package vn.dxgov.plans.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dxgov.indicators.DataValuesChanged;
import vn.dxgov.plans.ReadStamps;

/**
 * What a plan page is made of, as a stamp that changes whenever any of it may have: the number every statement
 * writing a table a page may show takes from {@code page_stamp_seq} (V38, triggers from {@code afterMigrate.sql}),
 * and a counter of the figure changes, which the analytics module's in-memory series take after their transaction
 * commits (on this node, or when another node's change arrives through the cluster link). A writing statement also
 * holds a shared advisory lock until its transaction ends: while one does, or while a figure change is in flight
 * (published, its transaction not yet completed and the in-memory series perhaps not yet updated), there is no stamp,
 * so nothing rendered then is cached or tagged. The counter moves again after the transaction completes, after every
 * after-commit callback (the series' update among them) has run.
 *
 * <p>The stamp was first the write-ahead log's insert position; with sessions in PostgreSQL (Spring Session JDBC
 * writes each request's access time) that moved on every request and no page was ever 304. The sequence is read
 * before the lock check: a write that begins after the read may show in a page tagged with the older number, which
 * no later request carries again; a write that began before it is either committed (in the number and visible) or
 * still holds its lock (no stamp).
 *
 * <p>The plan page's weak {@code ETag} is this stamp with everything else the page depends on: the day (statuses are
 * judged as of today), the user's name, roles and session (pages show the user's menu, notifications and CSRF token;
 * another user, another role or a new login never matches), the language, the address with its query and whether
 * htmx asked for a part. A page whose {@code If-None-Match} still matches is answered 304 without rendering.
 */
@Component
class PageStamp implements ReadStamps {

    /** A stamp; equal stamps mean nothing a page shows has changed between them. */
    record Stamp(long writes, long changes) implements ReadStamps.Stamp {
    }

    /** The advisory lock a writing statement holds until its transaction ends (dxgov_page_stamp_bump, V38). */
    static final long LOCK_KEY = 72620013L;

    private final JdbcClient jdbc;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();

    PageStamp(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures are being written: no stamp until their transaction has completed and its callbacks have run. */
    @EventListener
    void onValuesChanged(DataValuesChanged event) {
        changes.incrementAndGet();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        inFlight.incrementAndGet();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                changes.incrementAndGet();
                inFlight.decrementAndGet();
            }
        });
    }

    /** The stamp now, or null while figures or a page's tables are being written. */
    @Override
    public Stamp now() {
        if (inFlight.get() > 0) {
            return null;
        }
        long before = changes.get();
        // the number first, then whether a write is in flight (see the class comment for why in this order)
        Long writes = jdbc.sql("select last_value from page_stamp_seq").query(Long.class).single();
        Integer writing = jdbc.sql("""
                select count(*) from pg_locks
                 where locktype = 'advisory' and granted and classid = 0 and objid = :key and objsubid = 1
                   and database = (select oid from pg_database where datname = current_database())""")
                .param("key", LOCK_KEY).query(Integer.class).single();
        return writing > 0 || inFlight.get() > 0 || changes.get() != before ? null : new Stamp(writes, before);
    }

    /** True if the stamp is still the current one (nothing written since it was taken). */
    @Override
    public boolean unchanged(ReadStamps.Stamp stamp) {
        return stamp != null && stamp.equals(now());
    }

    @Override
    public String etag(ReadStamps.Stamp stamp, HttpServletRequest request, Locale locale, LocalDate today) {
        return etag((Stamp) stamp, request, locale, today);
    }

    @Override
    public boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatches(ifNoneMatch, etag);
    }

    /** The weak ETag of a page for this request and user, from a stamp (null: none). */
    static String etag(Stamp stamp, HttpServletRequest request, Locale locale, LocalDate today) {
        if (stamp == null) {
            return null;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        StringBuilder key = new StringBuilder()
                .append(stamp.writes()).append('|').append(stamp.changes()).append('|').append(today).append('|')
                .append(locale.toLanguageTag()).append('|').append(request.getRequestURI()).append('?');
        // the parameters (of a GET: its query), sorted: the same filters in another order are the same page
        // (each with its length first, so that no value can pass for another name or value)
        new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            key.append(name.length()).append(':').append(name).append('=');
            for (String v : values) {
                key.append(v.length()).append(':').append(v);
            }
            key.append('&');
        });
        key.append('|').append(request.getHeader("HX-Request")).append('|')
                .append(request.getHeader("HX-History-Restore-Request")).append('|');
        if (user != null) {
            key.append(user.getName()).append('|');
            user.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted()
                    .forEach(a -> key.append(a).append(','));
        }
        var session = request.getSession(false);
        key.append('|').append(session == null ? "-" : session.getId());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if an {@code If-None-Match} header names the tag (weak comparison, as for GET). */
    static boolean ifNoneMatches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
