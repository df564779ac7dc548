package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.CriterionInput;
import vn.dxgov.assessment.RuleType;
import vn.dxgov.assessment.SetScore;
import vn.dxgov.files.Attachments;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.AgencyDirectory;

@Service
class RoundService implements Assessments {

    private final JdbcClient jdbc;
    private final CriteriaSetService sets;
    private final AdminUnits units;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final Attachments attachments;

    /** Owner type of evidence files in the files module; the owner id packs round, unit and criterion (see {@link #evidenceKey}). */
    static final String OWNER = "ASSESSMENT_EVIDENCE";

    RoundService(JdbcClient jdbc, CriteriaSetService sets, AdminUnits units, AgencyDirectory agencies, AuditLog audit,
                 ObjectMapper json, Clock clock, Attachments attachments) {
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.sets = sets;
        this.units = units;
        this.agencies = agencies;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    // ===================================================================== rounds

    private static final String ROUND = """
            select r.*, s.code as set_code, s.year as set_year,
                   (select count(*) from assessment_participant p where p.round_id = r.id) as unit_count,
                   (select count(*) from assessment_participant p where p.round_id = r.id and p.status = 'SUBMITTED') as submitted_count
            from assessment_round r join criteria_set s on s.id = r.criteria_set_id""";

    private Round mapRound(ResultSet rs, int i) throws SQLException {
        long scope = rs.getLong("scope_unit_id");
        Long scopeId = rs.wasNull() ? null : scope;
        return new Round(rs.getLong("id"), rs.getString("name"), rs.getLong("criteria_set_id"), rs.getString("set_code"),
                rs.getInt("set_year"), vn.dxgov.units.UnitLevel.valueOf(rs.getString("level")), rs.getInt("year"),
                rs.getObject("reference_date", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                scopeId, RoundStatus.valueOf(rs.getString("status")),
                rs.getInt("unit_count"), rs.getInt("submitted_count"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), rs.getString("published_by"), instant(rs.getTimestamp("published_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @Override
    @Transactional
    public Round open(RoundDraft d) {
        AssessmentAccess.requireSteering();
        List<String> problems = new ArrayList<>();
        if (d == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        if (d.name() == null || d.name().isBlank()) {
            problems.add("name: thiếu tên đợt đánh giá");
        }
        CriteriaSet set = null;
        if (d.criteriaSetId() == null) {
            problems.add("criteriaSetId: chọn bộ tiêu chí");
        } else {
            set = sets.find(d.criteriaSetId()).orElse(null);
            if (set == null) {
                problems.add("criteriaSetId: không có bộ tiêu chí " + d.criteriaSetId());
            }
        }
        if (d.year() == null || d.year() < 2000 || d.year() > 2100) {
            problems.add("year: năm đánh giá phải từ 2000 đến 2100");
        }
        if (d.level() == null) {
            problems.add("level: thiếu cấp đánh giá");
        } else if (set != null && set.level() != d.level()) {
            problems.add("level: bộ tiêu chí dành cho " + set.level() + ", không phải " + d.level());
        }
        if (d.referenceDate() == null) {
            problems.add("referenceDate: thiếu ngày xác định đơn vị trong phạm vi");
        }
        if (d.deadline() == null) {
            problems.add("deadline: thiếu hạn tự đánh giá");
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assessment.round.invalid");
        }
        List<AdminUnit> scope = scope(d, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assessment.round.invalid");
        }
        if (scope.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("units: không có đơn vị nào trong phạm vi"),
                    "assessment.round.invalid");
        }
        Long scopeUnit = d.scopeUnitId();
        if (scopeUnit == null && d.provinceCode() != null) {
            scopeUnit = units.findProvince(d.provinceCode(), d.referenceDate()).map(AdminUnit::id).orElse(null);
        }
        long id = jdbc.sql("""
                insert into assessment_round (name, criteria_set_id, level, year, reference_date, deadline, scope_unit_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(d.name().strip(), set.id(), d.level().name(), d.year(), d.referenceDate(), d.deadline(), scopeUnit,
                        AssessmentAccess.actor())
                .query(Long.class).single();
        for (AdminUnit u : scope) {
            jdbc.sql("insert into assessment_participant (round_id, unit_id, unit_code, unit_name) values (?, ?, ?, ?)")
                    .params(id, u.id(), u.code(), label(u)).update();
        }
        Round r = round(id);
        audit.record("assessmentRound.open", "assessment_round", id, null, r);
        return r;
    }

    /** "Xã Định Tân": the name with its type in front, once (some unit lists already carry the type in the name). */
    static String label(AdminUnit u) {
        if (u.type() == null || u.type().isBlank()
                || VietText.fold(u.name()).toLowerCase().startsWith(VietText.fold(u.type()).toLowerCase() + " ")) {
            return u.name();
        }
        return u.type() + " " + u.name();
    }

    /** The name without its type, for sorting ("Bỉm Sơn" for "Phường Bỉm Sơn"). */
    static String sortName(String label) {
        String folded = VietText.fold(label).toLowerCase();
        for (String type : List.of("thanh pho ", "thi tran ", "thi xa ", "dac khu ", "phuong ", "huyen ", "quan ", "tinh ", "xa ")) {
            if (folded.startsWith(type)) {
                return label.substring(type.length());
            }
        }
        return label;
    }

    /** The units in scope: given ids (each valid on the date and of the level), or every unit of the level below the scope. */
    private List<AdminUnit> scope(RoundDraft d, List<String> problems) {
        List<AdminUnit> out = new ArrayList<>();
        if (d.unitIds() != null && !d.unitIds().isEmpty()) {
            for (Long uid : d.unitIds()) {
                Optional<AdminUnit> u = uid == null ? Optional.empty() : units.find(uid);
                if (u.isEmpty()) {
                    problems.add("unitIds: không có đơn vị " + uid);
                } else if (u.get().level() != d.level() || !u.get().validOn(d.referenceDate())) {
                    problems.add("unitIds: " + label(u.get()) + " không phải đơn vị " + d.level() + " có hiệu lực ngày "
                            + d.referenceDate());
                } else if (out.stream().noneMatch(x -> x.id() == uid)) {
                    out.add(u.get());
                }
            }
            return out;
        }
        AdminUnit root;
        if (d.scopeUnitId() != null) {
            root = units.find(d.scopeUnitId()).orElse(null);
        } else if (d.provinceCode() != null) {
            root = units.findProvince(d.provinceCode(), d.referenceDate()).orElse(null);
        } else if (d.level() == vn.dxgov.units.UnitLevel.PROVINCE) {
            return units.provinces(d.referenceDate());
        } else {
            problems.add("scopeUnitId: chọn tỉnh (provinceCode) hoặc đơn vị phạm vi, hoặc liệt kê unitIds");
            return out;
        }
        if (root == null) {
            problems.add("scopeUnitId: không có đơn vị phạm vi có hiệu lực ngày " + d.referenceDate());
            return out;
        }
        if (root.level() == d.level()) {
            out.add(root);
            return out;
        }
        Deque<AdminUnit> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            for (AdminUnit c : units.children(todo.pop().id())) {
                if (!c.validOn(d.referenceDate())) {
                    continue;
                }
                if (c.level() == d.level()) {
                    out.add(c);
                } else {
                    todo.add(c);
                }
            }
        }
        out.sort(Comparator.comparing((AdminUnit u) -> sortName(label(u)), VietText.collator()));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Round> rounds() {
        return jdbc.sql(ROUND + " order by r.year desc, r.id desc").query(this::mapRound).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Round round(long id) {
        return jdbc.sql(ROUND + " where r.id = ?").param(id).query(this::mapRound).optional()
                .orElseThrow(() -> ApiException.notFound("assessment round", id));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Participant> participants(long roundId) {
        Round r = round(roundId);
        if (!AssessmentAccess.readsAll()) {
            List<Long> mine = myUnits();
            return participantRows(r).stream().filter(p -> mine.contains(p.unitId())).toList();
        }
        return participantRows(r);
    }

    private List<Participant> participantRows(Round r) {
        return participantRows(r, null);
    }

    private List<Participant> participantRows(Round r, Long unitId) {
        CriteriaSetDocument doc = sets.require(r.criteriaSetId()).document();
        Map<Long, Map<String, Answer>> answers = answers(r.id(), unitId);
        return jdbc.sql("""
                        select p.*, a.agency_id from assessment_participant p
                        left join assessment_unit_agency a on a.unit_id = p.unit_id
                        where p.round_id = ?""" + (unitId == null ? "" : " and p.unit_id = " + unitId)).param(r.id())
                .query((rs, i) -> {
                    long unit = rs.getLong("unit_id");
                    long agency = rs.getLong("agency_id");
                    Long agencyId = rs.wasNull() ? null : agency;
                    Map<String, Answer> a = answers.getOrDefault(unit, Map.of());
                    Scores s = scores(doc, a, unit, r.year());
                    int reviewed = (int) a.values().stream().filter(x -> x.review() != null).count();
                    return new Participant(unit, rs.getString("unit_code"), rs.getString("unit_name"), agencyId,
                            ParticipantStatus.valueOf(rs.getString("status")), rs.getString("submitted_by"), instant(rs.getTimestamp("submitted_at")),
                            s.self().total(), s.fin().total(), reviewed, doc.criteria().size());
                }).list().stream().sorted(Comparator.comparing((Participant p) -> sortName(p.unitName()), VietText.collator())).toList();
    }

    @Override
    @Transactional
    public Round close(long roundId) {
        AssessmentAccess.requireSteering();
        Round r = round(roundId);
        if (r.status() != RoundStatus.OPEN) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.notOpen");
        }
        jdbc.sql("update assessment_round set status = 'CLOSED' where id = ?").param(roundId).update();
        Round after = round(roundId);
        audit.record("assessmentRound.close", "assessment_round", roundId, r, after);
        return after;
    }

    @Override
    @Transactional
    public Round publish(long roundId) {
        AssessmentAccess.requireSteering();
        Round r = round(roundId);
        if (r.status() == RoundStatus.PUBLISHED) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.published");
        }
        List<Result> results = compute(r);
        for (Result x : results) {
            jdbc.sql("""
                    insert into assessment_result (round_id, unit_id, unit_code, unit_name, total, index_value, rank,
                        classification_code, classification_name, mandatory_met, points)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                    .params(roundId, x.unitId(), x.unitCode(), x.unitName(), x.total(), x.index(), x.rank(),
                            x.classificationCode(), x.classificationName(), x.mandatoryMet(),
                            json.writeValueAsString(x.points()))
                    .update();
        }
        jdbc.sql("update assessment_round set status = 'PUBLISHED', published_by = ?, published_at = now() where id = ?")
                .params(AssessmentAccess.actor(), roundId).update();
        Round after = round(roundId);
        audit.record("assessmentRound.publish", "assessment_round", roundId, r,
                Map.of("round", after, "results", results.size()));
        return after;
    }

    // ===================================================================== answers and scores

    record Answer(String criterion, Boolean yes, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                  BigDecimal proposed, String evidence, String review, BigDecimal reviewPoints, String reviewReason,
                  String reviewedBy) {
        CriterionInput input() {
            return new CriterionInput(yes, value, numerator, denominator, proposed);
        }
    }

    /** Answers of a round, per unit (one unit when unitId is given). */
    private Map<Long, Map<String, Answer>> answers(long roundId, Long unitId) {
        Map<Long, Map<String, Answer>> out = new HashMap<>();
        jdbc.sql("select * from assessment_answer where round_id = ?" + (unitId == null ? "" : " and unit_id = " + unitId))
                .param(roundId)
                .query((ResultSet rs) -> {
                    boolean yes = rs.getBoolean("yes");
                    Boolean y = rs.wasNull() ? null : yes;
                    out.computeIfAbsent(rs.getLong("unit_id"), k -> new HashMap<>()).put(rs.getString("criterion_code"),
                            new Answer(rs.getString("criterion_code"), y, rs.getBigDecimal("value"),
                                    rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"),
                                    rs.getBigDecimal("proposed_points"), rs.getString("evidence"), rs.getString("review"),
                                    rs.getBigDecimal("review_points"), rs.getString("review_reason"),
                                    rs.getString("reviewed_by")));
                });
        return out;
    }

    /** Self points (from the unit's inputs), final points (reviewed) per criterion and both totals. */
    record Scores(Map<String, BigDecimal> selfPoints, Map<String, BigDecimal> finalPoints, SetScore self, SetScore fin) {
    }

    private Scores scores(CriteriaSetDocument doc, Map<String, Answer> answers, long unitId, int year) {
        Map<String, CriterionInput> inputs = new HashMap<>();
        answers.forEach((k, v) -> inputs.put(k, v.input()));
        Map<String, BigDecimal> self = sets.criterionPoints(doc, inputs, unitId, year);
        Map<String, BigDecimal> fin = new HashMap<>(self);
        answers.forEach((k, v) -> {
            if ("ADJUSTED".equals(v.review()) && v.reviewPoints() != null) {
                fin.put(k, v.reviewPoints());
            }
        });
        return new Scores(self, fin, sets.total(doc, self), sets.total(doc, fin));
    }

    /** The provisional (or, for publication, final) results of every unit, ranked. */
    private List<Result> compute(Round r) {
        CriteriaSetDocument doc = sets.require(r.criteriaSetId()).document();
        Map<Long, Map<String, Answer>> answers = answers(r.id(), null);
        Map<Long, Integer> previous = previousRanks(r);
        record Row(long unitId, String code, String name, SetScore score) {
        }
        List<Row> rows = jdbc.sql("select unit_id, unit_code, unit_name from assessment_participant where round_id = ?")
                .param(r.id())
                .query((rs, i) -> {
                    long unit = rs.getLong("unit_id");
                    return new Row(unit, rs.getString("unit_code"), rs.getString("unit_name"),
                            scores(doc, answers.getOrDefault(unit, Map.of()), unit, r.year()).fin());
                }).list();
        List<Result> out = new ArrayList<>();
        for (Ranking.Ranked<Row> ranked : Ranking.rank(rows, x -> x.score().total(),
                Comparator.comparing((Row x) -> sortName(x.name()), VietText.collator()))) {
            Row x = ranked.item();
            Integer prev = previous.get(x.unitId());
            SetScore s = x.score();
            out.add(new Result(ranked.rank(), x.unitId(), x.code(), x.name(), s.total(), s.index(),
                    s.classification() == null ? null : s.classification().code(),
                    s.classification() == null ? null : s.classification().name(), s.mandatoryMet(), prev,
                    prev == null ? null : prev - ranked.rank(), topPoints(doc, s)));
        }
        return out;
    }

    private static Map<String, BigDecimal> topPoints(CriteriaSetDocument doc, SetScore s) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Node n : doc.topNodes()) {
            out.put(n.code(), s.points().get(n.code()));
        }
        return out;
    }

    /** Ranks in the latest published round of an earlier year on the same criteria set code and level. */
    private Map<Long, Integer> previousRanks(Round r) {
        Map<Long, Integer> out = new HashMap<>();
        // the same rule as the rankings (RankingService): the unit's rank in a published round of the year before,
        // on the same set code and level, where the unit was ranked (the latest such round when there are several)
        jdbc.sql("""
                select distinct on (res.unit_id) res.unit_id, res.rank from assessment_result res
                join assessment_round r on r.id = res.round_id
                join criteria_set s on s.id = r.criteria_set_id
                where r.status = 'PUBLISHED' and s.code = ? and r.level = ? and r.year = ?
                order by res.unit_id, r.published_at desc, r.id desc""")
                .params(r.criteriaSetCode(), r.level().name(), r.year() - 1)
                .query((ResultSet rs) -> {
                    out.put(rs.getLong("unit_id"), rs.getInt("rank"));
                });
        return out;
    }

    // ===================================================================== a unit's assessment

    private Participant participant(Round r, long unitId) {
        return participantRows(r, unitId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("unit in round", unitId));
    }

    private boolean isStaffOf(long unitId) {
        if (!CurrentUser.hasRole(Role.EDITOR) && !CurrentUser.hasRole(Role.LEADER)) {
            return false;
        }
        return CurrentUser.agencyId().map(a -> jdbc.sql(
                        "select count(*) from assessment_unit_agency where unit_id = ? and agency_id = ?")
                .params(unitId, a).query(Integer.class).single() > 0).orElse(false);
    }

    private boolean isEditorOf(long unitId) {
        return CurrentUser.hasRole(Role.EDITOR) && isStaffOf(unitId);
    }

    private void requireRead(long unitId) {
        if (!AssessmentAccess.readsAll() && !isStaffOf(unitId)) {
            throw ApiException.notFound("unit in round", unitId);
        }
    }

    private boolean editable(Round r, Participant p) {
        return r.status() == RoundStatus.OPEN && !LocalDate.now(clock).isAfter(r.deadline())
                && p.status() == ParticipantStatus.DRAFT;
    }

    @Override
    @Transactional(readOnly = true)
    public UnitAssessment assessment(long roundId, long unitId) {
        Round r = round(roundId);
        requireRead(unitId);
        return view(r, unitId);
    }

    private UnitAssessment view(Round r, long unitId) {
        Participant p = participant(r, unitId);
        CriteriaSetDocument doc = sets.require(r.criteriaSetId()).document();
        Map<String, Answer> a = answers(r.id(), unitId).getOrDefault(unitId, Map.of());
        Scores s = scores(doc, a, unitId, r.year());
        List<Line> lines = new ArrayList<>();
        collectLines(doc.topNodes(), null, a, s, lines);
        boolean mayEdit = editable(r, p) && isEditorOf(unitId);
        boolean mayReview = AssessmentAccess.steering() && r.status() != RoundStatus.PUBLISHED
                && (r.status() == RoundStatus.CLOSED || p.status() == ParticipantStatus.SUBMITTED);
        Map<String, List<Attachments.Attachment>> files = new LinkedHashMap<>();
        List<Node> criteria = doc.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            List<Attachments.Attachment> f = attachments.list(OWNER, evidenceKey(r.id(), unitId, i));
            if (!f.isEmpty()) {
                files.put(criteria.get(i).code(), f);
            }
        }
        return new UnitAssessment(r, p, lines, s.self(), s.fin(), mayEdit, mayReview, files);
    }

    private static void collectLines(List<Node> nodes, String group, Map<String, Answer> a, Scores s, List<Line> out) {
        for (Node n : nodes) {
            if (n.group()) {
                collectLines(n.kids(), n.name(), a, s, out);
                continue;
            }
            Answer x = a.get(n.code());
            out.add(new Line(n.code(), n.name(), group, n.maxPoints(), n.rule().type(), n.isMandatory(),
                    CriteriaFiles.stepsText(n.rule().stepList(), Numbers.current()), n.rule().indicator(),
                    x == null ? CriterionInput.EMPTY : x.input(), x == null ? null : x.evidence(),
                    s.selfPoints().get(n.code()), x == null ? null : x.review(), x == null ? null : x.reviewPoints(),
                    x == null ? null : x.reviewReason(), x == null ? null : x.reviewedBy(), s.finalPoints().get(n.code())));
        }
    }

    @Override
    @Transactional
    public UnitAssessment save(long roundId, long unitId, List<AnswerInput> answers) {
        Round r = round(roundId);
        requireWrite(r, unitId);
        CriteriaSetDocument doc = sets.require(r.criteriaSetId()).document();
        Map<String, Node> criteria = new HashMap<>();
        doc.criteria().forEach(c -> criteria.put(c.code(), c));
        List<String> problems = new ArrayList<>();
        List<AnswerInput> in = answers == null ? List.of() : answers;
        for (int i = 0; i < in.size(); i++) {
            AnswerInput x = in.get(i);
            String at = "answers[" + i + "]";
            Node c = x == null || x.criterion() == null ? null : criteria.get(x.criterion());
            if (c == null) {
                problems.add(at + ".criterion: không có tiêu chí \"" + (x == null ? null : x.criterion()) + "\"");
                continue;
            }
            at = "tiêu chí " + c.code();
            if (negative(x.value()) || negative(x.numerator()) || negative(x.denominator()) || negative(x.points())) {
                problems.add(at + ": số liệu không được âm");
            }
            if (c.rule().type() == RuleType.RATIO || (c.rule().type() == RuleType.THRESHOLDS && x.value() == null
                    && x.numerator() != null)) {
                if ((x.numerator() == null) != (x.denominator() == null)) {
                    problems.add(at + ": cần cả tử số và mẫu số");
                } else if (x.denominator() != null && x.denominator().signum() == 0) {
                    problems.add(at + ": mẫu số phải lớn hơn 0");
                } else if (x.numerator() != null && x.numerator().compareTo(x.denominator()) > 0) {
                    problems.add(at + ": tử số lớn hơn mẫu số");
                }
            }
            if (x.points() != null && x.points().compareTo(c.maxPoints()) > 0) {
                problems.add(at + ": điểm đề xuất vượt điểm tối đa " + CriteriaValidator.plain(c.maxPoints()));
            }
            if (x.evidence() != null && x.evidence().length() > 4000) {
                problems.add(at + ": minh chứng dài quá 4000 ký tự");
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assessment.answer.invalid");
        }
        UnitAssessment before = view(r, unitId);
        for (AnswerInput x : in) {
            jdbc.sql("""
                    insert into assessment_answer (round_id, unit_id, criterion_code, yes, value, numerator, denominator,
                        proposed_points, evidence, updated_by, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                    on conflict (round_id, unit_id, criterion_code) do update set yes = excluded.yes, value = excluded.value,
                        numerator = excluded.numerator, denominator = excluded.denominator,
                        proposed_points = excluded.proposed_points, evidence = excluded.evidence,
                        updated_by = excluded.updated_by, updated_at = now()""")
                    .params(roundId, unitId, x.criterion(), x.yes(), x.value(), x.numerator(), x.denominator(), x.points(),
                            x.evidence() == null || x.evidence().isBlank() ? null : x.evidence().strip(),
                            AssessmentAccess.actor())
                    .update();
        }
        UnitAssessment after = view(r, unitId);
        audit.record("assessment.save", "assessment", roundId + "/" + unitId, before.lines(), after.lines());
        return after;
    }

    private static boolean negative(BigDecimal v) {
        return v != null && v.signum() < 0;
    }

    /** A unit's own staff (EDITOR of the unit's agency), round open, before the deadline, not yet submitted. */
    private void requireWrite(Round r, long unitId) {
        requireRead(unitId);
        if (r.status() == RoundStatus.PUBLISHED) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.published");
        }
        if (!isEditorOf(unitId)) {
            throw AssessmentAccess.forbidden();
        }
        Participant p = participant(r, unitId);
        if (r.status() != RoundStatus.OPEN) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.notOpen");
        }
        if (LocalDate.now(clock).isAfter(r.deadline())) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.pastDeadline", r.deadline().toString());
        }
        if (p.status() != ParticipantStatus.DRAFT) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.answer.submitted");
        }
    }

