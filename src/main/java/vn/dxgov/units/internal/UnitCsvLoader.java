package vn.dxgov.units.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;
import vn.dxgov.units.internal.UnitCsvParser.LinkRow;
import vn.dxgov.units.internal.UnitCsvParser.Problems;
import vn.dxgov.units.internal.UnitCsvParser.UnitRow;

/**
 * Loads administrative units and successor links from CSV files (see {@link UnitCsvParser} for the formats) in
 * one transaction with JDBC batch inserts. Everything is read and checked first; on any problem a
 * {@link UnitCsvException} lists them all with file and line, and nothing is written.
 * <p>
 * Used at start for the bundled files ({@link #loadBundledIfEmpty()}) and meant for an administrator's upload of
 * such files ({@link #load(List, SuccessorFile)}).
 */
@Component
public class UnitCsvLoader {

    private static final Logger log = LoggerFactory.getLogger(UnitCsvLoader.class);
    private static final String BUNDLED = "seed/units/";
    private static final int BATCH = 1000;
    /** pg_advisory_xact_lock key so that two nodes starting together do not both load the bundled units. */
    private static final long SEED_LOCK = 0x6478676f76L;

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final vn.dxgov.security.AuditLog audit;

    UnitCsvLoader(JdbcClient jdbc, JdbcTemplate template, org.springframework.context.ApplicationEventPublisher events,
                  vn.dxgov.security.AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
        this.audit = audit;
    }

    /**
     * An administrator's upload for a reform of units (the next one after 1/7/2025): the complete list of units valid
     * from {@code validFrom} and/or the links from the units valid until the day before to them.
     *
     * @param label            a name for the new list ("2027"); default the year of {@code validFrom}
     * @param validFrom        first day of the new units (or, with links only, of the units the links go to)
     * @param validTo          last day of the new units, null while valid
     * @param levels           CSV level number to level of the new units; null: 1 province, 2 commune
     * @param units            the units file, or null to load links only
     * @param successors       the successor-links file, or null
     * @param dryRun           check everything, write nothing
     */
    public record ReformImport(String label, LocalDate validFrom, LocalDate validTo, Map<Integer, UnitLevel> levels,
                               String unitsSource, Reader units, String successorsSource, Reader successors,
                               boolean dryRun) {
    }

    /** A list of units in the database: the units sharing one validity start. */
    record StoredEra(LocalDate validFrom, LocalDate validTo, int units, List<UnitLevel> levels) {
    }

    /** The lists of units in the database, oldest first. */
    List<StoredEra> storedEras() {
        return jdbc.sql("""
                        select valid_from, max(valid_to) as valid_to, bool_or(valid_to is null) as open, count(*) as n,
                               array_agg(distinct level) as levels
                        from admin_unit group by valid_from order by valid_from""")
                .query((rs, n) -> {
                    List<UnitLevel> levels = new ArrayList<>();
                    for (String l : (String[]) rs.getArray("levels").getArray()) {
                        levels.add(UnitLevel.valueOf(l));
                    }
                    levels.sort(Comparator.naturalOrder());
                    Date to = rs.getDate("valid_to");
                    return new StoredEra(rs.getDate("valid_from").toLocalDate(),
                            rs.getBoolean("open") || to == null ? null : to.toLocalDate(), rs.getInt("n"), List.copyOf(levels));
                }).list();
    }

    private static UnitEra era(StoredEra e) {
        Map<Integer, UnitLevel> levels = new HashMap<>();
        for (int i = 0; i < e.levels().size(); i++) {
            levels.put(i + 1, e.levels().get(i));
        }
        return new UnitEra(label(e.validFrom()), e.validFrom(), e.validTo(), levels);
    }

    private static String label(LocalDate from) {
        return "từ " + day(from);
    }

