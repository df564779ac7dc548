package vn.dxgov.units;

import java.util.ArrayList;
import java.util.List;

/**
 * Published by {@link AgencyDirectory#merge} before anything moves: each module that keeps agency ids under a unique
 * key (a report per period and agency, a contribution per indicator, unit, period and agency) adds the rows that
 * would collide when the merged agency's rows became the other's. Any conflict refuses the whole merge
 * ({@link AgencyMergeRefused}); the steering department settles them first (e.g. deletes or merges the duplicate
 * draft). Listeners are plain {@code @EventListener}s, in the caller's transaction, and write nothing.
 */
public final class AgencyMergeCheck {

    /**
     * One collision, written for a person.
     *
     * @param messageKey a key of messages_*.properties, e.g. {@code agency.merge.conflict.submission}
     * @param args       its arguments (a period, a plan's number, a target's code...)
     */
    public record Conflict(String messageKey, List<Object> args) {
    }

    private final long mergedId;
    private final long intoId;
    private final List<Conflict> conflicts = new ArrayList<>();

    public AgencyMergeCheck(long mergedId, long intoId) {
        this.mergedId = mergedId;
        this.intoId = intoId;
    }

    public long mergedId() {
        return mergedId;
    }

    public long intoId() {
        return intoId;
    }

    public void conflict(String messageKey, Object... args) {
        conflicts.add(new Conflict(messageKey, List.of(args)));
    }

    public List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }
}
