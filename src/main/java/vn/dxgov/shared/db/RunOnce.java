package vn.dxgov.shared.db;

/**
 * Runs a scheduled job's run once across the nodes that share the database: each run is named by its job and its
 * slot (e.g. {@code reminders} and the day {@code 2026-12-05}); the first node to claim the slot runs it, every other
 * node (whose scheduler fired at the same minute, or that starts later and catches up) skips it. A run that throws
 * gives its slot back, so the next start or the next node can run it again.
 */
public interface RunOnce {

    /** Runs {@code work} unless a node already claimed (job, slot); true when this call ran it. */
    boolean run(String job, String slot, Runnable work);

    /** Every call runs: for a single process without a database (unit tests). */
    static RunOnce always() {
        return (job, slot, work) -> {
            work.run();
            return true;
        };
    }
}
