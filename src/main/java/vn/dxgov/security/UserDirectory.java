package vn.dxgov.security;

import java.util.List;
import java.util.Optional;

/** The users dxgov knows, for other modules (who to remind, who belongs to which agency). */
public interface UserDirectory {

    record UserAccount(long id, String username, String displayName, Role role, Long agencyId, String email,
                       boolean enabled) {
    }

    Optional<UserAccount> find(String username);

    /** Enabled users of an agency. */
    List<UserAccount> ofAgency(long agencyId);

    /** Enabled users with a role. */
    List<UserAccount> withRole(Role role);

    /** Every user, enabled or not, by user name (for user administration). */
    List<UserAccount> list();

    /**
     * Creates a user if the name is free (demo data, administration); returns the user either way.
     * The password is hashed; an EDITOR must have an agency.
     */
    UserAccount ensure(String username, String rawPassword, String displayName, Role role, Long agencyId, String email);
}
