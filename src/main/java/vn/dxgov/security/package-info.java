/**
 * Users, roles, login, user administration ({@code /admin/users}, {@code /api/v1/users}) and the audit trail. Public
 * API: {@link vn.dxgov.security.Role}, {@link vn.dxgov.security.AuditLog}, {@link vn.dxgov.security.CurrentUser} (the
 * user and the role rules every module shares), {@link vn.dxgov.security.UserDirectory}; it depends on no other
 * module's domain: the agencies users belong to come through {@link vn.dxgov.security.UserAgencies}, which the units
 * module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = {"shared"})
package vn.dxgov.security;
