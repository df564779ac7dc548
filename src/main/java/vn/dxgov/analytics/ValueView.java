package vn.dxgov.analytics;

import org.springframework.http.HttpStatus;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;

/**
 * Which figures an answer is computed from. Everyone reads {@link #APPROVED} figures by default: what the steering
 * department approved (or recorded itself). {@link #PENDING} is the steering department's preview: approved figures
 * with submitted, not yet approved ones in their place; every answer it changes is marked {@code pending}. Drafts and
 * co-operating agencies' contributions never enter analytics.
 */
public enum ValueView {
    APPROVED,
    PENDING;

    /**
     * Refuses (403) a view the current user may not ask for: the preview with submitted figures is the steering
     * department's ({@link CurrentUser#steering()}); everyone else reads approved figures.
     */
    public void requireAllowed() {
        if (this == PENDING && !CurrentUser.steering()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "dataValue.viewForbidden");
        }
    }
}
