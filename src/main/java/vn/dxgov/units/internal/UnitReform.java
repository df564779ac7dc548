package vn.dxgov.units.internal;

import static vn.dxgov.units.internal.UnitCsvLoader.day;

import java.io.Reader;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.security.AuditLog;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.internal.UnitCsvParser.Problems;

/**
 * A reform of administrative units as an administrator imports it (the next one after 1/7/2025): where the new list
 * sits among the stored ones (no gap, no overlap, only the newest), which list its links come from, the previous list
 * closed the day before; the files themselves are read and written by {@link UnitCsvLoader}.
 */
@Component
class UnitReform {

    private final JdbcClient jdbc;
    private final UnitCsvLoader loader;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    UnitReform(JdbcClient jdbc, UnitCsvLoader loader, ApplicationEventPublisher events, AuditLog audit) {
        this.jdbc = jdbc;
        this.loader = loader;
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
     * new one starts; an open list is closed then), units and links as in {@link UnitCsvLoader#load(List, UnitCsvLoader.SuccessorFile)}. One
     * transaction: on any problem a {@link UnitCsvException} lists them all (Vietnamese, with file and line) and
     * nothing is changed. Audited as {@code unit.import}; publishes {@link vn.dxgov.units.UnitsChanged}.
     */
    @Transactional
    UnitCsvLoader.LoadReport importReform(ReformImport req) {
        requireDatesAndFiles(req);
        Neighbours around = neighbours(storedEras(), req.validFrom());
        String unitsSource = req.unitsSource() == null ? "units.csv" : req.unitsSource();
        String linksSource = req.successorsSource() == null ? "successors.csv" : req.successorsSource();
        Problems problems = new Problems();
        UnitEra newEra = req.units() != null ? newEra(req, around, unitsSource, problems)
                : linkedEra(req, around, linksSource, problems);
        UnitCsvLoader.SuccessorFile links = req.successors() == null ? null : successorFile(req, around, newEra, linksSource, problems);
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
        List<UnitCsvLoader.UnitFile> files = req.units() == null ? List.of() : List.of(new UnitCsvLoader.UnitFile(unitsSource, newEra, req.units()));
        UnitCsvLoader.LoadReport report = closePrevious(req, around.previous(), loader.load(files, links, problems));
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
    private static UnitCsvLoader.SuccessorFile successorFile(ReformImport req, Neighbours around, UnitEra newEra, String linksSource,
                                               Problems problems) {
        StoredEra previous = around.previous();
        if (previous == null) {
            problems.add(linksSource, 0, "không có danh sách đơn vị nào trước ngày " + day(req.validFrom()) + " để liên kết từ đó");
        } else if (previous.validTo() != null && !previous.validTo().equals(req.validFrom().minusDays(1))) {
            problems.add(linksSource, 0, "khoảng trống ngày: đơn vị cũ hết hiệu lực ngày " + day(previous.validTo())
                    + ", đơn vị mới bắt đầu ngày " + day(req.validFrom()) + "; liên kết kế thừa cần hai danh sách liền nhau");
        }
        return previous == null || newEra == null ? null
                : new UnitCsvLoader.SuccessorFile(linksSource, era(previous), newEra, req.successors());
    }

    /** A new units list ends the open previous one the day before it starts; the report says so. */
    private UnitCsvLoader.LoadReport closePrevious(ReformImport req, StoredEra previous, UnitCsvLoader.LoadReport report) {
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
        return new UnitCsvLoader.LoadReport(report.unitsByEra(), report.links(), List.copyOf(warnings), report.millis());
    }
}