    /**
     * Checks and loads a reform: dates without gap or overlap (the list in force until now ends the day before the
     * new one starts; an open list is closed then), units and links as in {@link #load(List, SuccessorFile)}. One
     * transaction: on any problem a {@link UnitCsvException} lists them all (Vietnamese, with file and line) and
     * nothing is changed. Audited as {@code unit.import}; publishes {@link vn.dxgov.units.UnitsChanged}.
     */
    @Transactional
    public LoadReport importReform(ReformImport req) {
        requireDatesAndFiles(req);
        Neighbours around = neighbours(storedEras(), req.validFrom());
        String unitsSource = req.unitsSource() == null ? "units.csv" : req.unitsSource();
        String linksSource = req.successorsSource() == null ? "successors.csv" : req.successorsSource();
        Problems problems = new Problems();
        UnitEra newEra = req.units() != null ? newEra(req, around, unitsSource, problems)
                : linkedEra(req, around, linksSource, problems);
        SuccessorFile links = req.successors() == null ? null : successorFile(req, around, newEra, linksSource, problems);
        if (!problems.isEmpty()) {
            // read the files too, so that one answer lists every problem
            if (req.units() != null) {
                UnitCsvParser.parseUnits(unitsSource, req.units(), newEra, problems);
            }
            if (req.successors() != null) {
                UnitCsvParser.parseSuccessors(linksSource, req.successors(), problems);
            }
            problems.throwIfAny();
        }
        List<UnitFile> files = req.units() == null ? List.of() : List.of(new UnitFile(unitsSource, newEra, req.units()));
        LoadReport report = closePrevious(req, around.previous(), load(files, links, problems));
        if (req.dryRun()) {
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return report;
        }
        audit.record("unit.import", "admin_unit", newEra == null ? req.validFrom().toString() : newEra.label(), null,
                Map.of("validFrom", req.validFrom().toString(), "units", report.units(), "links", report.links(),
                        "files", java.util.stream.Stream.of(req.units() == null ? null : unitsSource,
                                req.successors() == null ? null : linksSource).filter(java.util.Objects::nonNull).toList()));
        events.publishEvent(new vn.dxgov.units.UnitsChanged("import"));
        return report;
    }

    /** A start day, at least one file, an end not before the start: each missing one is the only answer. */
    private static void requireDatesAndFiles(ReformImport req) {
        Problems problems = new Problems();
        if (req.validFrom() == null) {
            problems.add("ngày hiệu lực", 0, "cần ngày bắt đầu hiệu lực của các đơn vị mới");
            problems.throwIfAny();
        }
        if (req.units() == null && req.successors() == null) {
            problems.add("tệp", 0, "cần tệp danh sách đơn vị, tệp liên kết kế thừa, hoặc cả hai");
            problems.throwIfAny();
        }
        if (req.validTo() != null && req.validTo().isBefore(req.validFrom())) {
            problems.add("ngày hiệu lực", 0, "ngày hết hiệu lực " + day(req.validTo()) + " trước ngày bắt đầu " + day(req.validFrom()));
            problems.throwIfAny();
        }
    }

    /**
     * The stored lists around a start day: the last one starting before it, the one starting on it, the first one
     * starting after it (each null when there is none).
     */
    private record Neighbours(StoredEra previous, StoredEra target, StoredEra later) {
    }

    private static Neighbours neighbours(List<StoredEra> eras, LocalDate validFrom) {
        StoredEra previous = null;
        StoredEra target = null;
        for (StoredEra e : eras) {
            if (e.validFrom().isBefore(validFrom)) {
                previous = e;
            } else if (e.validFrom().equals(validFrom)) {
                target = e;
            }
        }
        StoredEra later = eras.stream().filter(e -> e.validFrom().isAfter(validFrom)).findFirst().orElse(null);
        return new Neighbours(previous, target, later);
    }

    /** The era of a new units file: the newest, not loaded yet, starting the day after the previous list ends. */
    private static UnitEra newEra(ReformImport req, Neighbours around, String unitsSource, Problems problems) {
        LocalDate dayBefore = req.validFrom().minusDays(1);
        StoredEra previous = around.previous();
        if (around.target() != null) {
            problems.add(unitsSource, 0, "các đơn vị có hiệu lực từ " + day(req.validFrom()) + " đã được nạp trước đây");
        }
        if (around.later() != null) {
            problems.add(unitsSource, 0, "đã có danh sách đơn vị hiệu lực từ " + day(around.later().validFrom())
                    + ", sau ngày " + day(req.validFrom()) + ": chỉ nạp được danh sách mới nhất");
        }
        if (previous != null && previous.validTo() != null && previous.validTo().isBefore(dayBefore)) {
            problems.add(unitsSource, 0, "khoảng trống ngày: danh sách trước hết hiệu lực ngày " + day(previous.validTo())
                    + ", danh sách mới bắt đầu ngày " + day(req.validFrom()) + "; không có đơn vị nào có hiệu lực từ "
                    + day(previous.validTo().plusDays(1)) + " đến " + day(dayBefore));
        }
        if (previous != null && previous.validTo() != null && previous.validTo().isAfter(dayBefore)) {
            problems.add(unitsSource, 0, "chồng ngày: danh sách trước còn hiệu lực đến " + day(previous.validTo())
                    + ", danh sách mới bắt đầu ngày " + day(req.validFrom()));
        }
        Map<Integer, UnitLevel> levels = req.levels() == null || req.levels().isEmpty()
                ? Map.of(1, UnitLevel.PROVINCE, 2, UnitLevel.COMMUNE) : req.levels();
        String label = req.label() == null || req.label().isBlank() ? String.valueOf(req.validFrom().getYear()) : req.label().trim();
        return new UnitEra(label, req.validFrom(), req.validTo(), levels);
    }

