package vn.dxgov.security;

import java.util.List;
import java.util.Optional;

/** The users dxgov knows, for other modules (who to remind, who belongs to which agency). */
public interface UserDirectory {

    /** @param provinceCode the province the user belongs to, null for a national user */
    record UserAccount(long id, String username, String displayName, Role role, Long agencyId, String email,
                       boolean enabled, String provinceCode) {
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
    UserAccount ensure(String username, String rawPassword, String displayName, Role role, Long agencyId, String email,
                       String provinceCode);

    /**
     * {@link #ensure(String, String, String, Role, Long, String, String)} with the province of the user's agency (none:
     * a national user).
     */
    UserAccount ensure(String username, String rawPassword, String displayName, Role role, Long agencyId, String email);

    /** Users of a province (null: national users), every one, by user name. */
    List<UserAccount> ofProvince(String provinceCode);

    /**
     * Moves the users and API tokens of one agency to another (the units module merging two agencies), in the caller's
     * transaction; returns how many users moved. Sessions already open keep the old agency until the next login, and a
     * node's token cache for {@code dxgov.tokens.cache}.
     */
    int moveAgency(long fromAgencyId, long toAgencyId);
}
