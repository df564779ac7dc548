package vn.dxgov.security;

/**
 * Published (within the transaction) when an API token is revoked, so that whoever keeps token rows in memory (the
 * token check's short cache, on every node: the cluster module carries the event to the other nodes) forgets it.
 *
 * @param tokenId the token; null for "any token may have changed" (a node that lost its link to the others)
 */
public record ApiTokenRevoked(Long tokenId) {
}