    /** Links only: the stored list starting on the day is the one they lead to (null, with a problem, if none). */
    private static UnitEra linkedEra(ReformImport req, Neighbours around, String linksSource, Problems problems) {
        if (around.target() == null) {
            problems.add(linksSource, 0, "chưa có danh sách đơn vị hiệu lực từ " + day(req.validFrom())
                    + " để liên kết tới; nạp kèm tệp danh sách đơn vị");
            return null;
        }
        return era(around.target());
    }

    /** Links from the previous list to the new one, which must follow it without a gap (null when one is missing). */
    private static SuccessorFile successorFile(ReformImport req, Neighbours around, UnitEra newEra, String linksSource,
                                               Problems problems) {
        StoredEra previous = around.previous();
        if (previous == null) {
            problems.add(linksSource, 0, "không có danh sách đơn vị nào trước ngày " + day(req.validFrom()) + " để liên kết từ đó");
        } else if (previous.validTo() != null && !previous.validTo().equals(req.validFrom().minusDays(1))) {
            problems.add(linksSource, 0, "khoảng trống ngày: đơn vị cũ hết hiệu lực ngày " + day(previous.validTo())
                    + ", đơn vị mới bắt đầu ngày " + day(req.validFrom()) + "; liên kết kế thừa cần hai danh sách liền nhau");
        }
        return previous == null || newEra == null ? null
                : new SuccessorFile(linksSource, era(previous), newEra, req.successors());
    }

    /** A new units list ends the open previous one the day before it starts; the report says so. */
    private LoadReport closePrevious(ReformImport req, StoredEra previous, LoadReport report) {
        LocalDate dayBefore = req.validFrom().minusDays(1);
        int closed = 0;
        if (req.units() != null && previous != null && previous.validTo() == null) {
            closed = jdbc.sql("update admin_unit set valid_to = ? where valid_from = ? and valid_to is null")
                    .param(dayBefore).param(previous.validFrom()).update();
        }
        if (report.unitsByEra().isEmpty() && report.links() == 0) {
            return report;
        }
        List<String> warnings = new ArrayList<>(report.warnings());
        if (closed > 0) {
            warnings.add(closed + " đơn vị của danh sách từ " + day(previous.validFrom()) + " hết hiệu lực ngày " + day(dayBefore));
        }
        return new LoadReport(report.unitsByEra(), report.links(), List.copyOf(warnings), report.millis());
    }

    static String day(LocalDate d) {
        return d.format(DAY);
    }

    private static String levelName(UnitLevel level) {
        return switch (level) {
            case PROVINCE -> "đơn vị cấp tỉnh";
            case DISTRICT -> "đơn vị cấp huyện";
            case COMMUNE -> "đơn vị cấp xã";
        };
    }

    /** A units file of one era. The reader is consumed. */
    public record UnitFile(String source, UnitEra era, Reader content) {
    }

    /** Links from units of era {@code from} to units of era {@code to}, effective on the first day of {@code to}. */
    public record SuccessorFile(String source, UnitEra from, UnitEra to, Reader content) {
    }

    /**
     * What was loaded.
     *
     * @param unitsByEra units inserted per era label
     * @param warnings   things loaded although not quite as written (e.g. a link's old level that does not match)
     */
    public record LoadReport(Map<String, Integer> unitsByEra, int links, List<String> warnings, long millis) {

