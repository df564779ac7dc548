package vn.dxgov.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.assessment.Assessments.RoundStatus;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * Read side of published assessment results for the rankings pages: the league table over published rounds with
 * filters, a unit's profile across years and the data of the map. Only published rounds are read, which everyone
 * logged in may see. Ranks are those the rounds stored at publication (equal totals share a rank, the next is
 * skipped); the rank change compares with the unit's rank in a published round of the previous year (year − 1) on the
 * same criteria set code and level, where the unit was ranked.
 *
 * <p>Boundaries: the public GeoJSON of the shared reference data is bundled under {@code static/geo/} (served as
 * {@code /geo/...}); it describes the units valid until 30/6/2025 (provinces, and the districts of Thanh Hóa, Thái
 * Nguyên, Khánh Hòa). Features are matched to results by official code (a string, leading zeros kept), and only
 * for rounds whose reference date is before the reform of 1/7/2025, since codes were reused after it.
 */
@Service
class RankingService {

    /** The last day the bundled (2020–2025) boundaries are valid. */
    static final LocalDate BOUNDARIES_VALID_TO = LocalDate.of(2025, 6, 30);
    static final String PROVINCES_FILE = "boundaries-provinces-2020-2025.geojson";
    static final List<String> DISTRICT_FILES = List.of("boundaries-districts-38-2020-2025.geojson",
            "boundaries-districts-19-2020-2025.geojson", "boundaries-districts-56-2020-2025.geojson");

    private final JdbcClient jdbc;
    private final CriteriaSetService sets;
    private final AdminUnits units;
    private final ObjectMapper json;
    private final Map<String, Set<String>> featureCodes = new ConcurrentHashMap<>();

    RankingService(JdbcClient jdbc, CriteriaSetService sets, AdminUnits units, ObjectMapper json) {
        this.jdbc = jdbc;
        this.sets = sets;
        this.units = units;
        this.json = json;
    }

    /**
     * One unit's published result in one round; {@code rankChange} = previous rank − rank (positive: moved up), null
     * when the unit was not ranked in a published round of the previous year on the same set code and level.
     */
    public record Row(long roundId, String roundName, int year, UnitLevel level, LocalDate referenceDate, long setId,
                      String setCode, String setName, BigDecimal setMax, long unitId, String unitCode, String unitName,
                      BigDecimal total, int rank, int unitCount, String classificationCode, String classificationName,
                      boolean mandatoryMet, Map<String, BigDecimal> points, Integer previousRank, Long previousRoundId,
                      Integer rankChange, boolean demo) {
    }

    /** What the league table shows. Null fields are "any". */
    public record Filter(UnitLevel level, Integer year, String set, Long round, String classification, String q,
                         String sort, String dir) {

        public boolean descending() {
            return "desc".equalsIgnoreCase(dir);
        }
    }

    /** A published round; {@code demo}: a demonstration round (shown with the "Dữ liệu minh họa" badge). */
    public record RoundRef(long id, String name, int year, UnitLevel level, String setCode, LocalDate referenceDate,
                           int unitCount, boolean demo) {
    }

    public record Option(String value, String label) {
    }

    public record League(Filter filter, List<Row> rows, int total, List<Integer> years, List<Option> sets,
                         List<RoundRef> rounds, List<String> classifications, RoundRef round) {
    }

    /** The status of the rounds a league table reads (bound into ROWS twice: the round and the year before's). */
    private static final String PUBLISHED = RoundStatus.PUBLISHED.name();

    private static final String ROWS = """
            select res.*, r.name as round_name, r.year, r.level, r.reference_date, r.demo, s.id as set_id, s.code as set_code,
                   s.name as set_name, s.max_points as set_max,
                   (select count(*) from assessment_result x where x.round_id = r.id) as unit_count,
                   prev.rank as prev_rank, prev.round_id as prev_round
            from assessment_result res
            join assessment_round r on r.id = res.round_id and r.status = ?
            join criteria_set s on s.id = r.criteria_set_id
            left join lateral (
                select p.rank, p.round_id from assessment_result p
                join assessment_round pr on pr.id = p.round_id and pr.status = ?
                join criteria_set ps on ps.id = pr.criteria_set_id
                where p.unit_id = res.unit_id and pr.level = r.level and ps.code = s.code and pr.year = r.year - 1
                order by pr.published_at desc, pr.id desc limit 1) prev on true
            """;

