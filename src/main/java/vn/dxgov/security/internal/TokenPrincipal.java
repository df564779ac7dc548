package vn.dxgov.security.internal;

import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;
import vn.dxgov.security.DxgovPrincipal;
import vn.dxgov.security.Role;

/**
 * An API token behind a request: named {@code token:<name>} (what the audit trail and report histories record), with
 * the role, province and agency its scope gives ({@link ApiTokenService#roleOf}) and its indicator restriction.
 */
record TokenPrincipal(long tokenId, String name, Role role, String provinceCode, Long agencyId,
                      boolean write, Set<Long> indicatorScope) implements DxgovPrincipal, AuthenticatedPrincipal {

    @Override
    public String getName() {
        return "token:" + name;
    }

    @Override
    public String getUsername() {
        return getName();
    }

    @Override
    public String displayName() {
        return getName();
    }

    @Override
    public String email() {
        return null;
    }

    @Override
    public String tokenName() {
        return getName();
    }

    @Override
    public String toString() {
        return getName();
    }
}
