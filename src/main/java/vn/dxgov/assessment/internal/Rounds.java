package vn.dxgov.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.assessment.Assessments.Participant;
import vn.dxgov.assessment.Assessments.Result;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.RoundDraft;
import vn.dxgov.assessment.Assessments.RoundStatus;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.RoundPublished;
import vn.dxgov.security.AuditLog;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;

/**
 * A round's life: the steering department opens it on a criteria set for the units in scope, closes the
 * self-assessment and publishes the results (stored ranked, read-only from then on, announced as
 * {@link RoundPublished}); everyone lists the rounds they may see.
 */
@Service
class Rounds {

    private final RoundRepository repo;
    private final CriteriaSetService sets;
    private final RoundScope scope;
    private final ParticipantScores scores;
    private final RoundResults results;
    private final UnitAgencies staff;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Rounds(RoundRepository repo, CriteriaSetService sets, RoundScope scope, ParticipantScores scores,
           RoundResults results, UnitAgencies staff, AuditLog audit, ApplicationEventPublisher events) {
        this.repo = repo;
        this.sets = sets;
        this.scope = scope;
        this.scores = scores;
        this.results = results;
        this.staff = staff;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public Round open(RoundDraft d) {
        AssessmentAccess.requireSteering();
        if (d == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        List<String> problems = new ArrayList<>();
        CriteriaSet set = check(d, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assessment.round.invalid");
        }
        List<AdminUnit> units = scope.units(d, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assessment.round.invalid");
        }
        if (units.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("units: không có đơn vị " + RoundScope.levelWords(d.level(), false)
                    + " nào có hiệu lực ngày " + vn.dxgov.shared.VietDates.day(d.referenceDate()) + " trong phạm vi đã chọn / no "
                    + RoundScope.levelWords(d.level(), true) + " unit in the chosen scope is valid on that date"),
                    "assessment.round.invalid");
        }
        if (!vn.dxgov.security.CurrentUser.maySteer(repo.provinceOfUnit(scope.scopeUnitId(d)))) {
            // a round for another province's units (or a national one) is not this steering department's to open
            throw AssessmentAccess.forbidden();
        }
        long id = repo.insertRound(d.name().strip(), set.id(), d.level(), d.year(), d.referenceDate(), d.deadline(),
                scope.scopeUnitId(d), AssessmentAccess.actor());
        for (AdminUnit u : units) {
            repo.insertParticipant(id, u.id(), u.code(), RoundScope.label(u));
        }
        Round r = repo.round(id);
        audit.record("assessmentRound.open", "assessment_round", id, null, r);
        return r;
    }

    /** What is missing or wrong in a draft, into {@code problems}; the criteria set when it exists. */
    private CriteriaSet check(RoundDraft d, List<String> problems) {
        if (d.name() == null || d.name().isBlank()) {
            problems.add("name: nhập tên đợt đánh giá / give the round a name");
        }
        CriteriaSet set = null;
        if (d.criteriaSetId() == null) {
            problems.add("criteriaSetId: chọn bộ tiêu chí / choose a criteria set");
        } else {
            set = sets.find(d.criteriaSetId()).orElse(null);
            if (set == null) {
                problems.add("criteriaSetId: không có bộ tiêu chí số " + d.criteriaSetId() + "; chọn lại trong danh sách / there is no"
                        + " criteria set " + d.criteriaSetId() + "; choose one from the list");
            }
        }
        if (d.year() == null || d.year() < 2000 || d.year() > 2100) {
            problems.add("year: năm đánh giá phải từ 2000 đến 2100 / the year must be from 2000 to 2100");
        }
        if (d.level() == null) {
            problems.add("level: chọn cấp đánh giá / choose the level assessed");
        } else if (set != null && set.level() != d.level()) {
            // in words, never the enum's name ("COMMUNE"): the page shows this next to the level (issue 14)
            problems.add("level: bộ tiêu chí \u201c" + set.name() + "\u201d dành cho " + RoundScope.levelWords(set.level(), false)
                    + ", không phải " + RoundScope.levelWords(d.level(), false) + "; chọn " + RoundScope.levelWords(set.level(), false)
                    + " hoặc một bộ tiêu chí " + RoundScope.levelWords(d.level(), false) + " / the criteria set is for the "
                    + RoundScope.levelWords(set.level(), true) + " level, not the " + RoundScope.levelWords(d.level(), true)
                    + " level; choose that level or another criteria set");
        }
        if (d.referenceDate() == null) {
            problems.add("referenceDate: nhập ngày xác định đơn vị trong phạm vi / give the date the units are taken on");
        }
        if (d.deadline() == null) {
            problems.add("deadline: nhập hạn tự đánh giá / give the self-assessment deadline");
        }
        return set;
    }

    @Transactional(readOnly = true)
    public List<Round> rounds() {
        return repo.rounds();
    }

    @Transactional(readOnly = true)
    public Round round(long id) {
        return repo.round(id);
    }

    @Transactional(readOnly = true)
    public List<Round> myRounds() {
        List<Long> mine = staff.myUnits();
        if (mine.isEmpty()) {
            return List.of();
        }
        return repo.roundsOf(mine);
    }

    @Transactional(readOnly = true)
    public List<Participant> participants(long roundId) {
        Round r = repo.round(roundId);
        if (!AssessmentAccess.readsAll()) {
            List<Long> mine = staff.myUnits();
            return scores.participants(r).stream().filter(p -> mine.contains(p.unitId())).toList();
        }
        return scores.participants(r);
    }

    @Transactional
    public Round close(long roundId) {
        AssessmentAccess.requireSteering();
        Round r = repo.steered(roundId);
        if (r.status() != RoundStatus.OPEN) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.notOpen");
        }
        repo.close(roundId);
        Round after = repo.round(roundId);
        audit.record("assessmentRound.close", "assessment_round", roundId, r, after);
        return after;
    }

    /**
     * Stores the final results and makes the round read-only. {@link RoundPublished} goes out with the commit (once
     * per round: a published round is never published again, nor unpublished).
     */
    @Transactional
    public Round publish(long roundId) {
        AssessmentAccess.requireSteering();
        Round r = repo.steered(roundId);
        if (r.status() == RoundStatus.PUBLISHED) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.published");
        }
        List<Result> computed = results.compute(r);
        for (Result x : computed) {
            repo.insertResult(roundId, x);
        }
        repo.markPublished(roundId, AssessmentAccess.actor());
        Round after = repo.round(roundId);
        audit.record("assessmentRound.publish", "assessment_round", roundId, r,
                Map.of("round", after, "results", computed.size()));
        events.publishEvent(new RoundPublished(after.id(), after.criteriaSetId(), after.level(), after.year(),
                after.scopeUnitId(), computed.size(), after.publishedAt()));
        return after;
    }
}
