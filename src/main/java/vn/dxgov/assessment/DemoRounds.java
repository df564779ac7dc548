package vn.dxgov.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writing demonstration rounds (the demo module; the application itself or an administrator only): a published round
 * with every unit's self-assessment and the reviewers' adjustments, written in one transaction and in bulk (549
 * communes with 17 criteria each in a few seconds, where the workflow would take an audited request per criterion),
 * flagged
 * {@link Assessments.Round#demo()}. The pages show such a round as "Dữ liệu minh họa"; it never feeds a target: no
 * {@link RoundPublished} is sent for it and the readers of completions leave demo rounds out.
 */
public interface DemoRounds {

    /** The demonstration round of this name, when one was written (each is written once). */
    Optional<Assessments.Round> find(String name);

    /**
     * One unit's demonstration assessment: its answers (as the unit would save them), the reviewer's adjusted
     * points per criterion code (the others are accepted as the unit scored them) and the reason for the adjustments.
     */
    record UnitAnswers(List<Assessments.AnswerInput> answers, Map<String, BigDecimal> adjusted, String reason) {
    }

    /**
     * Opens the round on the units of {@code draft} (the scope rules of {@link Assessments#open}), saves each unit's
     * answers as submitted at {@code submittedAt} by {@code editor}, the adjustments as reviewed by {@code reviewer},
     * and publishes it at {@code publishedAt} with ranks and classifications computed as publication computes them.
     * 409 when a demonstration round of the name exists; 400 for a draft {@link Assessments#open} refuses or an
     * answer to a criterion the set does not have.
     *
     * @param answers the demo's answers for a unit of the round (called once per unit, by name)
     */
    Assessments.Round record(Assessments.RoundDraft draft, Function<Assessments.Participant, UnitAnswers> answers,
                             String editor, String reviewer, Instant submittedAt, Instant publishedAt);
}
