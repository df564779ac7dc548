package vn.dxgov.support;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import vn.dxgov.security.Role;
import vn.dxgov.security.UserDirectory;

/** Users of a test run (password {@link Http#PASSWORD}) and work done as one of them, through the real user store. */
@Component
public class TestUsers {

    private final UserDirectory users;
    private final UserDetailsService accounts;

    public TestUsers(UserDirectory users, UserDetailsService accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    /**
     * A user named {@code name-run} (names carry the run's suffix: agencies and their ids change with every reset),
     * created when missing; returns the user name.
     */
    public String ensure(String name, String run, Role role, Long agencyId) {
        String username = name + "-" + run;
        users.ensure(username, Http.PASSWORD, name + " (test)", role, agencyId, null);
        return username;
    }

    /** The same, of a province (null: a national user). */
    public String ensure(String name, String run, Role role, Long agencyId, String province) {
        String username = name + "-" + run;
        users.ensure(username, Http.PASSWORD, name + " (test)", role, agencyId, null, province);
        return username;
    }

    /** Runs the work signed in as the user (with the user's roles and agency), then restores who was signed in. */
    public <T> T as(String username, Supplier<T> work) {
        UserDetails user = accounts.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
