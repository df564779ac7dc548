package vn.dxgov.security.internal;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import vn.dxgov.security.DxgovPrincipal;

/** A logged-in user with the agency they belong to. */
class AccountPrincipal extends User implements DxgovPrincipal {

    private final String displayName;
    private final Long agencyId;
    private final String email;
    private final String provinceCode;

    AccountPrincipal(String username, String passwordHash, boolean enabled,
                     Collection<? extends GrantedAuthority> authorities, String displayName, Long agencyId, String email,
                     String provinceCode) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.displayName = displayName;
        this.agencyId = agencyId;
        this.email = email;
        this.provinceCode = provinceCode;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Long agencyId() {
        return agencyId;
    }

    @Override
    public String provinceCode() {
        return provinceCode;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
