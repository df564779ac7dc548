/**
 * Users, roles, login (form, HTTP Basic, and OpenID Connect single sign-on when {@code DXGOV_OIDC_ISSUER_URI} is set:
 * {@code internal.SsoConfig}), user administration ({@code /admin/users}, {@code /api/v1/users}) and the audit trail. Public
 * API: {@link vn.dxgov.security.Role}, {@link vn.dxgov.security.AuditLog}, {@link vn.dxgov.security.CurrentUser} (the
 * user and the role rules every module shares), {@link vn.dxgov.security.UserDirectory},
 * {@link vn.dxgov.security.ApiTokens} (the API tokens of machine clients, {@code Authorization: Bearer dxg_…} on
 * {@code /api/**}, made at {@code /api/v1/tokens} and {@code /admin/tokens}; the webhooks module calls their webhook
 * URLs); it depends on no other
 * module's domain: the agencies users belong to come through {@link vn.dxgov.security.UserAgencies}, which the units
 * module implements (also for single sign-on's agency claim).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = {"shared"})
package vn.dxgov.security;
