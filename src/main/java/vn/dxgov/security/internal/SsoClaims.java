package vn.dxgov.security.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.dxgov.security.Role;

/**
 * What the claims of an OpenID Connect login say about the dxgov user, by the settings of {@link SsoProperties}: pure,
 * no database (the agency named is looked up by {@link SsoUsers}).
 *
 * <p>The role claim may be a string or a list (a "groups" claim); each value is looked up in the role mapping, then
 * taken as a dxgov role name; of several roles the one that may do most wins (ADMIN, STEERING, LEADER, EDITOR,
 * VIEWER). A claim naming no dxgov role gives the configured default role, or refuses the login when none is set (the
 * default): a province's single sign-on knows many people who are not dxgov users.
 */
final class SsoClaims {

    /** A province code as the administrative units carry it ("38"); longer or other characters are refused. */
    private static final Pattern PROVINCE = Pattern.compile("[0-9A-Za-z._-]{1,16}");
    /** Like the user names of the administration form, a little longer: providers use e-mail-like names. */
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,100}");

    /** Why a login was refused: the key of the message on the login page is {@code login.sso.<code>}. */
    enum Refusal {
        /** the role claim names no dxgov role and no default role is set */
        ROLE,
        /** the province claim is no province code */
        PROVINCE,
        /** the user name claim is not a name dxgov can use */
        USERNAME,
        /** an EDITOR whose agency claim names no agency of the province */
        AGENCY,
        /** the user name belongs to another dxgov account (a local one, or another provider account) */
        TAKEN,
        /** the dxgov account was disabled by an administrator */
        DISABLED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The user as the claims describe it; {@code agency} is the claim's text, not yet matched. */
    record Identity(String issuer, String subject, String username, String displayName, String email, Role role,
                    String agency, String provinceCode) {
    }

    /** Either an identity or why there is none. */
    record Result(Identity identity, Refusal refusal, String detail) {
        static Result of(Identity identity) {
            return new Result(identity, null, null);
        }

        static Result refused(Refusal refusal, String detail) {
            return new Result(null, refusal, detail);
        }

        boolean accepted() {
            return identity != null;
        }
    }

    private final SsoProperties settings;

    SsoClaims(SsoProperties settings) {
        this.settings = settings;
    }

    /** The user name the claims give ({@code sub} without the user name claim). */
    String username(String subject, Map<String, Object> claims) {
        return text(claims.get(settings.usernameClaim())).orElse(subject);
    }

    Result read(String issuer, String subject, Map<String, Object> claims) {
        String username = username(subject, claims);
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Result.refused(Refusal.USERNAME, settings.usernameClaim() + "=" + username);
        }
        List<String> roleValues = texts(claims.get(settings.roleClaim()));
        Optional<Role> role = role(roleValues).or(settings::fallbackRole);
        if (role.isEmpty()) {
            return Result.refused(Refusal.ROLE, settings.roleClaim() + "=" + roleValues);
        }
        Optional<String> province = text(claims.get(settings.provinceClaim()));
        if (province.isPresent() && !PROVINCE.matcher(province.get()).matches()) {
            return Result.refused(Refusal.PROVINCE, settings.provinceClaim() + "=" + province.get());
        }
        if (role.get() == Role.ADMIN && province.isEmpty()) {
            // a national ADMIN is the installation's super-administrator: a local account, never granted by a
            // provider (a provider that sends no province claim at all would otherwise make every ADMIN one)
            return Result.refused(Refusal.PROVINCE, "ADMIN without " + settings.provinceClaim());
        }
        return Result.of(new Identity(issuer, subject, username,
                text(claims.get(settings.nameClaim())).orElse(username),
                text(claims.get(settings.emailClaim())).orElse(null), role.get(),
                text(claims.get(settings.agencyClaim())).orElse(null), province.orElse(null)));
    }

    /** The role that may do most among the values the mapping or the role names know. */
    Optional<Role> role(List<String> values) {
        Map<String, Role> mapping = settings.roles();
        List<Role> found = new ArrayList<>();
        for (String v : values) {
            Role mapped = mapping.get(v);
            if (mapped == null) {
                mapped = mapping.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(v)).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
            }
            if (mapped == null) {
                try {
                    mapped = Role.valueOf(v.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    continue;
                }
            }
            found.add(mapped);
        }
        return found.stream().min(Comparator.naturalOrder());
    }

    /** A claim as trimmed text; numbers (a province 38) as their digits; empty when absent or blank. */
    private static Optional<String> text(Object claim) {
        if (claim == null || claim instanceof Collection<?> || claim instanceof Map<?, ?>) {
            return Optional.empty();
        }
        String s = claim.toString().trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A claim that may be one value or a list of them. */
    private static List<String> texts(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(SsoClaims::text).flatMap(Optional::stream).toList();
        }
        return text(claim).map(List::of).orElse(List.of());
    }
}
