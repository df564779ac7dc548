package vn.dxgov.security;

/**
 * The audit trail: every write records who did what to which entity, with the state before and after.
 * Implementations take the user from the current security context and join the caller's transaction,
 * so an audit record exists exactly when the change it describes was committed.
 */
public interface AuditLog {

    /**
     * @param action     verb such as {@code plan.import}, {@code target.update}
     * @param entityType {@code plan}, {@code target}, ...
     * @param entityId   the entity's id
     * @param before     state before (any JSON-serialisable object) or null
     * @param after      state after or null
     */
    void record(String action, String entityType, Object entityId, Object before, Object after);
}
