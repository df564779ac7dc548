package vn.dxgov.security;

/** What a user may do. */
public enum Role {
    /** manages users and everything else */
    ADMIN,
    /** the steering department (Sở TT&TT / Sở KH&CN): imports, reviews and publishes plans; approves or returns reports */
    STEERING,
    /** a leader (lãnh đạo UBND, Ban Chỉ đạo): reads everything, changes nothing */
    LEADER,
    /** an agency's reporting officer (cán bộ đầu mối): writes only the reports of the agency the user belongs to */
    EDITOR,
    /** reads published plans */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
