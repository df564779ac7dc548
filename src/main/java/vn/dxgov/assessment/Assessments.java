package vn.dxgov.assessment;

import static vn.dxgov.shared.web.Limits.Kind.NAME;
import static vn.dxgov.shared.web.Limits.Kind.TEXT;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.dxgov.shared.web.Figure;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.shared.web.YearRange;
import vn.dxgov.units.UnitLevel;

/**
 * Assessment rounds (đợt đánh giá): the steering department opens a round on a criteria set version for the units
 * of a level in scope on the round's reference date; each unit's staff self-assess with evidence per criterion and
 * submit while the round is open and before its deadline; reviewers accept or adjust each criterion with a reason;
 * publication computes final scores, ranks (equal scores share a rank: 1, 2, 2, 4) and classifications and makes
 * everything read-only. Every write is audited; refusals are {@code ApiException}s (403, 404, 409).
 *
 * <p>A unit's staff are the EDITOR users of the agency tied to the unit ({@link #linkAgency}).
 */
public interface Assessments {

    enum RoundStatus {
        /** units self-assess */
        OPEN,
        /** self-assessment closed; reviewers finish */
        CLOSED,
        /** results published, read-only */
        PUBLISHED
    }

    /** Where a unit's self-assessment is in a round (stored as its name in {@code assessment_participant.status}). */
    enum ParticipantStatus {
        /** the unit's staff fill it in (again, once the steering department returned it) */
        DRAFT,
        /** sent to the steering department, which reviews it; the unit can no longer change it */
        SUBMITTED
    }

    /**
     * What opens a round. Units: {@code unitIds} when given; otherwise every unit of {@code level} under
     * {@code scopeUnitId} (or the province with {@code provinceCode}) valid on {@code referenceDate}; for the
     * province level without a scope, every province valid on that date (34 from 1/7/2025).
     */
    record RoundDraft(@MaxChars(NAME) String name, Long criteriaSetId, @YearRange Integer year, UnitLevel level,
                      LocalDate referenceDate, LocalDate deadline, Long scopeUnitId, @MaxChars(NAME) String provinceCode,
                      List<Long> unitIds) {
    }

    /** A round; {@code demo}: written by the demonstration history ({@link DemoRounds}), never fed into targets. */
    record Round(long id, String name, long criteriaSetId, String criteriaSetCode, int criteriaSetYear,
                 UnitLevel level, int year, LocalDate referenceDate, LocalDate deadline, Long scopeUnitId,
                 RoundStatus status, int unitCount, int submittedCount, String createdBy, Instant createdAt,
                 String publishedBy, Instant publishedAt, boolean demo) {
    }

    /** A unit in a round with the state of its self-assessment and its current scores. */
    record Participant(long unitId, String unitCode, String unitName, Long agencyId, ParticipantStatus status,
                       String submittedBy, Instant submittedAt, BigDecimal selfTotal, BigDecimal total,
                       int reviewedCount, int criteriaCount) {
    }

    /** One criterion of a unit's assessment. {@code review} is null, ACCEPTED or ADJUSTED. */
    record Line(String code, String name, String groupName, BigDecimal maxPoints, RuleType rule, boolean mandatory,
                String steps, String indicator, CriterionInput input, String evidence, BigDecimal selfPoints,
                String review, BigDecimal reviewPoints, String reviewReason, String reviewedBy,
                BigDecimal finalPoints) {
    }

    /** A unit's assessment in a round, with what the current user may do. */
    record UnitAssessment(Round round, Participant participant, List<Line> lines, SetScore selfScore,
                          SetScore finalScore, boolean mayEdit, boolean mayReview,
                          Map<String, List<vn.dxgov.files.Attachments.Attachment>> files) {
    }

    /** What a unit reports for one criterion, with its evidence (description, document numbers, links). */
    record AnswerInput(@MaxChars(NAME) String criterion, Boolean yes,
                       @Figure(integerDigits = 14, decimals = 4) BigDecimal value,
                       @Figure(integerDigits = 14, decimals = 4) BigDecimal numerator,
                       @Figure(integerDigits = 14, decimals = 4) BigDecimal denominator,
                       @Figure(integerDigits = 10, decimals = 2) BigDecimal points, @MaxChars(TEXT) String evidence) {
    }

    /** A reviewer's decision on one criterion: ACCEPT the unit's points, or ADJUST to {@code points} with a reason. */
    record ReviewInput(@MaxChars(NAME) String decision, @Figure(integerDigits = 10, decimals = 2) BigDecimal points,
                       @MaxChars(TEXT) String reason) {
    }

    /** A unit's result; rank change = previous rank − rank (positive: moved up), null without a previous round. */
    record Result(int rank, long unitId, String unitCode, String unitName, BigDecimal total, BigDecimal index,
                  String classificationCode, String classificationName, boolean mandatoryMet, Integer previousRank,
                  Integer rankChange, Map<String, BigDecimal> points) {
    }

    record Results(Round round, boolean published, List<Result> results) {
    }

    /** One published round of a unit's history; {@code demo}: a demonstration round. */
    record HistoryEntry(long roundId, String roundName, String criteriaSetCode, int year, BigDecimal total, int rank,
                        int unitCount, String classificationName, Integer rankChange, boolean demo) {
    }

    record UnitAgency(long unitId, long agencyId) {
    }

    Round open(RoundDraft draft);

    List<Round> rounds();

    Round round(long id);

    List<Participant> participants(long roundId);

    Round close(long roundId);

    Round publish(long roundId);

    UnitAssessment assessment(long roundId, long unitId);

    UnitAssessment save(long roundId, long unitId, List<AnswerInput> answers);

    UnitAssessment submit(long roundId, long unitId);

    /** Attaches an evidence file to one criterion of a unit's self-assessment (the unit's staff, while they may edit). */
    vn.dxgov.files.Attachments.Attachment addEvidence(long roundId, long unitId, String criterion, String filename,
                                                      String mediaType, byte[] bytes);

    /** Removes an evidence file (the unit's staff, while they may edit). */
    void deleteEvidence(long roundId, long unitId, long attachmentId);

    /** An evidence file of a unit's assessment you may read. */
    vn.dxgov.files.Attachments.Content evidenceFile(long roundId, long unitId, long attachmentId);

    /** Sends a submitted self-assessment back to the unit while the round is open (steering department). */
    UnitAssessment returnToUnit(long roundId, long unitId, String reason);

    UnitAssessment review(long roundId, long unitId, String criterion, ReviewInput review);

    /** Results: the published ones, or (steering department, leaders) the provisional ranking of an unpublished round. */
    Results results(long roundId);

    List<HistoryEntry> history(long unitId);

    /** Ties a unit to the agency whose staff self-assess for it (steering department). */
    UnitAgency linkAgency(long unitId, long agencyId);

    List<UnitAgency> unitAgencies();

    /**
     * Ties every unit of a round without an agency to its People's Committee ("UBND xã X"), found by name among the
     * province's agencies or created (flagged for review) through the agency directory; returns the new ties.
     */
    List<UnitAgency> linkAgencies(long roundId);

    /** Rounds in which a unit the current user belongs to takes part, newest first. */
    List<Round> myRounds();

    /** The units (ids) the current user self-assesses for. */
    List<Long> myUnits();
}
