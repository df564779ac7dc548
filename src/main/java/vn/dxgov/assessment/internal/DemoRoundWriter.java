package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.assessment.Assessments.AnswerInput;
import vn.dxgov.assessment.Assessments.Participant;
import vn.dxgov.assessment.Assessments.ParticipantStatus;
import vn.dxgov.assessment.Assessments.Result;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.RoundDraft;
import vn.dxgov.assessment.Assessments.RoundStatus;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.DemoRounds;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;

/**
 * The demonstration history's way into assessment ({@link DemoRounds}): the scope and the results are the ordinary
 * ones ({@link RoundScope}, {@link RoundResults#compute}); the rows in between (participants, answers, reviews) are
 * written in JDBC batches with the past instants the demo chose. Publishing sends no {@code RoundPublished}: a
 * demonstration round feeds nothing. Measured on the 2-core machine shared with other builds: Thanh Hóa's 549
 * communes of 2024 with 17 criteria each (9,333 answers) in about 4 s (scope 0.3–0.9 s, answers 1.7 s, scores
 * 1.5 s, results 0.5 s), the four demo rounds in 5–7 s, where the workflow (a save, a submit and 17 audited reviews
 * per unit) would take minutes.
 */
@Service
class DemoRoundWriter implements DemoRounds {

    private final RoundRepository repo;
    private final CriteriaSetService sets;
    private final RoundScope scope;
    private final RoundResults results;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditLog audit;

    DemoRoundWriter(RoundRepository repo, CriteriaSetService sets, RoundScope scope, RoundResults results,
                    JdbcClient jdbc, JdbcTemplate batch, AuditLog audit) {
        this.repo = repo;
        this.sets = sets;
        this.scope = scope;
        this.results = results;
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Round> find(String name) {
        return jdbc.sql("select id from assessment_round where demo and name = ? order by id limit 1").param(name)
                .query(Long.class).optional().map(repo::round);
    }

    @Override
    @Transactional
    public Round record(RoundDraft d, Function<Participant, UnitAnswers> answers, String editor, String reviewer,
                        Instant submittedAt, Instant publishedAt) {
        if (!CurrentUser.system() && !CurrentUser.hasRole(Role.ADMIN)) {
            throw AssessmentAccess.forbidden();
        }
        if (d == null || d.name() == null || d.criteriaSetId() == null || d.level() == null || d.year() == null
                || d.referenceDate() == null || d.deadline() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        if (find(d.name().strip()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.published");
        }
        CriteriaSet set = sets.require(d.criteriaSetId());
        List<String> problems = new ArrayList<>();
        List<AdminUnit> units = scope.units(d, problems);
        if (!problems.isEmpty() || units.isEmpty() || set.level() != d.level()) {
            problems.add("units: không có đơn vị nào trong phạm vi (hoặc cấp không khớp bộ tiêu chí)");
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assessment.round.invalid");
        }
        long id = repo.insertRound(d.name().strip(), set.id(), d.level(), d.year(), d.referenceDate(), d.deadline(),
                scope.scopeUnitId(d), reviewer);
        Timestamp submitted = Timestamp.from(submittedAt);
        batch.batchUpdate("""
                        insert into assessment_participant (round_id, unit_id, unit_code, unit_name, status, submitted_by,
                            submitted_at) values (?, ?, ?, ?, ?, ?, ?)""",
                units.stream().map(u -> new Object[]{id, u.id(), u.code(), RoundScope.label(u),
                        ParticipantStatus.SUBMITTED.name(), editor, submitted}).toList());
        List<Object[]> rows = answerRows(id, set, units, answers, editor, reviewer, submittedAt, publishedAt);
        batch.batchUpdate("""
                insert into assessment_answer (round_id, unit_id, criterion_code, yes, value, numerator, denominator,
                    proposed_points, evidence, updated_by, updated_at, review, review_points, review_reason, reviewed_by,
                    reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        List<Result> computed = results.compute(repo.round(id));
        for (Result x : computed) {
            repo.insertResult(id, x);
        }
        jdbc.sql("""
                        update assessment_round set demo = true, status = ?, created_at = ?, published_by = ?,
                            published_at = ? where id = ?""")
                .params(RoundStatus.PUBLISHED.name(), Timestamp.from(submittedAt.minusSeconds(30L * 86_400)), reviewer,
                        Timestamp.from(publishedAt), id).update();
        Round after = repo.round(id);
        audit.record("assessmentRound.demo", "assessment_round", id, null,
                Map.of("round", after, "results", computed.size()));
        return after;
    }

    /** The rows of assessment_answer: each unit's answers (the demo's), accepted or adjusted by the reviewer. */
    private static List<Object[]> answerRows(long id, CriteriaSet set, List<AdminUnit> units,
                                             Function<Participant, UnitAnswers> answers, String editor, String reviewer,
                                             Instant submittedAt, Instant publishedAt) {
        Timestamp submitted = Timestamp.from(submittedAt);
        Map<String, Node> criteria = new HashMap<>();
        set.document().criteria().forEach(c -> criteria.put(c.code(), c));
        List<Object[]> rows = new ArrayList<>();
        for (AdminUnit u : units) {
            Participant p = new Participant(u.id(), u.code(), RoundScope.label(u), null, ParticipantStatus.SUBMITTED,
                    editor, submittedAt, null, null, 0, criteria.size());
            UnitAnswers a = answers.apply(p);
            for (AnswerInput x : a.answers()) {
                Node c = criteria.get(x.criterion());
                BigDecimal adjusted = a.adjusted() == null ? null : a.adjusted().get(x.criterion());
                if (c == null || (adjusted != null && (adjusted.signum() < 0 || adjusted.compareTo(c.maxPoints()) > 0))) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, List.of("criterion: " + x.criterion()),
                            "assessment.answer.invalid");
                }
                rows.add(new Object[]{id, u.id(), x.criterion(), x.yes(), x.value(), x.numerator(), x.denominator(),
                        x.points(), x.evidence(), editor, submitted,
                        (adjusted == null ? ReviewDecision.ACCEPTED : ReviewDecision.ADJUSTED).name(), adjusted,
                        adjusted == null ? null : a.reason(), reviewer, Timestamp.from(publishedAt.minusSeconds(86_400))});
            }
        }
        return rows;
    }
}
