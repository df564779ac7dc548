package vn.dxgov.security;

/** What a user may do. */
public enum Role {
    /** manages users and everything else */
    ADMIN,
    /** the steering department (Sở TT&TT / Sở KH&CN): imports, reviews and publishes plans */
    STEERING,
    /** reads published plans */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
