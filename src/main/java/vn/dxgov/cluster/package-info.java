/**
 * Several nodes on one database (docs/SCALING.md). After each committed write that other nodes keep in memory (data
 * values, indicators, administrative units, revoked API tokens), the node tells the others through PostgreSQL's
 * {@code NOTIFY} on the channel {@code dxgov_cluster}, in the writing transaction (so a rolled-back write tells nobody);
 * every node listens on a connection of its own, reads the changed rows from the database and publishes the same
 * events locally ({@link vn.dxgov.indicators.DataValuesChanged}, {@link vn.dxgov.indicators.IndicatorChanged},
 * {@link vn.dxgov.units.UnitsChanged}, {@link vn.dxgov.security.ApiTokenRevoked}), so the listeners (the analytics'
 * aggregate, the open-data catalogue, the token check) are the same for a local and a remote write. No message
 * broker. Off with {@code dxgov.cluster.enabled=false} (DXGOV_CLUSTER_ENABLED); {@code dxgov.cluster.listen=false} sends
 * without listening (the test contexts). No public API: it only carries events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster",
        allowedDependencies = {"analytics", "indicators", "security", "shared", "units"})
package vn.dxgov.cluster;
