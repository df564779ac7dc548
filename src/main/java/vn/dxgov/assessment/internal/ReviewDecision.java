package vn.dxgov.assessment.internal;

import java.util.Optional;

/**
 * A reviewer's decision on one criterion, as {@code assessment_answer.review} stores it (by name): the unit's points
 * accepted, or adjusted to the reviewer's points with a reason. The public view ({@code Assessments.Line.review})
 * carries the name.
 */
enum ReviewDecision {
    ACCEPTED,
    ADJUSTED;

    /** What a reviewer sends: ACCEPT or ACCEPTED, ADJUST or ADJUSTED (any case); empty for anything else. */
    static Optional<ReviewDecision> parse(String text) {
        String d = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (d) {
            case "ACCEPT", "ACCEPTED" -> Optional.of(ACCEPTED);
            case "ADJUST", "ADJUSTED" -> Optional.of(ADJUSTED);
            default -> Optional.empty();
        };
    }

    /** The stored name, or null for none. */
    static ReviewDecision stored(String name) {
        return name == null ? null : valueOf(name);
    }
}
