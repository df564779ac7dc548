package vn.dxgov.security.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import vn.dxgov.security.Role;

/**
 * Single sign-on through an OpenID Connect provider ({@code DXGOV_OIDC_*}). Off while {@code issuerUri} is blank:
 * then no OAuth2 bean exists at all and the login page shows only the form.
 *
 * @param issuerUri      the provider's issuer ({@code DXGOV_OIDC_ISSUER_URI}), e.g.
 *                       {@code https://sso.thanhhoa.gov.vn/realms/motcua}; its
 *                       {@code /.well-known/openid-configuration} is read at the first SSO login, not at start
 * @param clientId       dxgov's client id at the provider ({@code DXGOV_OIDC_CLIENT_ID})
 * @param clientSecret   its secret ({@code DXGOV_OIDC_CLIENT_SECRET})
 * @param registrationId the name in dxgov's URLs ({@code DXGOV_OIDC_REGISTRATION_ID}, default {@code sso}): the login
 *                       starts at {@code /oauth2/authorization/sso}, the provider redirects back to
 *                       {@code /login/oauth2/code/sso}
 * @param scopes         the scopes asked for, comma-separated ({@code DXGOV_OIDC_SCOPES}, default
 *                       {@code openid,profile,email})
 * @param usernameClaim  the claim that names the local user at the first login ({@code DXGOV_OIDC_USERNAME_CLAIM},
 *                       default {@code preferred_username}; {@code sub} when the claim is missing)
 * @param roleClaim      the claim holding the role, a string or a list such as groups ({@code DXGOV_OIDC_ROLE_CLAIM},
 *                       default {@code dxgov_role})
 * @param roleMapping    the provider's values to dxgov roles, {@code value=ROLE} pairs separated by commas
 *                       ({@code DXGOV_OIDC_ROLE_MAPPING}, e.g. {@code /cds/so-tttt=STEERING,/cds/lanh-dao=LEADER});
 *                       a dxgov role name itself ({@code EDITOR}, any case) is always understood
 * @param defaultRole    the role of a user whose role claim names no dxgov role ({@code DXGOV_OIDC_DEFAULT_ROLE});
 *                       blank (the default): such a user is refused
 * @param agencyClaim    the claim naming the user's agency by name, alias or code ({@code DXGOV_OIDC_AGENCY_CLAIM},
 *                       default {@code dxgov_agency})
 * @param provinceClaim  the claim holding the province code, e.g. {@code 38} for Thanh Hóa
 *                       ({@code DXGOV_OIDC_PROVINCE_CLAIM}, default {@code province}); absent: a national user
 * @param nameClaim      the display name ({@code DXGOV_OIDC_NAME_CLAIM}, default {@code name})
 * @param emailClaim     the e-mail address for reminders ({@code DXGOV_OIDC_EMAIL_CLAIM}, default {@code email})
 */
@ConfigurationProperties(prefix = "dxgov.oidc")
record SsoProperties(String issuerUri, String clientId, String clientSecret, String registrationId, String scopes,
                     String usernameClaim, String roleClaim, String roleMapping, String defaultRole,
                     String agencyClaim, String provinceClaim, String nameClaim, String emailClaim) {

    SsoProperties {
        registrationId = or(registrationId, "sso");
        scopes = or(scopes, "openid,profile,email");
        usernameClaim = or(usernameClaim, "preferred_username");
        roleClaim = or(roleClaim, "dxgov_role");
        agencyClaim = or(agencyClaim, "dxgov_agency");
        provinceClaim = or(provinceClaim, "province");
        nameClaim = or(nameClaim, "name");
        emailClaim = or(emailClaim, "email");
        roleMapping = roleMapping == null ? "" : roleMapping;
        defaultRole = defaultRole == null ? "" : defaultRole.trim();
        if (!defaultRole.isEmpty()) {
            role(defaultRole, "DXGOV_OIDC_DEFAULT_ROLE");
        }
        roles(roleMapping);
    }

    boolean enabled() {
        return StringUtils.hasText(issuerUri);
    }

    List<String> scopeList() {
        return List.of(StringUtils.tokenizeToStringArray(scopes, ", "));
    }

    /** The role of users the claim gives no role: empty when they are refused. */
    Optional<Role> fallbackRole() {
        return defaultRole.isEmpty() ? Optional.empty() : Optional.of(Role.valueOf(defaultRole.toUpperCase(Locale.ROOT)));
    }

    /** {@link #roleMapping()} read: provider value (as written) to role. */
    Map<String, Role> roles() {
        return roles(roleMapping);
    }

    private static Map<String, Role> roles(String mapping) {
        Map<String, Role> out = new LinkedHashMap<>();
        for (String pair : StringUtils.tokenizeToStringArray(mapping, ",")) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("DXGOV_OIDC_ROLE_MAPPING: \"" + pair
                        + "\" is not value=ROLE (ROLE one of ADMIN, STEERING, LEADER, EDITOR, VIEWER)");
            }
            out.put(pair.substring(0, eq).trim(), role(pair.substring(eq + 1).trim(), "DXGOV_OIDC_ROLE_MAPPING"));
        }
        return out;
    }

    private static Role role(String name, String setting) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": \"" + name
                    + "\" is no role (one of ADMIN, STEERING, LEADER, EDITOR, VIEWER)", e);
        }
    }

    private static String or(String value, String fallback) {
        return StringUtils.hasText(value) ? value.trim() : fallback;
    }
}