    @Override
    @Transactional
    public UnitAssessment submit(long roundId, long unitId) {
        Round r = round(roundId);
        requireWrite(r, unitId);
        jdbc.sql("""
                update assessment_participant set status = 'SUBMITTED', submitted_by = ?, submitted_at = now()
                where round_id = ? and unit_id = ?""").params(AssessmentAccess.actor(), roundId, unitId).update();
        UnitAssessment after = view(r, unitId);
        audit.record("assessment.submit", "assessment", roundId + "/" + unitId, null,
                Map.of("selfTotal", after.selfScore().total()));
        return after;
    }

    // ----- evidence files

    /**
     * The files module's owner id of one criterion's evidence: round (23 bits), unit (28 bits) and the criterion's
     * position in its set (12 bits; stable, because a set used by a round can no longer change).
     */
    static long evidenceKey(long roundId, long unitId, int criterionIndex) {
        if (roundId >= (1L << 23) || unitId >= (1L << 28) || criterionIndex >= (1 << 12)) {
            throw new IllegalArgumentException("evidence key out of range");
        }
        return (roundId << 40) | (unitId << 12) | criterionIndex;
    }

    static long keyRound(long key) {
        return key >>> 40;
    }

    static long keyUnit(long key) {
        return (key >>> 12) & ((1L << 28) - 1);
    }

