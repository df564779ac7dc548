package vn.dxgov.security;

/** What dxgov knows of a logged-in user beyond the name and role. */
public interface DxgovPrincipal {

    String getUsername();

    String displayName();

    /** The agency the user belongs to, or null. */
    Long agencyId();

    /** The province the user belongs to (official code, e.g. "38"), or null for a national user. */
    String provinceCode();

    /** The user's e-mail address for reminders, or null. */
    String email();

    /**
     * The API token behind the request (its name, as audited), or null for a person. A token acts with the role,
     * province and agency it was scoped to, on the API only.
     */
    default String tokenName() {
        return null;
    }

    /** The indicators (ids) an API token is restricted to, or null for no restriction (every person). */
    default java.util.Set<Long> indicatorScope() {
        return null;
    }
}