        public int units() {
            return unitsByEra.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Loads the bundled units of Vietnam before and after the reform of 1/7/2025 and the links between them, unless
     * the admin_unit table already holds units. Safe when several nodes start at once.
     *
     * @return the report, or null when units were there already
     */
    @Transactional
    public LoadReport loadBundledIfEmpty() {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) locked").param(SEED_LOCK).query(Integer.class).list();
        if (jdbc.sql("select exists (select 1 from admin_unit)").query(Boolean.class).single()) {
            return null;
        }
        LoadReport report = load(List.of(
                        new UnitFile("units-2020-2025.csv", UnitEra.BEFORE_2025_REFORM, bundled("units-2020-2025.csv")),
                        new UnitFile("units-2025.csv", UnitEra.FROM_2025_REFORM, bundled("units-2025.csv"))),
                new SuccessorFile("units-2025-successors.csv", UnitEra.BEFORE_2025_REFORM, UnitEra.FROM_2025_REFORM,
                        bundled("units-2025-successors.csv")));
        log.info("Loaded {} administrative units and {} successor links in {} ms", report.units(), report.links(),
                report.millis());
        report.warnings().forEach(w -> log.info("Units: {}", w));
        return report;
    }

    /**
     * Loads units of one or more eras and, optionally, successor links. The eras of {@code units} must not be loaded
     * yet; a successor file may refer to units of an era loaded earlier.
     *
     * @throws UnitCsvException listing every problem; nothing is written then
     */
    @Transactional
    public LoadReport load(List<UnitFile> units, SuccessorFile successors) {
        return load(units, successors, new Problems());
    }

    private LoadReport load(List<UnitFile> units, SuccessorFile successors, Problems problems) {
        long start = System.nanoTime();
        Map<LocalDate, List<UnitRow>> rowsByEra = new HashMap<>();
        for (UnitFile file : units) {
            List<UnitRow> rows = UnitCsvParser.parseUnits(file.source(), file.content(), file.era(), problems);
            if (rowsByEra.putIfAbsent(file.era().validFrom(), rows) != null) {
                problems.add(file.source(), 0, "tệp thứ hai cho các đơn vị có hiệu lực từ " + day(file.era().validFrom()));
            }
            if (jdbc.sql("select exists (select 1 from admin_unit where valid_from = ?)").param(file.era().validFrom())
                    .query(Boolean.class).single()) {
                problems.add(file.source(), 0, "các đơn vị có hiệu lực từ " + day(file.era().validFrom()) + " đã được nạp trước đây");
            }
        }
        List<String> warnings = new ArrayList<>();
        List<LinkRow> links = successors == null ? List.of()
                : UnitCsvParser.parseSuccessors(successors.source(), successors.content(), problems);
        // links are checked against the units read so far too, so that one answer lists every problem

        Map<LocalDate, Map<String, Long>> ids = new HashMap<>();
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (UnitFile file : units) {
            List<UnitRow> rows = rowsByEra.get(file.era().validFrom());
            ids.put(file.era().validFrom(), allocateIds(rows));
            counts.put(file.era().label(), rows.size());
        }
        List<Object[]> linkRows = successors == null ? List.of() : resolveLinks(successors, links, rowsByEra, ids, problems, warnings);
        problems.throwIfAny();

        for (UnitFile file : units) {
            insertUnits(file.era(), rowsByEra.get(file.era().validFrom()), ids.get(file.era().validFrom()));
        }
        insertLinks(linkRows);
        return new LoadReport(counts, linkRows.size(), warnings, (System.nanoTime() - start) / 1_000_000);
    }

    /** A strict UTF-8 reader: bytes that are not UTF-8 make the file fail with a clear problem, not garbled names. */
    public static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static Reader bundled(String name) {
        try {
            return utf8(new ClassPathResource(BUNDLED + name).getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled unit file " + name + " is missing", e);
        }
    }

    private Map<String, Long> allocateIds(List<UnitRow> rows) {
        List<Long> seq = jdbc.sql("select nextval('admin_unit_id_seq') from generate_series(1, ?)")
                .param(rows.size()).query(Long.class).list();
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ids.put(rows.get(i).code(), seq.get(i));
        }
        return ids;
    }