    private int criterionIndex(Round r, String criterion) {
        List<Node> criteria = sets.require(r.criteriaSetId()).document().criteria();
        for (int i = 0; i < criteria.size(); i++) {
            if (criteria.get(i).code().equals(criterion)) {
                return i;
            }
        }
        throw ApiException.notFound("criterion", criterion);
    }

    @Override
    @Transactional
    public Attachments.Attachment addEvidence(long roundId, long unitId, String criterion, String filename,
                                              String mediaType, byte[] bytes) {
        Round r = round(roundId);
        requireWrite(r, unitId);
        return attachments.add(OWNER, evidenceKey(roundId, unitId, criterionIndex(r, criterion)), filename, mediaType, bytes);
    }

    private Attachments.Content ownFile(long roundId, long unitId, long attachmentId) {
        Attachments.Content c = attachments.get(attachmentId).orElseThrow(() -> ApiException.notFound("attachment", attachmentId));
        Attachments.Attachment a = c.attachment();
        if (!OWNER.equals(a.ownerType()) || keyRound(a.ownerId()) != roundId || keyUnit(a.ownerId()) != unitId) {
            throw ApiException.notFound("attachment", attachmentId);
        }
        return c;
    }

    @Override
    @Transactional
    public void deleteEvidence(long roundId, long unitId, long attachmentId) {
        Round r = round(roundId);
        requireWrite(r, unitId);
        ownFile(roundId, unitId, attachmentId);
        attachments.delete(attachmentId);
    }

