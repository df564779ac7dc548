package vn.dxgov.assessment.internal;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.files.Attachments;

/**
 * The module's public API ({@link Assessments}) over the classes that own each concern: {@link Rounds} (open, close,
 * publish, lists), {@link SelfAssessments} (a unit's answers and evidence), {@link Reviews} (accept or adjust,
 * return), {@link RoundResults} (ranking, results, history) and {@link UnitAgencies} (who self-assesses for a unit);
 * their SQL is in {@link RoundRepository}. Only delegation here: the access checks and transactions are where the
 * work is.
 */
@Service
class AssessmentsFacade implements Assessments {

    private final Rounds rounds;
    private final UnitAssessments unitAssessments;
    private final SelfAssessments self;
    private final Reviews reviews;
    private final RoundResults results;
    private final UnitAgencies agencies;

    AssessmentsFacade(Rounds rounds, UnitAssessments unitAssessments, SelfAssessments self, Reviews reviews,
                      RoundResults results, UnitAgencies agencies) {
        this.rounds = rounds;
        this.unitAssessments = unitAssessments;
        this.self = self;
        this.reviews = reviews;
        this.results = results;
        this.agencies = agencies;
    }

    @Override
    public Round open(RoundDraft draft) {
        return rounds.open(draft);
    }

    @Override
    public List<Round> rounds() {
        return rounds.rounds();
    }

    @Override
    public Round round(long id) {
        return rounds.round(id);
    }

    @Override
    public List<Participant> participants(long roundId) {
        return rounds.participants(roundId);
    }

    @Override
    public Round close(long roundId) {
        return rounds.close(roundId);
    }

    @Override
    public Round publish(long roundId) {
        return rounds.publish(roundId);
    }

    @Override
    public UnitAssessment assessment(long roundId, long unitId) {
        return unitAssessments.assessment(roundId, unitId);
    }

    @Override
    public UnitAssessment save(long roundId, long unitId, List<AnswerInput> answers) {
        return self.save(roundId, unitId, answers);
    }

    @Override
    public UnitAssessment submit(long roundId, long unitId) {
        return self.submit(roundId, unitId);
    }

    @Override
    public Attachments.Attachment addEvidence(long roundId, long unitId, String criterion, String filename,
                                              String mediaType, byte[] bytes) {
        return self.addEvidence(roundId, unitId, criterion, filename, mediaType, bytes);
    }

    @Override
    public void deleteEvidence(long roundId, long unitId, long attachmentId) {
        self.deleteEvidence(roundId, unitId, attachmentId);
    }

    @Override
    public Attachments.Content evidenceFile(long roundId, long unitId, long attachmentId) {
        return self.evidenceFile(roundId, unitId, attachmentId);
    }

    @Override
    public UnitAssessment returnToUnit(long roundId, long unitId, String reason) {
        return reviews.returnToUnit(roundId, unitId, reason);
    }

    @Override
    public UnitAssessment review(long roundId, long unitId, String criterion, ReviewInput review) {
        return reviews.review(roundId, unitId, criterion, review);
    }

    @Override
    public Results results(long roundId) {
        return results.results(roundId);
    }

    @Override
    public List<HistoryEntry> history(long unitId) {
        return results.history(unitId);
    }

    @Override
    public UnitAgency linkAgency(long unitId, long agencyId) {
        return agencies.linkAgency(unitId, agencyId);
    }

    @Override
    public List<UnitAgency> unitAgencies() {
        return agencies.unitAgencies();
    }

    @Override
    public List<UnitAgency> linkAgencies(long roundId) {
        return agencies.linkAgencies(roundId);
    }

    @Override
    public List<Round> myRounds() {
        return rounds.myRounds();
    }

    @Override
    public List<Long> myUnits() {
        return agencies.myUnits();
    }
}
