/**
 * Users, roles, login and the audit trail. Public API: {@link vn.dxgov.security.Role},
 * {@link vn.dxgov.security.AuditLog}, {@link vn.dxgov.security.CurrentUser}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = {"shared"})
package vn.dxgov.security;