    private Row row(ResultSet rs, int i) throws SQLException {
        int prev = rs.getInt("prev_rank");
        Integer prevRank = rs.wasNull() ? null : prev;
        long prevRound = rs.getLong("prev_round");
        Long prevRoundId = rs.wasNull() ? null : prevRound;
        Map<String, BigDecimal> points = json.readValue(rs.getString("points"),
                new TypeReference<LinkedHashMap<String, BigDecimal>>() {
                });
        return new Row(rs.getLong("round_id"), rs.getString("round_name"), rs.getInt("year"),
                UnitLevel.valueOf(rs.getString("level")), rs.getObject("reference_date", LocalDate.class),
                rs.getLong("set_id"), rs.getString("set_code"), rs.getString("set_name"), rs.getBigDecimal("set_max"),
                rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"), rs.getBigDecimal("total"),
                rs.getInt("rank"), rs.getInt("unit_count"), rs.getString("classification_code"),
                rs.getString("classification_name"), rs.getBoolean("mandatory_met"), points, prevRank, prevRoundId,
                prevRank == null ? null : prevRank - rs.getInt("rank"), rs.getBoolean("demo"));
    }

    /** Published rounds, newest first. */
    @Transactional(readOnly = true)
    public List<RoundRef> publishedRounds() {
        return jdbc.sql("""
                        select r.id, r.name, r.year, r.level, r.reference_date, r.demo, s.code,
                               (select count(*) from assessment_result x where x.round_id = r.id) as unit_count
                        from assessment_round r join criteria_set s on s.id = r.criteria_set_id
                        where r.status = ? order by r.year desc, r.published_at desc, r.id desc""")
                .param(PUBLISHED)
                .query((rs, i) -> new RoundRef(rs.getLong("id"), rs.getString("name"), rs.getInt("year"),
                        UnitLevel.valueOf(rs.getString("level")), rs.getString("code"),
                        rs.getObject("reference_date", LocalDate.class), rs.getInt("unit_count"),
                        rs.getBoolean("demo"))).list();
    }

    /**
     * The league table. Without a level or year, the level and year of the newest published round; a round filter
     * wins over level, year and set.
     */
    @Transactional(readOnly = true)
    public League league(Filter in) {
        List<RoundRef> all = publishedRounds();
        // a round wins over level, year and set, unless one of them was changed away from it
        RoundRef chosen = in.round() == null ? null : all.stream().filter(r -> r.id() == in.round())
                .filter(r -> (in.level() == null || r.level() == in.level()) && (in.year() == null || r.year() == in.year())
                        && (blank(in.set()) || r.setCode().equals(in.set().strip())))
                .findFirst().orElse(null);
        UnitLevel level = chosen != null ? chosen.level() : in.level() != null ? in.level()
                : all.isEmpty() ? UnitLevel.COMMUNE : all.get(0).level();
        List<Integer> years = all.stream().filter(r -> r.level() == level).map(RoundRef::year).distinct()
                .sorted(Comparator.reverseOrder()).toList();
        Integer year = chosen != null ? Integer.valueOf(chosen.year())
                : in.year() != null && years.contains(in.year()) ? in.year() : years.isEmpty() ? null : years.get(0);
        List<Option> setOptions = new ArrayList<>();
        all.stream().filter(r -> r.level() == level && Objects.equals(r.year(), year)).map(RoundRef::setCode).distinct()
                .forEach(code -> setOptions.add(new Option(code, code)));
        String asked = chosen != null ? chosen.setCode() : blank(in.set()) ? null : in.set().strip();
        String set = asked != null && setOptions.stream().anyMatch(o -> o.value().equals(asked)) ? asked : null;
        List<RoundRef> rounds = all.stream().filter(r -> r.level() == level && Objects.equals(r.year(), year)
                && (set == null || r.setCode().equals(set))).toList();
        List<Row> rows = year == null ? List.of() : jdbc.sql(ROWS + " where r.level = ? and r.year = ?"
                        + (set == null ? "" : " and s.code = ?") + (chosen == null ? "" : " and r.id = " + chosen.id()))
                .params(set == null ? List.of(PUBLISHED, PUBLISHED, level.name(), year)
                        : List.of(PUBLISHED, PUBLISHED, level.name(), year, set))
                .query(this::row).list();
        int total = rows.size();
        Set<String> classifications = new TreeSet<>(VietText.collator());
        rows.stream().map(Row::classificationName).filter(Objects::nonNull).forEach(classifications::add);
        String cls = blank(in.classification()) ? null : in.classification().strip();
        String q = blank(in.q()) ? null : in.q().strip();
        List<Row> out = rows.stream()
                .filter(r -> cls == null || cls.equals(r.classificationName()))
                .filter(r -> q == null || VietText.matches(r.unitName(), q) || r.unitCode().equals(q))
                .sorted(order(in.sort(), in.descending())).toList();
        RoundRef single = chosen != null ? chosen : rounds.size() == 1 ? rounds.get(0) : null;
        Filter used = new Filter(level, year, set, chosen == null ? null : chosen.id(), cls, q,
                blank(in.sort()) ? "rank" : in.sort(), in.descending() ? "desc" : "asc");
        return new League(used, out, total, years, setOptions, rounds, List.copyOf(classifications), single);
    }

