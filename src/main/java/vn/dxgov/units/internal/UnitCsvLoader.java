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
 * Used at start for the bundled files ({@link #loadBundledIfEmpty()}) and for an administrator's upload of a reform
 * ({@link UnitReform}, which places the new list among the stored ones).
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

    UnitCsvLoader(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
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

    /** As {@link #load(List, SuccessorFile)}, adding to problems already found (a reform's dates). */
    LoadReport load(List<UnitFile> units, SuccessorFile successors, Problems problems) {
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
