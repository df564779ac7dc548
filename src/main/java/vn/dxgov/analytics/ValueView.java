package vn.dxgov.analytics;

/**
 * Which figures an answer is computed from. Everyone reads {@link #APPROVED} figures by default: what the steering
 * department approved (or recorded itself). {@link #PENDING} is the steering department's preview: approved figures
 * with submitted, not yet approved ones in their place; every answer it changes is marked {@code pending}. Drafts and
 * co-operating agencies' contributions never enter analytics.
 */
public enum ValueView {
    APPROVED,
    PENDING
}
