package vn.dxgov.security.internal;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import vn.dxgov.security.DxgovPrincipal;

/**
 * A user logged in through single sign-on: the provider's tokens and claims, and the local account they map to. Its
 * name is the local user name (not the provider's subject), so the audit trail, the notifications and
 * {@code CurrentUser} see the same user as for a form login.
 */
class SsoPrincipal extends DefaultOidcUser implements DxgovPrincipal {

    private final String username;
    private final String displayName;
    private final Long agencyId;
    private final String email;
    private final String provinceCode;

    SsoPrincipal(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
                 SsoUsers.Account account) {
        super(authorities, idToken, userInfo);
        this.username = account.username();
        this.displayName = account.displayName();
        this.agencyId = account.agencyId();
        this.email = account.email();
        this.provinceCode = account.provinceCode();
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public String getUsername() {
        return username;
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
    public String email() {
        return email;
    }

    /** The province the user belongs to (the provider's province claim); null for a national user. */
    public String provinceCode() {
        return provinceCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SsoPrincipal p && super.equals(o) && username.equals(p.username);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + username.hashCode();
    }
}