    @Override
    @Transactional(readOnly = true)
    public Attachments.Content evidenceFile(long roundId, long unitId, long attachmentId) {
        round(roundId);
        requireRead(unitId);
        return ownFile(roundId, unitId, attachmentId);
    }

    /** For the files module's own endpoints: who reads and writes evidence of an owner id. */
    boolean mayReadEvidence(long key) {
        try {
            requireRead(keyUnit(key));
            round(keyRound(key));
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    boolean mayWriteEvidence(long key) {
        try {
            requireWrite(round(keyRound(key)), keyUnit(key));
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    @Override
    @Transactional
    public UnitAssessment returnToUnit(long roundId, long unitId, String reason) {
        AssessmentAccess.requireSteering();
        Round r = round(roundId);
        Participant p = participant(r, unitId);
        if (r.status() != RoundStatus.OPEN) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.notOpen");
        }
        if (p.status() != ParticipantStatus.SUBMITTED) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.answer.notSubmitted");
        }
        jdbc.sql("update assessment_participant set status = 'DRAFT' where round_id = ? and unit_id = ?")
                .params(roundId, unitId).update();
        audit.record("assessment.return", "assessment", roundId + "/" + unitId, Map.of("status", "SUBMITTED"),
                Map.of("status", "DRAFT", "reason", reason == null ? "" : reason));
        return view(r, unitId);
    }

    @Override
    @Transactional
    public UnitAssessment review(long roundId, long unitId, String criterion, ReviewInput in) {
        AssessmentAccess.requireSteering();
        Round r = round(roundId);
        if (r.status() == RoundStatus.PUBLISHED) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.round.published");
        }
        Participant p = participant(r, unitId);
        if (r.status() == RoundStatus.OPEN && p.status() != ParticipantStatus.SUBMITTED) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.answer.notSubmitted");
        }
        CriteriaSetDocument doc = sets.require(r.criteriaSetId()).document();
        Node c = doc.criteria().stream().filter(x -> x.code().equals(criterion)).findFirst()
                .orElseThrow(() -> ApiException.notFound("criterion", criterion));
        String decision = in == null || in.decision() == null ? "" : in.decision().trim().toUpperCase();
        UnitAssessment before = view(r, unitId);
        Line old = before.lines().stream().filter(l -> l.code().equals(criterion)).findFirst().orElseThrow();
        BigDecimal points;
        String review;
        if ("ACCEPT".equals(decision) || "ACCEPTED".equals(decision)) {
            review = "ACCEPTED";
            points = null;
        } else if ("ADJUST".equals(decision) || "ADJUSTED".equals(decision)) {
            review = "ADJUSTED";
            points = in.points();
            List<String> problems = new ArrayList<>();
            if (points == null || points.signum() < 0 || points.compareTo(c.maxPoints()) > 0) {
                problems.add("points: điểm thẩm định phải từ 0 đến " + CriteriaValidator.plain(c.maxPoints()));
            }
            if (in.reason() == null || in.reason().isBlank()) {
                problems.add("reason: cần nêu lý do điều chỉnh");
            }
            if (!problems.isEmpty()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assessment.review.invalid");
            }
        } else {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("decision: ACCEPT hoặc ADJUST"), "assessment.review.invalid");
        }
        jdbc.sql("""
                insert into assessment_answer (round_id, unit_id, criterion_code, review, review_points, review_reason,
                    reviewed_by, reviewed_at)
                values (?, ?, ?, ?, ?, ?, ?, now())
                on conflict (round_id, unit_id, criterion_code) do update set review = excluded.review,
                    review_points = excluded.review_points, review_reason = excluded.review_reason,
                    reviewed_by = excluded.reviewed_by, reviewed_at = now()""")
                .params(roundId, unitId, criterion, review, points,
                        in.reason() == null || in.reason().isBlank() ? null : in.reason().strip(), AssessmentAccess.actor())
                .update();
        UnitAssessment after = view(r, unitId);
        Line now = after.lines().stream().filter(l -> l.code().equals(criterion)).findFirst().orElseThrow();
        audit.record("assessment.review", "assessment", roundId + "/" + unitId + "/" + criterion, old, now);
        return after;
    }

    // ===================================================================== results and history

    @Override
    @Transactional(readOnly = true)
    public Results results(long roundId) {
        Round r = round(roundId);
        if (r.status() == RoundStatus.PUBLISHED) {
            Map<Long, Integer> previous = previousRanks(r);
            List<Result> stored = jdbc.sql("select * from assessment_result where round_id = ?").param(roundId)
                    .query((rs, i) -> {
                        long unit = rs.getLong("unit_id");
                        int rank = rs.getInt("rank");
                        Integer prev = previous.get(unit);
                        return new Result(rank, unit, rs.getString("unit_code"), rs.getString("unit_name"),
                                rs.getBigDecimal("total"), rs.getBigDecimal("index_value"),
                                rs.getString("classification_code"), rs.getString("classification_name"),
                                rs.getBoolean("mandatory_met"), prev, prev == null ? null : prev - rank,
                                json.readValue(rs.getString("points"), new TypeReference<LinkedHashMap<String, BigDecimal>>() {
                                }));
                    }).list();
            List<Result> sorted = new ArrayList<>(stored);
            sorted.sort(Comparator.comparingInt(Result::rank).thenComparing((Result x) -> sortName(x.unitName()), VietText.collator()));
            return new Results(r, true, sorted);
        }
        if (!AssessmentAccess.readsAll()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "assessment.results.notPublished");
        }
        return new Results(r, false, compute(r));
    }

    @Override
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long unitId) {
        List<HistoryEntry> rows = jdbc.sql("""
                select r.id, r.name, s.code, r.year, res.total, res.rank, res.classification_name,
                       (select count(*) from assessment_result x where x.round_id = r.id) as unit_count
                from assessment_result res join assessment_round r on r.id = res.round_id
                join criteria_set s on s.id = r.criteria_set_id
                where res.unit_id = ? and r.status = 'PUBLISHED' order by s.code, r.year, r.published_at""")
                .param(unitId)
                .query((rs, i) -> new HistoryEntry(rs.getLong("id"), rs.getString("name"), rs.getString("code"),
                        rs.getInt("year"), rs.getBigDecimal("total"), rs.getInt("rank"), rs.getInt("unit_count"),
                        rs.getString("classification_name"), null)).list();
        List<HistoryEntry> out = new ArrayList<>();
        Map<String, HistoryEntry> last = new HashMap<>();
        for (HistoryEntry h : rows) {
            HistoryEntry prev = last.get(h.criteriaSetCode());
            Integer change = prev == null || prev.year() >= h.year() ? null : prev.rank() - h.rank();
            HistoryEntry withChange = new HistoryEntry(h.roundId(), h.roundName(), h.criteriaSetCode(), h.year(),
                    h.total(), h.rank(), h.unitCount(), h.classificationName(), change);
            out.add(withChange);
            last.put(h.criteriaSetCode(), withChange);
        }
        return out;
    }

    // ===================================================================== units and agencies

    @Override
    @Transactional
    public UnitAgency linkAgency(long unitId, long agencyId) {
        AssessmentAccess.requireSteering();
        if (units.find(unitId).isEmpty()) {
            throw ApiException.notFound("unit", unitId);
        }
        if (agencies.find(agencyId).isEmpty()) {
            throw ApiException.notFound("agency", agencyId);
        }
        Optional<Long> before = jdbc.sql("select agency_id from assessment_unit_agency where unit_id = ?").param(unitId)
                .query(Long.class).optional();
        jdbc.sql("""
                insert into assessment_unit_agency (unit_id, agency_id) values (?, ?)
                on conflict (unit_id) do update set agency_id = excluded.agency_id""").params(unitId, agencyId).update();
        UnitAgency link = new UnitAgency(unitId, agencyId);
        audit.record("assessment.unitAgency", "admin_unit", unitId, before.map(a -> new UnitAgency(unitId, a)).orElse(null), link);
        return link;
    }

    @Override
    @Transactional
    public List<UnitAgency> linkAgencies(long roundId) {
        AssessmentAccess.requireSteering();
        Round r = round(roundId);
        List<UnitAgency> out = new ArrayList<>();
        for (Participant p : participantRows(r)) {
            if (p.agencyId() != null) {
                continue;
            }
            AdminUnit u = units.find(p.unitId()).orElse(null);
            if (u == null) {
                continue;
            }
            String province = province(u).map(AdminUnit::code).orElse(null);
            List<vn.dxgov.units.AgencyMatch> found = agencies.resolve("UBND " + label(u), province);
            if (found.size() != 1) {
                continue;
            }
            long agency = found.get(0).agency().id();
            jdbc.sql("insert into assessment_unit_agency (unit_id, agency_id) values (?, ?) on conflict (unit_id) do nothing")
                    .params(u.id(), agency).update();
            out.add(new UnitAgency(u.id(), agency));
        }
        audit.record("assessment.linkAgencies", "assessment_round", roundId, null, out);
        return out;
    }

    private Optional<AdminUnit> province(AdminUnit u) {
        AdminUnit cur = u;
        for (int i = 0; i < 5 && cur != null; i++) {
            if (cur.level() == vn.dxgov.units.UnitLevel.PROVINCE) {
                return Optional.of(cur);
            }
            cur = cur.parentId() == null ? null : units.find(cur.parentId()).orElse(null);
        }
        return Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UnitAgency> unitAgencies() {
        return jdbc.sql("select unit_id, agency_id from assessment_unit_agency order by unit_id")
                .query((rs, i) -> new UnitAgency(rs.getLong(1), rs.getLong(2))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> myUnits() {
        return CurrentUser.agencyId().map(a -> jdbc.sql("select unit_id from assessment_unit_agency where agency_id = ?")
                .param(a).query(Long.class).list()).orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Round> myRounds() {
        List<Long> mine = myUnits();
        if (mine.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ROUND + " where exists (select 1 from assessment_participant p where p.round_id = r.id and p.unit_id in (:units))"
                        + " order by r.year desc, r.id desc")
                .param("units", mine).query(this::mapRound).list();
    }
}
