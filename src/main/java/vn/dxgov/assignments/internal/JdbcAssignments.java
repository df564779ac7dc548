package vn.dxgov.assignments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.assignments.Assignments;
import vn.dxgov.security.AuditLog;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

/** Assignments stored in PostgreSQL (tables assignment_decision, assignment_tranche, assignment). */
@Service
class JdbcAssignments implements Assignments {

    /** The last day of the district level (the reform of 1/7/2025). */
    static final LocalDate LAST_DISTRICT_DAY = LocalDate.of(2025, 6, 30);

    private final JdbcClient jdbc;
    private final AdminUnits units;
    private final TargetCatalog targets;
    private final Completions completions;
    private final RoundFeed feed;
    private final AuditLog audit;
    private final Clock clock;

    JdbcAssignments(JdbcClient jdbc, AdminUnits units, TargetCatalog targets, Completions completions, RoundFeed feed,
                    AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.targets = targets;
        this.completions = completions;
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
    }

    // ================================================================ reading

    @Override
    @Transactional(readOnly = true)
    public List<Decision> decisions() {
        List<Decision> list = jdbc.sql("select * from assignment_decision order by province_code, issued_on nulls last, id")
                .query(this::mapDecision).list();
        return list.stream().map(d -> withTranches(d)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Decision decision(long id) {
        return findDecision(id).orElseThrow(() -> ApiException.notFound("assignment decision", id));
    }

    Optional<Decision> findDecision(long id) {
        return jdbc.sql("select * from assignment_decision where id = ?").param(id).query(this::mapDecision).optional()
                .map(this::withTranches);
    }

    Optional<Decision> findDecision(String provinceCode, String number) {
        return jdbc.sql("select * from assignment_decision where province_code = ? and number = ?")
                .params(provinceCode, number).query(this::mapDecision).optional().map(this::withTranches);
    }

    @Override
    @Transactional(readOnly = true)
    public Rollup rollup(long id) {
        Decision d = decision(id);
        Completions.Snapshot snapshot = completions.read();
        List<Assignment> all = assignmentsOf(d, snapshot);
        Map<UnitLevel, SortedMap<Integer, Integer>> rounds = new HashMap<>();
        List<Figure> figures = new ArrayList<>();
        for (Tranche t : d.tranches()) {
            List<Assignment> mine = all.stream().filter(a -> a.trancheId() == t.id()).toList();
            int done = count(mine, Status.DONE);
            int pending = count(mine, Status.PENDING);
            int overdue = count(mine, Status.OVERDUE);
            int late = (int) mine.stream().filter(a -> a.status() == Status.OVERDUE && a.completedYear() != null).count();
            int cumRequired = d.tranches().stream().filter(x -> x.level() == t.level() && x.year() <= t.year())
                    .mapToInt(Tranche::required).sum();
            int cumDone = (int) all.stream().filter(a -> a.level() == t.level() && a.completedYear() != null
                    && a.completedYear() <= t.year()).count();
            SortedMap<Integer, Integer> byYear = rounds.computeIfAbsent(t.level(),
                    l -> Completions.cumulative(snapshot, d.provinceCode(), l));
            figures.add(new Figure(t.id(), t.level(), t.year(), t.required(), mine.size(), done, pending, overdue, late,
                    cumRequired, cumDone, Completions.upTo(byYear, t.year())));
        }
        boolean visible = AssignmentAccess.readsUnits();
        return new Rollup(d, figures, visible, visible ? all : List.of());
    }

    private static int count(List<Assignment> list, Status s) {
        return (int) list.stream().filter(a -> a.status() == s).count();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Assignment> assignments(long decisionId) {
        AssignmentAccess.requireUnits();
        return assignmentsOf(decision(decisionId), completions.read());
    }

    private List<Assignment> assignmentsOf(Decision d, Completions.Snapshot snapshot) {
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = jdbc.sql("""
                        select a.*, t.level, t.year from assignment a join assignment_tranche t on t.id = a.tranche_id
                        where a.decision_id = ?""").param(d.id())
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getLong("tranche_id"), UnitLevel.valueOf(rs.getString("level")),
                        rs.getInt("year"), rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"),
                        rs.getString("named_as"), rs.getString("assigned_by"), rs.getTimestamp("assigned_at"))).list();
        List<Assignment> out = new ArrayList<>();
        for (Row r : rows) {
            AdminUnit unit = units.find(r.unitId()).orElse(null);
            LocalDate validTo = unit == null ? null : unit.validTo();
            List<Successor> successors = new ArrayList<>();
            Completions.Done own = snapshot.of(r.unitId()).orElse(null);
            Completions.Done viaSuccessor = null;
            if (validTo != null) {
                for (UnitLink l : units.successors(r.unitId())) {
                    AdminUnit s = l.successor();
                    successors.add(new Successor(s.id(), s.code(), s.name(), l.share().name()));
                    Completions.Done sd = snapshot.of(s.id()).orElse(null);
                    if (sd != null && (viaSuccessor == null || sd.year() < viaSuccessor.year())) {
                        viaSuccessor = sd;
                    }
                }
            }
            Completions.Done first = own;
            boolean via = false;
            if (viaSuccessor != null && (own == null || viaSuccessor.year() < own.year())) {
                first = viaSuccessor;
                via = true;
            }
            Status status;
            if (first != null && first.year() <= r.year()) {
                status = Status.DONE;
            } else if (today.isAfter(LocalDate.of(r.year(), 12, 31))) {
                status = Status.OVERDUE;
            } else {
                status = Status.PENDING;
            }
            out.add(new Assignment(r.id(), d.id(), r.trancheId(), r.level(), r.year(), r.unitId(), r.unitCode(),
                    r.unitName(), r.namedAs(), status, first == null ? null : first.year(),
                    first == null ? null : first.roundId(), via, validTo, successors, r.assignedBy(),
                    r.assignedAt() == null ? null : r.assignedAt().toInstant()));
        }
        out.sort(Comparator.comparing(Assignment::level).thenComparingInt(Assignment::year)
                .thenComparing(Assignment::unitName, VietText.collator()));
        return out;
    }

    private record Row(long id, long trancheId, UnitLevel level, int year, long unitId, String unitCode, String unitName,
                       String namedAs, String assignedBy, Timestamp assignedAt) {
    }

    @Override
    @Transactional(readOnly = true)
    public SortedMap<Integer, Integer> completions(String provinceCode, UnitLevel level) {
        String code = provinceCode(provinceCode).orElseThrow(() -> ApiException.notFound("province", provinceCode));
        return Completions.cumulative(completions.read(), code, level);
    }

    @Override
    public List<FeedWrite> feedTargets() {
        AssignmentAccess.requireEdit();
        return feed.run();
    }

    // ================================================================ import

    @Override
    @Transactional
    public ImportResult importCsv(ImportRequest req, String filename, byte[] content) {
        AssignmentAccess.requireEdit();
        List<String> problems = new ArrayList<>();
        String province = null;
        if (req == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "error.badRequest");
        }
        if (req.provinceCode() == null || req.provinceCode().isBlank()) {
            problems.add("provinceCode: chọn tỉnh");
        } else {
            province = provinceCode(req.provinceCode()).orElse(null);
            if (province == null) {
                problems.add("provinceCode: không có tỉnh \"" + req.provinceCode() + "\"");
            }
        }
        if (req.number() == null || req.number().isBlank()) {
            problems.add("number: thiếu số, ký hiệu văn bản giao chỉ tiêu (ví dụ 969/QĐ-UBND)");
        }
        if (req.title() == null || req.title().isBlank()) {
            problems.add("title: thiếu trích yếu văn bản");
        }
        if (req.targetId() != null && targets.find(req.targetId()).isEmpty()) {
            problems.add("targetId: không có chỉ tiêu " + req.targetId());
        }
        AssignmentCsv.Parsed parsed = AssignmentCsv.parse(content);
        problems.addAll(parsed.problems());
        // named units: pre-2025 districts of the province (or communes), matched without diacritics
        Map<AssignmentCsv.Row, List<AdminUnit>> named = new LinkedHashMap<>();
        Map<Long, Integer> unitLine = new HashMap<>();
        if (province != null) {
            for (AssignmentCsv.Row row : parsed.rows()) {
                List<AdminUnit> found = new ArrayList<>();
                for (String name : row.names()) {
                    List<AdminUnit> match = match(province, row.level(), row.year(), name);
                    if (match.isEmpty()) {
                        problems.add("dòng " + row.line() + ", cột unit_names: không tìm thấy " + levelName(row.level())
                                + " \"" + name + "\" của tỉnh " + province);
                    } else if (match.size() > 1) {
                        problems.add("dòng " + row.line() + ", cột unit_names: \"" + name + "\" ứng với nhiều đơn vị: "
                                + String.join(", ", match.stream().map(AdminUnit::name).toList()));
                    } else {
                        AdminUnit u = match.get(0);
                        Integer other = unitLine.putIfAbsent(u.id(), row.line());
                        if (other != null) {
                            problems.add("dòng " + row.line() + ", cột unit_names: " + u.name() + " đã được giao ở dòng " + other);
                        } else {
                            found.add(u);
                        }
                    }
                }
                named.put(row, found);
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assignments.import.invalid");
        }
        String number = VietText.clean(req.number());
        Optional<Decision> existing = findDecision(province, number);
        if (existing.isPresent() && !req.replace()) {
            throw new ApiException(HttpStatus.CONFLICT, "assignments.import.exists", number);
        }
        long decisionId;
        Decision before = existing.orElse(null);
        if (before == null) {
            decisionId = jdbc.sql("""
                            insert into assignment_decision (province_code, number, title, issued_on, source, target_id, created_by)
                            values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(province, number, VietText.clean(req.title()), req.issuedOn(), filename, req.targetId(),
                            AssignmentAccess.actor()).query(Long.class).single();
        } else {
            decisionId = before.id();
            // tranches missing from the new file go, unless units are assigned to them
            List<String> blocked = new ArrayList<>();
            for (Tranche t : before.tranches()) {
                boolean kept = parsed.rows().stream().anyMatch(r -> r.level() == t.level() && r.year() == t.year());
                if (!kept) {
                    int n = assignedCount(t.id());
                    if (n > 0) {
                        blocked.add(levelName(t.level()) + " " + t.year() + ": " + n + " đơn vị đã được giao, tệp mới không còn dòng này");
                    } else {
                        jdbc.sql("delete from assignment_tranche where id = ?").param(t.id()).update();
                    }
                }
            }
            if (!blocked.isEmpty()) {
                throw new ApiException(HttpStatus.CONFLICT, blocked, "assignments.import.blocked");
            }
            jdbc.sql("update assignment_decision set title = ?, issued_on = ?, source = ?, target_id = coalesce(?, target_id) where id = ?")
                    .params(VietText.clean(req.title()), req.issuedOn(), filename, req.targetId(), decisionId).update();
            jdbc.sql("delete from assignment where decision_id = ? and named_as is not null").param(decisionId).update();
        }
        int namedUnits = 0;
        List<String> conflicts = new ArrayList<>();
        for (AssignmentCsv.Row row : parsed.rows()) {
            long trancheId = jdbc.sql("""
                            insert into assignment_tranche (decision_id, level, year, required_count, named, source)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (decision_id, level, year) do update set required_count = excluded.required_count,
                                named = excluded.named, source = excluded.source
                            returning id""")
                    .params(decisionId, row.level().name(), row.year(), row.count(), !row.names().isEmpty(), row.source())
                    .query(Long.class).single();
            int already = assignedCount(trancheId);
            if (already + named.getOrDefault(row, List.of()).size() > row.count()) {
                conflicts.add("dòng " + row.line() + ": " + (already + named.get(row).size()) + " đơn vị đã giao, vượt chỉ tiêu " + row.count());
            }
            List<String> names = row.names();
            List<AdminUnit> found = named.getOrDefault(row, List.of());
            for (int i = 0; i < found.size(); i++) {
                AdminUnit u = found.get(i);
                int n = jdbc.sql("""
                                insert into assignment (decision_id, tranche_id, unit_id, unit_code, unit_name, named_as, assigned_by)
                                values (?, ?, ?, ?, ?, ?, ?) on conflict (decision_id, unit_id) do nothing""")
                        .params(decisionId, trancheId, u.id(), u.code(), u.name(), names.get(i), AssignmentAccess.actor())
                        .update();
                if (n == 0) {
                    conflicts.add("dòng " + row.line() + ": " + u.name() + " đã được giao cho năm khác của văn bản này");
                }
                namedUnits += n;
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, conflicts, "assignments.import.blocked");
        }
        Decision after = decision(decisionId);
        audit.record("assignment.import", "assignment_decision", decisionId, before,
                Map.of("decision", after, "file", filename == null ? "" : filename, "namedUnits", namedUnits));
        return new ImportResult(after, before == null, parsed.rows().size(), namedUnits);
    }

    private int assignedCount(long trancheId) {
        return jdbc.sql("select count(*) from assignment where tranche_id = ?").param(trancheId).query(Integer.class).single();
    }

    /**
     * The units of a level of the province a name stands for: "TP Thanh Hóa" is Thành phố Thanh Hóa, "TX Nghi Sơn"
     * Thị xã Nghi Sơn, "Hoằng Hóa" Huyện Hoằng Hóa; districts as they were before 1/7/2025.
     */
    List<AdminUnit> match(String provinceCode, UnitLevel level, int year, String name) {
        LocalDate on = LocalDate.of(year, 12, 31);
        if (level == UnitLevel.DISTRICT && on.isAfter(LAST_DISTRICT_DAY)) {
            on = LAST_DISTRICT_DAY;
        }
        List<AdminUnit> candidates = candidates(provinceCode, level, on);
        if (candidates.isEmpty() && level == UnitLevel.COMMUNE) {
            candidates = candidates(provinceCode, level, LocalDate.of(year, 1, 1));
        }
        String whole = VietText.fold(name).replace(".", ". ").replaceAll("\\s+", " ").trim();
        // "Quan Hóa" is a name, not "Quận Hóa": the name as written first, then with a type in front taken off
        List<AdminUnit> exact = candidates.stream().filter(u -> VietText.fold(shortName(u)).equals(whole)
                || VietText.fold(u.name()).equals(whole)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        for (Map.Entry<String, String> p : PREFIXES.entrySet()) {
            if (whole.startsWith(p.getKey() + " ")) {
                String rest = whole.substring(p.getKey().length() + 1).trim();
                String type = p.getValue();
                return candidates.stream().filter(u -> VietText.fold(shortName(u)).equals(rest))
                        .filter(u -> VietText.fold(u.type()).equals(type)).toList();
            }
        }
        return List.of();
    }

    private List<AdminUnit> candidates(String provinceCode, UnitLevel level, LocalDate on) {
        return units.find(provinceCode, on).map(p -> units.below(p.id(), level)).orElse(List.of()).stream()
                .filter(u -> u.validOn(on)).toList();
    }

    /** Abbreviations of unit types as documents write them, folded. */
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("thanh pho", "thanh pho");
        PREFIXES.put("tp.", "thanh pho");
        PREFIXES.put("tp", "thanh pho");
        PREFIXES.put("thi xa", "thi xa");
        PREFIXES.put("tx.", "thi xa");
        PREFIXES.put("tx", "thi xa");
        PREFIXES.put("huyen", "huyen");
        PREFIXES.put("h.", "huyen");
        PREFIXES.put("quan", "quan");
        PREFIXES.put("thi tran", "thi tran");
        PREFIXES.put("tt.", "thi tran");
        PREFIXES.put("tt", "thi tran");
        PREFIXES.put("phuong", "phuong");
        PREFIXES.put("p.", "phuong");
        PREFIXES.put("xa", "xa");
        PREFIXES.put("x.", "xa");
    }

    static String shortName(AdminUnit u) {
        String name = u.name();
        return u.type() != null && name.startsWith(u.type() + " ") ? name.substring(u.type().length() + 1) : name;
    }

    static String levelName(UnitLevel level) {
        return level == UnitLevel.DISTRICT ? "huyện" : level == UnitLevel.COMMUNE ? "xã" : "tỉnh";
    }

    /** The official code of a province given by name or code ("Thanh Hóa", "38"), before or after the reform. */
    Optional<String> provinceCode(String nameOrCode) {
        LocalDate today = LocalDate.now(clock);
        return units.findProvince(nameOrCode, today).or(() -> units.findProvince(nameOrCode, LAST_DISTRICT_DAY))
                .map(AdminUnit::code);
    }

    // ================================================================ assigning

    @Override
    @Transactional
    public List<Assignment> assign(long decisionId, UnitLevel level, int year, List<Long> unitIds) {
        AssignmentAccess.requireEdit();
        Decision d = decision(decisionId);
        Tranche t = d.tranches().stream().filter(x -> x.level() == level && x.year() == year).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "assignments.tranche.notFound",
                        levelName(level), year));
        if (unitIds == null || unitIds.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("unitIds: chọn ít nhất một đơn vị"), "assignments.assign.invalid");
        }
        List<String> problems = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Map<Long, Long> parents = units.parentIds();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<AdminUnit> adding = new ArrayList<>();
        for (Long id : unitIds) {
            AdminUnit u = id == null ? null : units.find(id).orElse(null);
            if (u == null) {
                problems.add("unitIds: không có đơn vị " + id);
                continue;
            }
            if (u.level() != level) {
                problems.add("unitIds: " + u.name() + " không phải đơn vị cấp " + levelName(level));
                continue;
            }
            if (!d.provinceCode().equals(provinceOf(u.id(), parents))) {
                problems.add("unitIds: " + u.name() + " không thuộc tỉnh " + d.provinceName());
                continue;
            }
            if (u.validFrom().isAfter(last) || (u.validTo() != null && u.validTo().isBefore(first))) {
                problems.add("unitIds: " + u.name() + " không còn hoặc chưa có hiệu lực trong năm " + year);
                continue;
            }
            Optional<Integer> other = jdbc.sql("""
                            select t.year from assignment a join assignment_tranche t on t.id = a.tranche_id
                            where a.decision_id = ? and a.unit_id = ?""").params(decisionId, u.id())
                    .query(Integer.class).optional();
            if (other.isPresent()) {
                conflicts.add(u.name() + " đã được giao năm " + other.get());
                continue;
            }
            if (adding.stream().noneMatch(x -> x.id() == u.id())) {
                adding.add(u);
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "assignments.assign.invalid");
        }
        int already = assignedCount(t.id());
        if (already + adding.size() > t.required()) {
            conflicts.add("chỉ tiêu " + levelName(level) + " năm " + year + " là " + t.required() + " đơn vị, đã giao "
                    + already + ", không thể giao thêm " + adding.size());
        }
        if (!conflicts.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, conflicts, "assignments.assign.conflict");
        }
        for (AdminUnit u : adding) {
            jdbc.sql("""
                            insert into assignment (decision_id, tranche_id, unit_id, unit_code, unit_name, assigned_by)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(decisionId, t.id(), u.id(), u.code(), u.name(), AssignmentAccess.actor()).update();
        }
        List<Long> ids = adding.stream().map(AdminUnit::id).toList();
        List<Assignment> added = assignmentsOf(d, completions.read()).stream().filter(a -> ids.contains(a.unitId())).toList();
        audit.record("assignment.assign", "assignment_tranche", t.id(), null,
                Map.of("decision", d.number(), "level", level, "year", year,
                        "units", adding.stream().map(u -> u.code() + " " + u.name()).toList()));
        return added;
    }

    @Override
    @Transactional
    public void unassign(long decisionId, long unitId) {
        AssignmentAccess.requireEdit();
        Decision d = decision(decisionId);
        List<Map<String, Object>> rows = jdbc.sql("""
                        select a.id, a.unit_code, a.unit_name, a.named_as, t.level, t.year from assignment a
                        join assignment_tranche t on t.id = a.tranche_id where a.decision_id = ? and a.unit_id = ?""")
                .params(decisionId, unitId).query().listOfRows();
        if (rows.isEmpty()) {
            throw ApiException.notFound("assignment", unitId);
        }
        Map<String, Object> row = rows.get(0);
        jdbc.sql("delete from assignment where id = ?").param(row.get("id")).update();
        audit.record("assignment.unassign", "assignment", row.get("id"), Map.of("decision", d.number(), "assignment", row), null);
    }

    @Override
    @Transactional
    public Decision linkTarget(long decisionId, Long targetId) {
        AssignmentAccess.requireEdit();
        Decision before = decision(decisionId);
        if (targetId != null && targets.find(targetId).isEmpty()) {
            throw ApiException.notFound("target", targetId);
        }
        jdbc.sql("update assignment_decision set target_id = ? where id = ?").params(targetId, decisionId).update();
        Decision after = decision(decisionId);
        audit.record("assignment.linkTarget", "assignment_decision", decisionId, before.targetId(), after.targetId());
        return after;
    }

    String provinceOf(long unitId, Map<Long, Long> parents) {
        long root = unitId;
        for (int i = 0; i < 6 && parents.get(root) != null; i++) {
            root = parents.get(root);
        }
        return units.find(root).map(AdminUnit::code).orElse(null);
    }

    // ================================================================ mapping

    private Decision mapDecision(ResultSet rs, int i) throws SQLException {
        String code = rs.getString("province_code");
        java.sql.Date issued = rs.getDate("issued_on");
        long target = rs.getLong("target_id");
        Long targetId = rs.wasNull() ? null : target;
        String name = units.findProvince(code, LocalDate.now(clock)).or(() -> units.findProvince(code, LAST_DISTRICT_DAY))
                .map(AdminUnit::name).orElse(code);
        return new Decision(rs.getLong("id"), code, name, rs.getString("number"), rs.getString("title"),
                issued == null ? null : issued.toLocalDate(), rs.getString("source"), targetId, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), List.of());
    }

    private Decision withTranches(Decision d) {
        List<Tranche> tranches = jdbc.sql("select * from assignment_tranche where decision_id = ? order by level desc, year")
                .param(d.id())
                .query((rs, i) -> new Tranche(rs.getLong("id"), UnitLevel.valueOf(rs.getString("level")), rs.getInt("year"),
                        rs.getInt("required_count"), rs.getBoolean("named"), rs.getString("source"))).list();
        return new Decision(d.id(), d.provinceCode(), d.provinceName(), d.number(), d.title(), d.issuedOn(), d.source(),
                d.targetId(), d.createdBy(), d.createdAt(), tranches);
    }
}
