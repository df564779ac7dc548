package vn.dxgov.cluster.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.indicators.DataValuesChanged;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorChanged;
import vn.dxgov.security.ApiTokenRevoked;
import vn.dxgov.units.UnitsChanged;

/**
 * The link between the nodes: PostgreSQL {@code NOTIFY} out, {@code LISTEN} in.
 *
 * <p><b>Out.</b> A plain listener of the events, called within the writing transaction: it runs
 * {@code pg_notify('dxgov_cluster', payload)} there, and PostgreSQL delivers the notification when (and only if) the
 * transaction commits. The payload is {@code <node> <kind> <data>}: keys only, never rows (a NOTIFY payload stops at
 * 8,000 bytes). Data values: {@code V} and their ids, comma-separated while that stays under
 * {@value #INLINE_MAX} characters (about 800 ids), else the ids go to a row of {@code cluster_change} and the payload
 * is {@code C} and that row's id. Indicators: {@code I id}; units: {@code U reason}; tokens: {@code T id}.
 *
 * <p><b>In.</b> A thread per node holds a connection of its own (outside the pool) listening on the channel and waits
 * for notifications ({@code PGConnection.getNotifications}, a second at a time, then a {@code select 1} every
 * {@value #IDLE_CHECK_MS} ms of silence to notice a dead link). It skips its own node's, takes whatever else has
 * arrived as one batch, reads the changed rows in one read-only transaction and publishes the events in it, so the
 * after-commit listeners run as they do for a local write. While it publishes, this node does not send them on again.
 *
 * <p><b>Missed notifications.</b> A node that loses its link (the database restarted, the network cut) cannot know what
 * it missed: once connected again it rebuilds the aggregate ({@link Analytics#reload()}), tells its caches that units
 * changed and forgets every cached token. The first link is made while the beans are created, before the aggregate's
 * build at start, so nothing written meanwhile is missed; the thread starts handling once the context is ready.
 */
@Component
@ConditionalOnProperty(name = "dxgov.cluster.enabled", havingValue = "true", matchIfMissing = true)
class ClusterBus implements SmartLifecycle {

