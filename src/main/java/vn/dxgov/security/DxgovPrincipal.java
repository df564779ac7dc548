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
}
