package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a reviewer sends becomes one of the two stored decisions, or nothing. */
class ReviewDecisionTest {

    @Test
    void bothSpellingsOfEachDecisionAreRead() {
        assertThat(ReviewDecision.parse("ACCEPT")).contains(ReviewDecision.ACCEPTED);
        assertThat(ReviewDecision.parse(" accepted ")).contains(ReviewDecision.ACCEPTED);
        assertThat(ReviewDecision.parse("adjust")).contains(ReviewDecision.ADJUSTED);
        assertThat(ReviewDecision.parse("ADJUSTED")).contains(ReviewDecision.ADJUSTED);
    }

    @Test
    void anythingElseIsNoDecision() {
        assertThat(ReviewDecision.parse(null)).isEmpty();
        assertThat(ReviewDecision.parse("")).isEmpty();
        assertThat(ReviewDecision.parse("REJECT")).isEmpty();
        assertThat(ReviewDecision.stored(null)).isNull();
        assertThat(ReviewDecision.stored("ADJUSTED")).isEqualTo(ReviewDecision.ADJUSTED);
    }
}
