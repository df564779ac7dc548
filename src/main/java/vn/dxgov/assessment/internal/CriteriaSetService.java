package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.analytics.Aggregate;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSets;
import vn.dxgov.assessment.CriterionInput;
import vn.dxgov.assessment.RuleType;
import vn.dxgov.assessment.SetScore;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorTypes;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.UnitLevel;

/**
 * Criteria sets. A set belongs to the province of the user who made (created, imported or copied) it, or is national
 * (the templates loaded at start): users read national sets and their own province's, another province's does not
 * exist for them (404); only {@link CurrentUser#maySteer(String)} of its province changes or deletes one (403 for a
 * national set a province user reads). Copying a national set is how a province adapts it. Codes with their year
 * are unique across the installation.
 */
@Service
class CriteriaSetService implements CriteriaSets {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final IndicatorCatalog indicators;
    private final Analytics analytics;

    CriteriaSetService(JdbcClient jdbc, ObjectMapper json, AuditLog audit, IndicatorCatalog indicators,
                       Analytics analytics) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.indicators = indicators;
        this.analytics = analytics;
    }

    private static final String SELECT = """
            select s.*, exists (select 1 from assessment_round r where r.criteria_set_id = s.id) as locked
            from criteria_set s""";
    /** The sets the user may read: national ones and the own province's (every one for national users). */
    private static final String VISIBLE = " (s.province_code is null or s.province_code = coalesce(?, s.province_code))";

    private CriteriaSet map(ResultSet rs, int i) throws SQLException {
        CriteriaSetDocument doc = json.readValue(rs.getString("document"), CriteriaSetDocument.class);
        return new CriteriaSet(rs.getLong("id"), rs.getString("code"), rs.getInt("year"), rs.getString("name"),
                UnitLevel.valueOf(rs.getString("level")), rs.getBoolean("example"), rs.getBigDecimal("max_points"),
                doc.criteria().size(), rs.getBoolean("locked"), rs.getTimestamp("updated_at").toInstant(), doc,
                rs.getString("province_code"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CriteriaSet> list() {
        return jdbc.sql(SELECT + " where" + VISIBLE + " order by s.code, s.year desc").param(viewer())
                .query(this::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CriteriaSet> find(long id) {
        return jdbc.sql(SELECT + " where s.id = ? and" + VISIBLE).params(id, viewer()).query(this::map).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CriteriaSet> find(String code, int year) {
        return jdbc.sql(SELECT + " where s.code = ? and s.year = ? and" + VISIBLE).params(code, year, viewer())
                .query(this::map).optional();
    }

    /** Whether any set has this code and year, whoever owns it: codes are unique across the installation. */
    private boolean taken(String code, int year, long exceptId) {
        return jdbc.sql("select count(*) from criteria_set where code = ? and year = ? and id <> ?")
                .params(code, year, exceptId).query(Integer.class).single() > 0;
    }

    /** The user's province, null for national users and the application itself (who read every set). */
    private static String viewer() {
        return CurrentUser.provinceCode().orElse(null);
    }

    /** The set, for a change: 404 when the user may not read it, 403 when it may not steer its province. */
    private CriteriaSet requireSteerable(long id) {
        AssessmentAccess.requireSteering();
        CriteriaSet s = require(id);
        if (!CurrentUser.maySteer(s.provinceCode())) {
            throw AssessmentAccess.forbidden();
        }
        return s;
    }

    CriteriaSet require(long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("criteria set", id));
    }

    @Override
    public List<String> validate(CriteriaSetDocument document) {
        return CriteriaValidator.validate(document).stream().map(CriteriaValidator.Issue::asJsonPath).toList();
    }

    private void check(CriteriaSetDocument d) {
        if (d == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "assessment.import.invalid");
        }
        List<String> problems = validate(d);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assessment.import.invalid");
        }
    }

    @Override
    @Transactional
    public CriteriaSet create(CriteriaSetDocument d) {
        AssessmentAccess.requireSteering();
        check(d);
        if (taken(d.code(), d.year(), -1)) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.set.exists", d.code(), d.year());
        }
        long id = jdbc.sql("""
                insert into criteria_set (code, year, name, level, example, max_points, document, created_by,
                                          province_code)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id""")
                .params(d.code(), d.year(), d.name(), d.level().name(), d.isExample(), d.maxPoints(),
                        json.writeValueAsString(d), AssessmentAccess.actor(), viewer())
                .query(Long.class).single();
        audit.record("criteriaSet.create", "criteria_set", id, null, d);
        return require(id);
    }

    @Override
    @Transactional
    public CriteriaSet update(long id, CriteriaSetDocument d) {
        CriteriaSet before = requireSteerable(id);
        if (before.locked()) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.set.locked", before.code(), before.year());
        }
        check(d);
        if (taken(d.code(), d.year(), id)) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.set.exists", d.code(), d.year());
        }
        jdbc.sql("""
                update criteria_set set code = ?, year = ?, name = ?, level = ?, example = ?, max_points = ?,
                       document = cast(? as jsonb), updated_at = now() where id = ?""")
                .params(d.code(), d.year(), d.name(), d.level().name(), d.isExample(), d.maxPoints(),
                        json.writeValueAsString(d), id)
                .update();
        audit.record("criteriaSet.update", "criteria_set", id, before.document(), d);
        return require(id);
    }

    @Override
    @Transactional
    public void delete(long id) {
        CriteriaSet before = requireSteerable(id);
        if (before.locked()) {
            throw new ApiException(HttpStatus.CONFLICT, "assessment.set.locked", before.code(), before.year());
        }
        jdbc.sql("delete from criteria_set where id = ?").param(id).update();
        audit.record("criteriaSet.delete", "criteria_set", id, before.document(), null);
    }

    @Override
    @Transactional
    public CriteriaSet copy(long id, int year) {
        CriteriaSet source = require(id);
        CriteriaSetDocument d = source.document();
        return create(new CriteriaSetDocument(copyCode(source), year, d.name(), d.level(), d.description(),
                d.example(), d.maxPoints(), d.classifications(), d.nodes()));
    }

    /**
     * The code of a copy: the source's, or, when a province adapts a set it does not own (the national template), the
     * source's with "-" and the province's code, so that the province's version has a code of its own (codes are
     * unique across the installation) and is told apart from the template in lists.
     */
    private static String copyCode(CriteriaSet source) {
        String province = viewer();
        if (province == null || province.equals(source.provinceCode()) || source.code().endsWith("-" + province)) {
            return source.code();
        }
        String suffix = "-" + province;
        String base = source.code();
        return (base.length() + suffix.length() > 60 ? base.substring(0, 60 - suffix.length()) : base) + suffix;
    }

    @Override
    @Transactional
    public CriteriaSet importFile(String filename, byte[] content, boolean replace) {
        AssessmentAccess.requireSteering();
        CriteriaSetDocument d = parse(filename, content);
        Optional<CriteriaSet> existing = find(d.code(), d.year());
        if (existing.isPresent()) {
            if (!replace) {
                throw new ApiException(HttpStatus.CONFLICT, "assessment.set.exists", d.code(), d.year());
            }
            return update(existing.get().id(), d);
        }
        return create(d);
    }

    /** Reads a .xlsx or .json file into a validated document (400 with every problem located). */
    CriteriaSetDocument parse(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") || (!name.endsWith(".xlsx") && content.length > 0 && firstChar(content) == '{')) {
            CriteriaSetDocument d;
            try {
                d = json.readValue(CriteriaValues.utf8(content), CriteriaSetDocument.class);
            } catch (JacksonException e) {
                String msg = e.getOriginalMessage();
                String at = e.getLocation() == null ? "" : " (dòng " + e.getLocation().getLineNr() + ", cột "
                        + e.getLocation().getColumnNr() + ")";
                throw new ApiException(HttpStatus.BAD_REQUEST, List.of("JSON" + at + ": " + msg),
                        "assessment.import.notJson");
            }
            check(d);
            return d;
        }
        if (name.endsWith(".xlsx") || name.isEmpty()) {
            return CriteriaFiles.readXlsx(content);
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "assessment.import.type", filename);
    }

    private static char firstChar(byte[] b) {
        String s = CriteriaValues.utf8(b).stripLeading();
        return s.isEmpty() ? ' ' : s.charAt(0);
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] exportXlsx(long id) {
        return CriteriaWorkbookWriter.write(require(id).document());
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] exportJson(long id) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(require(id).document());
    }

    @Override
    public SetScore score(CriteriaSetDocument d, Map<String, CriterionInput> inputs, Long unitId, int year) {
        return total(d, criterionPoints(d, inputs, unitId, year));
    }

    /** Points per criterion from inputs (indicator criteria from the unit's values for the year). */
    Map<String, BigDecimal> criterionPoints(CriteriaSetDocument d, Map<String, CriterionInput> inputs, Long unitId,
                                            int year) {
        Map<String, BigDecimal> points = new HashMap<>();
        for (CriteriaSetDocument.Node c : d.criteria()) {
            Scoring.IndicatorValue iv = c.rule().type() == RuleType.INDICATOR ? indicatorValue(c, unitId, year) : null;
            points.put(c.code(), Scoring.points(c, inputs.get(c.code()), iv));
        }
        return points;
    }

    /** The unit's value of the criterion's indicator for the year, or null when none is recorded. */
    Scoring.IndicatorValue indicatorValue(CriteriaSetDocument.Node c, Long unitId, int year) {
        if (unitId == null || c.rule().indicator() == null) {
            return null;
        }
        Optional<Indicator> ind = indicators.findByCode(c.rule().indicator());
        if (ind.isEmpty()) {
            return null;
        }
        Optional<Aggregate> v = analytics.value(ind.get().id(), unitId, Period.parse(Integer.toString(year)));
        return v.map(a -> new Scoring.IndicatorValue(a.value(), a.numerator(), a.denominator(),
                ind.get().valueType() == IndicatorTypes.ValueType.YES_NO)).orElse(null);
    }

    @Override
    public SetScore total(CriteriaSetDocument d, Map<String, BigDecimal> criterionPoints) {
        return Scoring.total(d, criterionPoints);
    }
}
