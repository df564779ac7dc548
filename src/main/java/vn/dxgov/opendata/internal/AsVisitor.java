package vn.dxgov.opendata.internal;

import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a read as an anonymous visitor of the public pages ({@code CurrentUser.anonymous()}), whoever is logged in: the
 * open data are what everyone may read, never what the current user happens to see (a steering official would see
 * drafts, a user of a province only that province).
 */
final class AsVisitor {

    private AsVisitor() {
    }

    static <T> T read(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext visitor = SecurityContextHolder.createEmptyContext();
        visitor.setAuthentication(new AnonymousAuthenticationToken("dxgov-opendata", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        SecurityContextHolder.setContext(visitor);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