    static Comparator<Row> order(String sort, boolean descending) {
        Comparator<Row> byName = Comparator.comparing(Row::unitName, VietText.collator());
        // ascending is "best first" for rank, score and change
        Comparator<Row> c = switch (sort == null ? "rank" : sort) {
            case "name" -> byName;
            case "code" -> Comparator.comparing(Row::unitCode);
            case "score" -> Comparator.comparing(Row::total).reversed();
            // unknown changes last whatever the direction
            case "change" -> Comparator.comparing((Row r) -> r.rankChange() == null ? Integer.MIN_VALUE : r.rankChange())
                    .reversed();
            default -> Comparator.comparingInt(Row::rank).thenComparing(Comparator.comparing(Row::total).reversed());
        };
        if (descending) {
            c = c.reversed();
        }
        return c.thenComparing(byName);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ===================================================================== a unit's profile

    /** A group (top node) of the set: the unit's points against its maximum. */
    public record GroupScore(String code, String name, BigDecimal points, BigDecimal max, BigDecimal percent) {
    }

    public record Profile(AdminUnit unit, String unitName, List<Row> results, Row selected, List<GroupScore> groups,
                          List<Row> trend) {
    }

    /** A unit's published results (newest first), one of them in detail (the newest, or {@code roundId}). */
    @Transactional(readOnly = true)
    public Profile profile(long unitId, Long roundId) {
        AdminUnit unit = units.find(unitId).orElse(null);
        List<Row> results = jdbc.sql(ROWS + " where res.unit_id = ? order by r.year desc, r.published_at desc, r.id desc")
                .params(PUBLISHED, PUBLISHED, unitId).query(this::row).list();
        if (unit == null && results.isEmpty()) {
            throw ApiException.notFound("unit", unitId);
        }
        String name = unit != null ? label(unit) : results.get(0).unitName();
        Row selected = roundId == null ? (results.isEmpty() ? null : results.get(0))
                : results.stream().filter(r -> r.roundId() == roundId).findFirst()
                .orElseThrow(() -> ApiException.notFound("published result of unit in round", roundId));
        List<GroupScore> groups = new ArrayList<>();
        List<Row> trend = new ArrayList<>();
        if (selected != null) {
            CriteriaSetDocument doc = sets.require(selected.setId()).document();
            for (CriteriaSetDocument.Node n : doc.topNodes()) {
                BigDecimal p = selected.points().getOrDefault(n.code(), BigDecimal.ZERO);
                if (p == null) {
                    p = BigDecimal.ZERO;
                }
                BigDecimal max = n.maxPoints();
                BigDecimal pct = max == null || max.signum() == 0 ? null
                        : p.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
                groups.add(new GroupScore(n.code(), n.name(), p, max, pct));
            }
            // one point per year on the selected set code and level (the newest round of a year)
            Map<Integer, Row> byYear = new LinkedHashMap<>();
            for (Row r : results) {
                if (r.setCode().equals(selected.setCode()) && r.level() == selected.level()) {
                    byYear.putIfAbsent(r.year(), r);
                }
            }
            trend.addAll(byYear.values());
            trend.sort(Comparator.comparingInt(Row::year));
        }
        return new Profile(unit, name, results, selected, groups, trend);
    }

    /** "Huyện Nga Sơn": the type once, whether or not the stored name already starts with it. */
    static String label(AdminUnit u) {
        if (u.type() == null || u.type().isBlank()
                || VietText.fold(u.name()).startsWith(VietText.fold(u.type()) + " ")) {
            return u.name();
        }
        return u.type() + " " + u.name();
    }

    // ===================================================================== the map

    /** A unit on the map (or not, when no boundary has its code). */
    public record MapUnit(long unitId, String code, String name, BigDecimal total, int rank, Integer rankChange,
                          String classificationCode, String classificationName, boolean hasBoundary,
                          List<String> featureCodes) {
    }

    public record Level(String code, String name, BigDecimal minPoints) {
    }

    /**
     * What the map of a round draws: boundary files (URLs under /geo/), the units with their results, the
     * classification levels of the set (highest first), and why some or all units are not drawn.
     * {@code reason}: null (every unit drawn), PARTIAL (some units have no boundary), AFTER_REFORM, NO_COMMUNES,
     * NO_BOUNDARIES. Each unit names the features it colours: its own code before the reform; for a province after
     * it, the codes of the old provinces that went wholly into it ({@code fromPredecessors}).
     */
    public record MapData(long roundId, String roundName, UnitLevel level, BigDecimal maxPoints, List<String> files,
                          List<MapUnit> units, List<Level> levels, String reason, List<String> missing,
                          boolean fromPredecessors) {

        public boolean drawable() {
            return !files.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public MapData map(long roundId) {
        List<Row> rows = jdbc.sql(ROWS + " where r.id = ? order by res.rank, res.unit_name").params(PUBLISHED, PUBLISHED, roundId)
                .query(this::row).list();
        RoundRef round = publishedRounds().stream().filter(r -> r.id() == roundId).findFirst()
                .orElseThrow(() -> ApiException.notFound("published assessment round", roundId));
        List<Level> levels = new ArrayList<>();
        BigDecimal max = null;
        if (!rows.isEmpty()) {
            CriteriaSetDocument doc = sets.require(rows.get(0).setId()).document();
            max = doc.maxPoints();
            if (doc.classifications() != null) {
                doc.classifications().stream()
                        .sorted(Comparator.comparing((CriteriaSetDocument.Classification c) ->
                                c.minPoints() == null ? BigDecimal.ZERO : c.minPoints()).reversed())
                        .forEach(c -> levels.add(new Level(c.code(), c.name(), c.minPoints())));
            }
        }
        String reason = null;
        List<String> candidates = List.of();
        boolean after = round.referenceDate().isAfter(BOUNDARIES_VALID_TO);
        // a province after the reform is drawn as the outlines of the old provinces that went wholly into it
        boolean viaPredecessors = after && round.level() == UnitLevel.PROVINCE;
        if (round.level() == UnitLevel.COMMUNE) {
            reason = after ? "AFTER_REFORM" : "NO_COMMUNES";
        } else if (after && !viaPredecessors) {
            reason = "AFTER_REFORM";
        } else {
            candidates = round.level() == UnitLevel.PROVINCE ? List.of(PROVINCES_FILE) : DISTRICT_FILES;
        }
        Set<String> files = new LinkedHashSet<>();
        List<MapUnit> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Row r : rows) {
            List<String> wanted = viaPredecessors ? predecessorCodes(r.unitId()) : List.of(r.unitCode());
            String file = wanted.isEmpty() ? null : candidates.stream()
                    .filter(f -> codes(f).containsAll(wanted)).findFirst().orElse(null);
            if (file != null) {
                files.add(file);
            } else if (reason == null || "PARTIAL".equals(reason)) {
                missing.add(r.unitName());
            }
            out.add(new MapUnit(r.unitId(), r.unitCode(), r.unitName(), r.total(), r.rank(), r.rankChange(),
                    r.classificationCode(), r.classificationName(), file != null, file == null ? List.of() : wanted));
        }
        if (reason == null && files.isEmpty()) {
            reason = "NO_BOUNDARIES";
            missing.clear();
        } else if (reason == null && !missing.isEmpty()) {
            reason = "PARTIAL";
        }
        return new MapData(roundId, round.name(), round.level(), max,
                files.stream().map(f -> "/geo/" + f).toList(), out, levels, reason, missing,
                viaPredecessors && !files.isEmpty());
    }

    /** Codes of the pre-2025 provinces that went wholly into a province of the reform (Thái Nguyên: 06, 19). */
    private List<String> predecessorCodes(long unitId) {
        return units.predecessors(unitId).stream()
                .filter(l -> l.share() == vn.dxgov.units.UnitLink.Share.FULL && l.predecessor().level() == UnitLevel.PROVINCE)
                .map(l -> l.predecessor().code()).distinct().sorted().toList();
    }

    /** The feature codes of a bundled boundary file, read once. */
    Set<String> codes(String file) {
        return featureCodes.computeIfAbsent(file, f -> {
            Set<String> out = new HashSet<>();
            ClassPathResource res = new ClassPathResource("static/geo/" + f);
            if (!res.exists()) {
                return out;
            }
            try (InputStream in = res.getInputStream()) {
                JsonNode root = json.readTree(in);
                for (JsonNode feature : root.path("features")) {
                    JsonNode code = feature.path("properties").path("code");
                    if (!code.isMissingNode() && !code.isNull()) {
                        out.add(code.asString());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + f, e);
            }
            return Set.copyOf(out);
        });
    }

}
