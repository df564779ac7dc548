package vn.dxgov.security.internal;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a verified OpenID Connect login (the ID token checked by Spring Security: signature, issuer, audience, nonce,
 * expiry) into a dxgov user: the claims (ID token and, when the provider has one, the user-info endpoint) are read by
 * {@link SsoClaims}, the local account made or updated by {@link SsoUsers}. A refusal is an
 * {@link OAuth2AuthenticationException} whose error code is the {@link SsoClaims.Refusal}'s, which
 * {@link SsoConfig} sends to the login page.
 */
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The prefix of the error codes of refusals, to tell them from the provider's own errors. */
    static final String REFUSAL = "dxgov_sso_";

    private final OidcUserService provider = new OidcUserService();
    private final SsoClaims claims;
    private final SsoUsers users;

    SsoUserService(SsoClaims claims, SsoUsers users) {
        this.claims = claims;
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser verified = provider.loadUser(request);
        String issuer = verified.getIssuer() == null ? null : verified.getIssuer().toString();
        String subject = verified.getSubject();
        SsoClaims.Result read = claims.read(issuer, subject, verified.getClaims());
        if (!read.accepted()) {
            users.refused(issuer, subject, claims.username(subject, verified.getClaims()), read.refusal(), read.detail());
            throw refusal(read.refusal());
        }
        SsoUsers.Outcome outcome = users.signIn(read.identity());
        if (outcome.account() == null) {
            throw refusal(outcome.refusal());
        }
        return new SsoPrincipal(AuthorityUtils.createAuthorityList(outcome.account().role().authority()),
                verified.getIdToken(), verified.getUserInfo(), outcome.account());
    }

    private static OAuth2AuthenticationException refusal(SsoClaims.Refusal refusal) {
        return new OAuth2AuthenticationException(new OAuth2Error(REFUSAL + refusal.code()),
                "single sign-on refused: " + refusal.code());
    }
}