    static final String CHANNEL = "dxgov_cluster";
    static final int INLINE_MAX = 7_000;
    static final long IDLE_CHECK_MS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ClusterBus.class);

    private final String node = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final DataValueStore values;
    private final IndicatorCatalog catalog;
    private final Analytics analytics;
    private final TransactionTemplate readTx;
    /** True on the listening thread while it publishes what another node did: not to be sent on again. */
    private final ThreadLocal<Boolean> relaying = ThreadLocal.withInitial(() -> false);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();

    private final boolean listen;
    private volatile boolean running;
    private volatile Thread thread;
    private Connection link;
    private long lastCleanup;

    ClusterBus(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events, DataValueStore values,
               IndicatorCatalog catalog, Analytics analytics, PlatformTransactionManager transactions,
               @Value("${dxgov.cluster.listen:true}") boolean listen) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
        this.values = values;
        this.catalog = catalog;
        this.analytics = analytics;
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.listen = listen;
        if (listen) {
            try {
                link = connect();
            } catch (SQLException e) {
                log.warn("Cluster link: no LISTEN connection at start ({}); trying again in the background",
                        e.getMessage());
            }
        }
    }

    /** This node's id in the payloads (random per start). */
    String node() {
        return node;
    }

    long sent() {
        return sent.get();
    }

    long received() {
        return received.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    // ----- out

    @EventListener
    void on(DataValuesChanged event) {
        if (relaying.get()) {
            return;
        }
        Set<Long> ids = new LinkedHashSet<>();
        event.changed().forEach(v -> ids.add(v.id()));
        event.deleted().forEach(v -> ids.add(v.id()));
        if (ids.isEmpty()) {
            return;
        }
        String list = String.join(",", ids.stream().map(String::valueOf).toList());
        if (list.length() <= INLINE_MAX) {
            send("V " + list);
        } else {
            Long change = jdbc.sql("insert into cluster_change (node, kind, ids) values (?, 'V', ?) returning id")
                    .params(node, ids.toArray(Long[]::new)).query(Long.class).single();
            send("C " + change);
        }
    }

    @EventListener
    void on(IndicatorChanged event) {
        if (!relaying.get()) {
            send("I " + event.indicatorId());
        }
    }

    @EventListener
    void on(UnitsChanged event) {
        if (!relaying.get()) {
            send("U " + (event.reason() == null ? "" : event.reason().replace(' ', '_')));
        }
    }

    @EventListener
    void on(ApiTokenRevoked event) {
        if (!relaying.get() && event.tokenId() != null) {
            send("T " + event.tokenId());
        }
    }

    /** NOTIFY in the caller's transaction when there is one (delivered at its commit), else at once. */
    private void send(String body) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, node + " " + body).query(rs -> {
        });
        sent.incrementAndGet();
    }

    // ----- in

    private Connection connect() throws SQLException {
        Connection c;
        if (dataSource instanceof HikariDataSource h && h.getJdbcUrl() != null) {
            // a connection of its own, not one taken from the pool for ever
            Properties p = new Properties();
            if (h.getUsername() != null) {
                p.setProperty("user", h.getUsername());
            }
            if (h.getPassword() != null) {
                p.setProperty("password", h.getPassword());
            }
            p.setProperty("ApplicationName", "dxgov-cluster-" + node);
            p.setProperty("tcpKeepAlive", "true");
            c = DriverManager.getConnection(h.getJdbcUrl(), p);
        } else {
            c = dataSource.getConnection();
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        }
        return c;
    }

    @Override
    public void start() {
        running = true;
        if (!listen) {
            log.info("Cluster link: node {} tells the others, does not listen (dxgov.cluster.listen=false)", node);
            return;
        }
        Thread t = new Thread(this::listen, "dxgov-cluster");
        t.setDaemon(true);
        thread = t;
        t.start();
        log.info("Cluster link: node {} listening on {}", node, CHANNEL);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backoff = 100;
        long lastHeard = System.currentTimeMillis();
        while (running) {
            try {
                if (link == null) {
                    link = connect();
                    reconnects.incrementAndGet();
                    log.warn("Cluster link: connected again; rebuilding what notifications may have been missed");
                    refreshAll();
                }
                PGNotification[] batch = link.unwrap(PGConnection.class).getNotifications(1_000);
                long now = System.currentTimeMillis();
                if (batch != null && batch.length > 0) {
                    lastHeard = now;
                    handle(batch);
                } else if (now - lastHeard > IDLE_CHECK_MS) {
                    try (Statement s = link.createStatement()) {
                        s.execute("select 1");
                    }
                    lastHeard = now;
                    cleanup(now);
                }
                backoff = 100;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("Cluster link lost ({}); connecting again in {} ms", e.getMessage(), backoff);
                close();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    break;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
        close();
    }

    private void close() {
        Connection c = link;
        link = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken link
            }
        }
    }

    /** One batch of notifications from other nodes: the rows read once, the events published in one transaction. */
    void handle(PGNotification[] batch) {
        Set<Long> valueIds = new LinkedHashSet<>();
        List<Long> changeRows = new ArrayList<>();
        Set<Long> indicators = new LinkedHashSet<>();
        Set<String> unitReasons = new LinkedHashSet<>();
        Set<Long> tokens = new LinkedHashSet<>();
        for (PGNotification n : batch) {
            String[] parts = n.getParameter().split(" ", 3);
            if (parts.length < 3 || parts[0].equals(node)) {
                continue;
            }
            received.incrementAndGet();
            switch (parts[1]) {
                case "V" -> ids(parts[2], valueIds);
                case "C" -> changeRows.add(Long.parseLong(parts[2]));
                case "I" -> indicators.add(Long.parseLong(parts[2]));
                case "U" -> unitReasons.add(parts[2].isEmpty() ? "cluster" : parts[2]);
                case "T" -> tokens.add(Long.parseLong(parts[2]));
                default -> log.warn("Cluster link: unknown notification {}", n.getParameter());
            }
        }
        if (valueIds.isEmpty() && changeRows.isEmpty() && indicators.isEmpty() && unitReasons.isEmpty()
                && tokens.isEmpty()) {
            return;
        }
        relaying.set(true);
        try {
            readTx.executeWithoutResult(s -> {
                for (Long row : changeRows) {
                    jdbc.sql("select unnest(ids) from cluster_change where id = ?").param(row).query(Long.class)
                            .list().forEach(valueIds::add);
                }
                if (!valueIds.isEmpty()) {
                    publishValues(valueIds);
                }
                for (Long id : indicators) {
                    events.publishEvent(new IndicatorChanged(id, catalog.find(id).orElse(null)));
                }
                for (String reason : unitReasons) {
                    events.publishEvent(new UnitsChanged(reason));
                }
            });
            for (Long id : tokens) {
                events.publishEvent(new ApiTokenRevoked(id));
            }
        } finally {
            relaying.remove();
        }
    }

    private void publishValues(Collection<Long> ids) {
        List<DataValue> changed = new ArrayList<>();
        List<DataValue> deleted = new ArrayList<>();
        for (DataValue v : values.findByIds(ids)) {
            (v.value() == null ? deleted : changed).add(v);
        }
        events.publishEvent(new DataValuesChanged(List.copyOf(changed), List.copyOf(deleted)));
    }

    private static void ids(String list, Set<Long> into) {
        for (String id : list.split(",")) {
            if (!id.isEmpty()) {
                into.add(Long.parseLong(id));
            }
        }
    }

    /** After a lost link: everything kept in memory from the database is read again. */
    private void refreshAll() {
        relaying.set(true);
        try {
            analytics.reload();
            readTx.executeWithoutResult(s -> events.publishEvent(new UnitsChanged("cluster")));
            events.publishEvent(new ApiTokenRevoked(null));
        } finally {
            relaying.remove();
        }
    }

    /** Big changes' rows are needed for seconds; any node deletes those older than a day, at most once an hour. */
    private void cleanup(long now) {
        if (now - lastCleanup < 3_600_000) {
            return;
        }
        lastCleanup = now;
        jdbc.sql("delete from cluster_change where created_at < now() - interval '1 day'").update();
    }
}
