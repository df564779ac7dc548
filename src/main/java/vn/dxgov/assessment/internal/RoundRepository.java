package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.assessment.Assessments.AnswerInput;
import vn.dxgov.assessment.Assessments.HistoryEntry;
import vn.dxgov.assessment.Assessments.ParticipantStatus;
import vn.dxgov.assessment.Assessments.Result;
import vn.dxgov.assessment.Assessments.Round;
import vn.dxgov.assessment.Assessments.RoundStatus;
import vn.dxgov.assessment.Assessments.UnitAgency;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.UnitLevel;

/**
 * The SQL of assessment rounds in one place: rounds, their participants, answers and reviews, stored results and the
 * units' agencies. Every value is a bound parameter, statuses included (bound as their enum's name); the services
 * decide what may happen, this class only reads and writes rows.
 */
@Repository
class RoundRepository {

    /** A participant as stored: its unit, the agency tied to the unit and where its self-assessment is. */
    record ParticipantRow(long unitId, String unitCode, String unitName, Long agencyId, ParticipantStatus status,
                          String submittedBy, Instant submittedAt) {
    }

    private static final String ROUND = """
            select r.*, s.code as set_code, s.year as set_year,
                   (select count(*) from assessment_participant p where p.round_id = r.id) as unit_count,
                   (select count(*) from assessment_participant p
                     where p.round_id = r.id and p.status = :submitted) as submitted_count
            from assessment_round r join criteria_set s on s.id = r.criteria_set_id""";

    private static final String PARTICIPANT = """
            select p.*, a.agency_id from assessment_participant p
            left join assessment_unit_agency a on a.unit_id = p.unit_id
            where p.round_id = :round""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final vn.dxgov.units.AdminUnits units;

    RoundRepository(JdbcClient jdbc, ObjectMapper json, vn.dxgov.units.AdminUnits units) {
        this.jdbc = jdbc;
        this.json = json;
        this.units = units;
    }

    /** The province a round belongs to: its scope unit's (null: a round without a scope, national). */
    String province(Round r) {
        return r.scopeUnitId() == null ? null : units.provinceCode(r.scopeUnitId()).orElse(null);
    }

    /** A unit of a province the user may read (its results, its history): another province's is not found. */
    void requireReadableUnit(long unitId) {
        if (!vn.dxgov.security.CurrentUser.mayRead(provinceOfUnit(unitId))) {
            throw ApiException.notFound("unit", unitId);
        }
    }

    /** The province of a unit (null: none). */
    String provinceOfUnit(Long unitId) {
        return unitId == null ? null : units.provinceCode(unitId).orElse(null);
    }

    /**
     * Rounds follow the province of their scope: another province's round does not exist for the user, whoever asks
     * (every read of a round comes through here, so no caller can forget it).
     */
    private boolean visible(Round r) {
        return vn.dxgov.security.CurrentUser.mayRead(province(r));
    }

    /** A round the current user may steer (close, publish, review, return): 404 when not readable, else 403. */
    Round steered(long id) {
        Round r = round(id);
        if (!vn.dxgov.security.CurrentUser.maySteer(province(r))) {
            throw AssessmentAccess.forbidden();
        }
        return r;
    }

    // ===================================================================== rounds

    private static Round mapRound(ResultSet rs, int i) throws SQLException {
        long scope = rs.getLong("scope_unit_id");
        Long scopeId = rs.wasNull() ? null : scope;
        return new Round(rs.getLong("id"), rs.getString("name"), rs.getLong("criteria_set_id"), rs.getString("set_code"),
                rs.getInt("set_year"), UnitLevel.valueOf(rs.getString("level")), rs.getInt("year"),
                rs.getObject("reference_date", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                scopeId, RoundStatus.valueOf(rs.getString("status")),
                rs.getInt("unit_count"), rs.getInt("submitted_count"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), rs.getString("published_by"), instant(rs.getTimestamp("published_at")),
                rs.getBoolean("demo"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private JdbcClient.StatementSpec rounds(String where) {
        return jdbc.sql(ROUND + where).param("submitted", ParticipantStatus.SUBMITTED.name());
    }

    /** The round, or a 404. */
    Round round(long id) {
        return rounds(" where r.id = :id").param("id", id).query(RoundRepository::mapRound).optional()
                .filter(this::visible).orElseThrow(() -> ApiException.notFound("assessment round", id));
    }

    /** Every round, newest first. */
    List<Round> rounds() {
        return rounds(" order by r.year desc, r.id desc").query(RoundRepository::mapRound).list().stream()
                .filter(this::visible).toList();
    }

    /** The rounds in which one of the units takes part, newest first. */
    List<Round> roundsOf(List<Long> unitIds) {
        return rounds("""
                 where exists (select 1 from assessment_participant p where p.round_id = r.id and p.unit_id in (:units))
                 order by r.year desc, r.id desc""")
                .param("units", unitIds).query(RoundRepository::mapRound).list().stream().filter(this::visible).toList();
    }

    long insertRound(String name, long criteriaSetId, UnitLevel level, int year, LocalDate referenceDate,
                     LocalDate deadline, Long scopeUnitId, String createdBy) {
        return jdbc.sql("""
                insert into assessment_round (name, criteria_set_id, level, year, reference_date, deadline, scope_unit_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(name, criteriaSetId, level.name(), year, referenceDate, deadline, scopeUnitId, createdBy)
                .query(Long.class).single();
    }

