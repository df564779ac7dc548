package vn.dxgov.notifications.internal;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.dxgov.security.Role;

/**
 * Runs work of the notifications module (the scheduled reminders, the workflow listener) as a read-only system user:
 * it reads periods, reports, plans and agencies with the rights of a LEADER (reads everything, changes nothing),
 * whoever triggered it. The caller's own security context is restored afterwards.
 */
final class SystemReader {

    static final String NAME = "system:notifications";

    private SystemReader() {
    }

    static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
                AuthorityUtils.createAuthorityList(Role.LEADER.authority())));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