    private List<Object[]> resolveLinks(SuccessorFile file, List<LinkRow> links, Map<LocalDate, List<UnitRow>> rowsByEra,
                                        Map<LocalDate, Map<String, Long>> ids, Problems problems, List<String> warnings) {
        Map<String, Known> from = known(file.from(), rowsByEra, ids);
        Map<String, Known> to = known(file.to(), rowsByEra, ids);
        Map<String, Integer> partials = new HashMap<>();
        links.stream().filter(l -> l.share() == UnitLink.Share.PARTIAL).forEach(l -> partials.merge(l.oldCode(), 1, Integer::sum));
        List<Object[]> rows = new ArrayList<>();
        for (LinkRow link : links) {
            Known old = from.get(link.oldCode());
            Known successor = to.get(link.newCode());
            if (old == null) {
                problems.add(link.source(), link.line(), "đơn vị cũ " + link.oldCode() + " không tồn tại (không có đơn vị nào của giai đoạn "
                        + file.from().label() + " mang mã này)");
            } else if (old.level() != file.from().levels().get(link.oldLevel())) {
                warnings.add(link.source() + ", dòng " + link.line() + ": đơn vị cũ " + link.oldCode() + " là "
                        + levelName(old.level()) + ", không phải cấp " + link.oldLevel() + " như đã ghi; vẫn liên kết");
            }
            if (successor == null) {
                problems.add(link.source(), link.line(), "đơn vị mới " + link.newCode() + " không tồn tại (không có đơn vị nào của giai đoạn "
                        + file.to().label() + " mang mã này)");
            }
            if (old == null || successor == null) {
                continue;
            }
            BigDecimal fraction = link.share() == UnitLink.Share.FULL ? BigDecimal.ONE
                    : BigDecimal.ONE.divide(BigDecimal.valueOf(partials.get(link.oldCode())), 6, RoundingMode.HALF_EVEN);
            rows.add(new Object[] {old.id(), successor.id(), link.share().name(), fraction, file.to().validFrom()});
        }
        return rows;
    }

    private record Known(long id, UnitLevel level) {
    }

    /** Code to id and level of the units of an era: from the files being loaded, else from the database. */
    private Map<String, Known> known(UnitEra era, Map<LocalDate, List<UnitRow>> rowsByEra, Map<LocalDate, Map<String, Long>> ids) {
        Map<String, Known> known = new HashMap<>();
        List<UnitRow> rows = rowsByEra.get(era.validFrom());
        if (rows != null) {
            Map<String, Long> eraIds = ids.get(era.validFrom());
            rows.forEach(r -> known.put(r.code(), new Known(eraIds.get(r.code()), r.level())));
        } else {
            jdbc.sql("select id, code, level from admin_unit where valid_from = ?").param(era.validFrom())
                    .query((rs, n) -> known.put(rs.getString("code"),
                            new Known(rs.getLong("id"), UnitLevel.valueOf(rs.getString("level"))))).list();
        }
        return known;
    }

    private void insertUnits(UnitEra era, List<UnitRow> rows, Map<String, Long> ids) {
        // parents before children: the foreign key is checked row by row
        List<UnitRow> ordered = rows.stream().sorted(Comparator.comparingInt(UnitRow::csvLevel)).toList();
        Date validFrom = Date.valueOf(era.validFrom());
        Date validTo = era.validTo() == null ? null : Date.valueOf(era.validTo());
        String sql = """
                insert into admin_unit (id, code, name, name_folded, level, unit_type, parent_id, valid_from, valid_to)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        for (int from = 0; from < ordered.size(); from += BATCH) {
            List<UnitRow> batch = ordered.subList(from, Math.min(ordered.size(), from + BATCH));
            template.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    UnitRow r = batch.get(i);
                    ps.setLong(1, ids.get(r.code()));
                    ps.setString(2, r.code());
                    ps.setString(3, r.name());
                    ps.setString(4, VietText.fold(r.name()));
                    ps.setString(5, r.level().name());
                    ps.setString(6, r.type());
                    if (r.parentCode() == null) {
                        ps.setNull(7, Types.BIGINT);
                    } else {
                        ps.setLong(7, ids.get(r.parentCode()));
                    }
                    ps.setDate(8, validFrom);
                    if (validTo == null) {
                        ps.setNull(9, Types.DATE);
                    } else {
                        ps.setDate(9, validTo);
                    }
                }

                @Override
                public int getBatchSize() {
                    return batch.size();
                }
            });
        }
    }

    private void insertLinks(List<Object[]> rows) {
        String sql = """
                insert into admin_unit_successor (predecessor_id, successor_id, share_kind, share_fraction, effective_on)
                values (?, ?, ?, ?, ?) on conflict do nothing""";
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            template.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Object[] r = batch.get(i);
                    ps.setLong(1, (Long) r[0]);
                    ps.setLong(2, (Long) r[1]);
                    ps.setString(3, (String) r[2]);
                    ps.setBigDecimal(4, (BigDecimal) r[3]);
                    ps.setDate(5, Date.valueOf((LocalDate) r[4]));
                }

                @Override
                public int getBatchSize() {
                    return batch.size();
                }
            });
        }
    }
}