    void insertParticipant(long roundId, long unitId, String unitCode, String unitName) {
        jdbc.sql("insert into assessment_participant (round_id, unit_id, unit_code, unit_name) values (?, ?, ?, ?)")
                .params(roundId, unitId, unitCode, unitName).update();
    }

    void close(long roundId) {
        jdbc.sql("update assessment_round set status = ? where id = ?").params(RoundStatus.CLOSED.name(), roundId).update();
    }

    void markPublished(long roundId, String publishedBy) {
        jdbc.sql("update assessment_round set status = ?, published_by = ?, published_at = now() where id = ?")
                .params(RoundStatus.PUBLISHED.name(), publishedBy, roundId).update();
    }

    // ===================================================================== participants

    private static ParticipantRow mapParticipant(ResultSet rs, int i) throws SQLException {
        long agency = rs.getLong("agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        return new ParticipantRow(rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"), agencyId,
                ParticipantStatus.valueOf(rs.getString("status")), rs.getString("submitted_by"),
                instant(rs.getTimestamp("submitted_at")));
    }

    /** The units of a round, unsorted. */
    List<ParticipantRow> participants(long roundId) {
        return jdbc.sql(PARTICIPANT).param("round", roundId).query(RoundRepository::mapParticipant).list();
    }

    Optional<ParticipantRow> participant(long roundId, long unitId) {
        return jdbc.sql(PARTICIPANT + " and p.unit_id = :unit").param("round", roundId).param("unit", unitId)
                .query(RoundRepository::mapParticipant).optional();
    }

    void submit(long roundId, long unitId, String submittedBy) {
        jdbc.sql("""
                update assessment_participant set status = ?, submitted_by = ?, submitted_at = now()
                where round_id = ? and unit_id = ?""")
                .params(ParticipantStatus.SUBMITTED.name(), submittedBy, roundId, unitId).update();
    }

    /** Back to the unit; who submitted and when stay recorded. */
    void returnToDraft(long roundId, long unitId) {
        jdbc.sql("update assessment_participant set status = ? where round_id = ? and unit_id = ?")
                .params(ParticipantStatus.DRAFT.name(), roundId, unitId).update();
    }

    // ===================================================================== answers and reviews

    private static void addAnswer(ResultSet rs, Map<Long, Map<String, Answer>> out) throws SQLException {
        boolean yes = rs.getBoolean("yes");
        Boolean y = rs.wasNull() ? null : yes;
        out.computeIfAbsent(rs.getLong("unit_id"), k -> new HashMap<>()).put(rs.getString("criterion_code"),
                new Answer(rs.getString("criterion_code"), y, rs.getBigDecimal("value"),
                        rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"),
                        rs.getBigDecimal("proposed_points"), rs.getString("evidence"), ReviewDecision.stored(rs.getString("review")),
                        rs.getBigDecimal("review_points"), rs.getString("review_reason"),
                        rs.getString("reviewed_by")));
    }

    /** The answers of a round: unit → criterion code → answer. */
    Map<Long, Map<String, Answer>> answers(long roundId) {
        Map<Long, Map<String, Answer>> out = new HashMap<>();
        jdbc.sql("select * from assessment_answer where round_id = ?").param(roundId)
                .query((ResultSet rs) -> addAnswer(rs, out));
        return out;
    }

    /** One unit's answers: criterion code → answer. */
    Map<String, Answer> answers(long roundId, long unitId) {
        Map<Long, Map<String, Answer>> out = new HashMap<>();
        jdbc.sql("select * from assessment_answer where round_id = ? and unit_id = ?").params(roundId, unitId)
                .query((ResultSet rs) -> addAnswer(rs, out));
        return out.getOrDefault(unitId, Map.of());
    }

    /** A unit's answer to one criterion, created or replaced (its review, if any, stays). */
    void saveAnswer(long roundId, long unitId, AnswerInput x, String evidence, String updatedBy) {
        jdbc.sql("""
                insert into assessment_answer (round_id, unit_id, criterion_code, yes, value, numerator, denominator,
                    proposed_points, evidence, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                on conflict (round_id, unit_id, criterion_code) do update set yes = excluded.yes, value = excluded.value,
                    numerator = excluded.numerator, denominator = excluded.denominator,
                    proposed_points = excluded.proposed_points, evidence = excluded.evidence,
                    updated_by = excluded.updated_by, updated_at = now()""")
                .params(roundId, unitId, x.criterion(), x.yes(), x.value(), x.numerator(), x.denominator(), x.points(),
                        evidence, updatedBy)
                .update();
    }

    /** A reviewer's decision on one criterion, created or replaced (the unit's answer, if any, stays). */
    void saveReview(long roundId, long unitId, String criterion, ReviewDecision review, BigDecimal points, String reason,
                    String reviewedBy) {
        jdbc.sql("""
                insert into assessment_answer (round_id, unit_id, criterion_code, review, review_points, review_reason,
                    reviewed_by, reviewed_at)
                values (?, ?, ?, ?, ?, ?, ?, now())
                on conflict (round_id, unit_id, criterion_code) do update set review = excluded.review,
                    review_points = excluded.review_points, review_reason = excluded.review_reason,
                    reviewed_by = excluded.reviewed_by, reviewed_at = now()""")
                .params(roundId, unitId, criterion, review.name(), points, reason, reviewedBy)
                .update();
    }

    // ===================================================================== results and history

    void insertResult(long roundId, Result x) {
        jdbc.sql("""
                insert into assessment_result (round_id, unit_id, unit_code, unit_name, total, index_value, rank,
                    classification_code, classification_name, mandatory_met, points)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(roundId, x.unitId(), x.unitCode(), x.unitName(), x.total(), x.index(), x.rank(),
                        x.classificationCode(), x.classificationName(), x.mandatoryMet(),
                        json.writeValueAsString(x.points()))
                .update();
    }

    /** The results stored at publication, unsorted, with the rank change against {@code previousRanks}. */
    List<Result> results(long roundId, Map<Long, Integer> previousRanks) {
        return jdbc.sql("select * from assessment_result where round_id = ?").param(roundId)
                .query((rs, i) -> {
                    long unit = rs.getLong("unit_id");
                    int rank = rs.getInt("rank");
                    Integer prev = previousRanks.get(unit);
                    return new Result(rank, unit, rs.getString("unit_code"), rs.getString("unit_name"),
                            rs.getBigDecimal("total"), rs.getBigDecimal("index_value"),
                            rs.getString("classification_code"), rs.getString("classification_name"),
                            rs.getBoolean("mandatory_met"), prev, prev == null ? null : prev - rank,
                            json.readValue(rs.getString("points"), new TypeReference<LinkedHashMap<String, BigDecimal>>() {
                            }));
                }).list();
    }

    /**
     * Unit → rank in the latest published round of {@code year} on the criteria set code and level, where the unit
     * was ranked (the same rule as the rankings, {@link RankingService}).
     */
    Map<Long, Integer> ranks(String criteriaSetCode, UnitLevel level, int year) {
        Map<Long, Integer> out = new HashMap<>();
        jdbc.sql("""
                select distinct on (res.unit_id) res.unit_id, res.rank from assessment_result res
                join assessment_round r on r.id = res.round_id
                join criteria_set s on s.id = r.criteria_set_id
                where r.status = ? and s.code = ? and r.level = ? and r.year = ?
                order by res.unit_id, r.published_at desc, r.id desc""")
                .params(RoundStatus.PUBLISHED.name(), criteriaSetCode, level.name(), year)
                .query((ResultSet rs) -> {
                    out.put(rs.getLong("unit_id"), rs.getInt("rank"));
                });
        return out;
    }

    /** A unit's published results by criteria set code, year and publication, without rank changes. */
    List<HistoryEntry> history(long unitId) {
        return jdbc.sql("""
                select r.id, r.name, s.code, r.year, res.total, res.rank, res.classification_name, r.demo,
                       (select count(*) from assessment_result x where x.round_id = r.id) as unit_count
                from assessment_result res join assessment_round r on r.id = res.round_id
                join criteria_set s on s.id = r.criteria_set_id
                where res.unit_id = ? and r.status = ? order by s.code, r.year, r.published_at""")
                .params(unitId, RoundStatus.PUBLISHED.name())
                .query((rs, i) -> new HistoryEntry(rs.getLong("id"), rs.getString("name"), rs.getString("code"),
                        rs.getInt("year"), rs.getBigDecimal("total"), rs.getInt("rank"), rs.getInt("unit_count"),
                        rs.getString("classification_name"), null, rs.getBoolean("demo"))).list();
    }

    // ===================================================================== units and agencies

    Optional<Long> agencyOf(long unitId) {
        return jdbc.sql("select agency_id from assessment_unit_agency where unit_id = ?").param(unitId)
                .query(Long.class).optional();
    }

    /** Ties the unit to the agency, replacing any other tie. */
    void link(long unitId, long agencyId) {
        jdbc.sql("""
                insert into assessment_unit_agency (unit_id, agency_id) values (?, ?)
                on conflict (unit_id) do update set agency_id = excluded.agency_id""").params(unitId, agencyId).update();
    }

    /** Ties the unit to the agency unless it is tied already. */
    void linkIfUnlinked(long unitId, long agencyId) {
        jdbc.sql("insert into assessment_unit_agency (unit_id, agency_id) values (?, ?) on conflict (unit_id) do nothing")
                .params(unitId, agencyId).update();
    }

    boolean linked(long unitId, long agencyId) {
        return jdbc.sql("select count(*) from assessment_unit_agency where unit_id = ? and agency_id = ?")
                .params(unitId, agencyId).query(Integer.class).single() > 0;
    }

    List<UnitAgency> unitAgencies() {
        return jdbc.sql("select unit_id, agency_id from assessment_unit_agency order by unit_id")
                .query((rs, i) -> new UnitAgency(rs.getLong(1), rs.getLong(2))).list();
    }

    List<Long> unitsOf(long agencyId) {
        return jdbc.sql("select unit_id from assessment_unit_agency where agency_id = ?").param(agencyId)
                .query(Long.class).list();
    }
}
