package vn.dxgov.units.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

/** Administrative units from the admin_unit and admin_unit_successor tables. */
@Component
@Transactional(readOnly = true)
class JdbcAdminUnits implements AdminUnits {

    private static final String COLUMNS = "u.id, u.code, u.name, u.level, u.unit_type, u.parent_id, u.valid_from, u.valid_to";
    private static final String VALID_ON = " u.valid_from <= :on and (u.valid_to is null or u.valid_to >= :on) ";
    /** "Tỉnh", "Thành phố", "TP." written before a province's name. */
    private static final Pattern PROVINCE_PREFIX = Pattern.compile("^(tinh|thanh pho|tp\\.?)\\s*");
    /** Short forms people write for a few provinces. */
    private static final Map<String, String> NICKNAMES = Map.of("hcm", "ho chi minh", "tphcm", "ho chi minh",
            "sai gon", "ho chi minh", "ba ria vung tau", "ba ria - vung tau");
    static final RowMapper<AdminUnit> UNIT = (rs, n) -> unitAt(rs, 1);

    private final JdbcClient jdbc;

    JdbcAdminUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AdminUnit> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from admin_unit u where u.id = ?").param(id).query(UNIT).optional();
    }

    @Override
    public Optional<AdminUnit> find(String code, LocalDate on) {
        if (code == null || on == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from admin_unit u where u.code = :code and" + VALID_ON)
                .param("code", code.trim()).param("on", on).query(UNIT).optional();
    }

    @Override
    public List<AdminUnit> provinces(LocalDate on) {
        return sorted(jdbc.sql("select " + COLUMNS + " from admin_unit u where u.level = 'PROVINCE' and" + VALID_ON)
                .param("on", on).query(UNIT).list());
    }

    @Override
    public Optional<AdminUnit> findProvince(String nameOrCode, LocalDate on) {
        if (nameOrCode == null || nameOrCode.isBlank() || on == null) {
            return Optional.empty();
        }
        String text = nameOrCode.trim();
        if (text.matches("\\d{1,2}")) {
            String code = text.length() == 1 ? "0" + text : text;
            return provinces(on).stream().filter(p -> p.code().equals(code)).findFirst();
        }
        String wanted = provinceKey(text);
        return provinces(on).stream().filter(p -> provinceKey(p.name()).equals(wanted)).findFirst();
    }

    /** "Tỉnh Thanh Hoá", "thanh hoa", "TP. Hồ Chí Minh" → "thanh hoa", "ho chi minh". */
    static String provinceKey(String name) {
        String folded = VietText.fold(name).replace('–', '-');
        folded = PROVINCE_PREFIX.matcher(folded).replaceFirst("");
        folded = folded.replaceAll("\\s*-\\s*", " - ").trim();
        return NICKNAMES.getOrDefault(folded, folded);
    }

    @Override
    public List<AdminUnit> search(String query, UnitLevel level, LocalDate on, int limit) {
        String folded = VietText.fold(query);
        if (folded.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<String> patterns = new ArrayList<>();
        for (String word : folded.split(" ")) {
            patterns.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from admin_unit u where u.name_folded like all (:patterns)");
        if (level != null) {
            sql.append(" and u.level = :level");
        }
        if (on != null) {
            sql.append(" and").append(VALID_ON);
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("patterns", patterns.toArray(String[]::new));
        if (level != null) {
            spec = spec.param("level", level.name());
        }
        if (on != null) {
            spec = spec.param("on", on);
        }
        List<AdminUnit> found = spec.query(UNIT).list();
        Comparator<AdminUnit> byRelevance = Comparator.comparingInt(u -> relevance(u, folded));
        return found.stream().sorted(byRelevance.thenComparing(AdminUnit::level).thenComparing(ORDER)).limit(limit).toList();
    }

    private static int relevance(AdminUnit unit, String folded) {
        String name = VietText.fold(unit.shortName());
        return name.equals(folded) || VietText.fold(unit.name()).equals(folded) ? 0 : name.startsWith(folded) ? 1 : 2;
    }

    @Override
    public List<AdminUnit> children(long id) {
        return sorted(jdbc.sql("select " + COLUMNS + " from admin_unit u where u.parent_id = ?").param(id).query(UNIT).list());
    }

    @Override
    public List<AdminUnit> below(long id, UnitLevel level) {
        return sorted(jdbc.sql("""
                with recursive tree(id) as (
                    select id from admin_unit where parent_id = :id
                    union all
                    select c.id from admin_unit c join tree t on c.parent_id = t.id
                )
                select\s""" + COLUMNS + " from admin_unit u join tree t on t.id = u.id where u.level = :level")
                .param("id", id).param("level", level.name()).query(UNIT).list());
    }

    @Override
    public java.util.Map<Long, Long> parentIds() {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        jdbc.sql("select id, parent_id from admin_unit").query(rs -> {
            out.put(rs.getLong(1), (Long) rs.getObject(2, Long.class));
        });
        return out;
    }

    @Override
    public List<LinkIds> allLinks() {
        return jdbc.sql("select predecessor_id, successor_id, share_kind, share_fraction from admin_unit_successor")
                .query((rs, n) -> new LinkIds(rs.getLong(1), rs.getLong(2), UnitLink.Share.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4)))
                .list();
    }

    @Override
    public List<UnitLink> predecessors(long id) {
        return links("s.successor_id = ?", id, true);
    }

    @Override
    public List<UnitLink> successors(long id) {
        return links("s.predecessor_id = ?", id, false);
    }

    private List<UnitLink> links(String where, long id, boolean byPredecessor) {
        String sql = """
                select s.share_kind, s.share_fraction, s.effective_on, s.share_basis,
                       p.id, p.code, p.name, p.level, p.unit_type, p.parent_id, p.valid_from, p.valid_to,
                       n.id, n.code, n.name, n.level, n.unit_type, n.parent_id, n.valid_from, n.valid_to
                from admin_unit_successor s
                join admin_unit p on p.id = s.predecessor_id
                join admin_unit n on n.id = s.successor_id
                where\s""" + where;
        List<UnitLink> links = jdbc.sql(sql).param(id).query((rs, n) -> new UnitLink(unitAt(rs, 5), unitAt(rs, 13),
                UnitLink.Share.valueOf(rs.getString(1)), rs.getBigDecimal(2), rs.getObject(3, LocalDate.class),
                rs.getString(4))).list();
        Comparator<UnitLink> order = byPredecessor
                ? Comparator.comparing(UnitLink::predecessor, ORDER) : Comparator.comparing(UnitLink::successor, ORDER);
        return links.stream().sorted(order).toList();
    }

    /** By name without its type ("Thanh Hóa" for "Tỉnh Thanh Hóa") in Vietnamese collation, then by full name. */
    static final Comparator<AdminUnit> ORDER = Comparator.comparing(AdminUnit::shortName, VietText.collator())
            .thenComparing(AdminUnit::name, VietText.collator()).thenComparing(AdminUnit::validFrom);

    private static List<AdminUnit> sorted(List<AdminUnit> units) {
        return units.stream().sorted(ORDER).toList();
    }

    /** The unit whose {@link #COLUMNS} start at column {@code first}. */
    private static AdminUnit unitAt(ResultSet rs, int first) throws SQLException {
        long parent = rs.getLong(first + 5);
        Long parentId = rs.wasNull() ? null : parent;
        Date validTo = rs.getDate(first + 7);
        return new AdminUnit(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                UnitLevel.valueOf(rs.getString(first + 3)), rs.getString(first + 4), parentId,
                rs.getDate(first + 6).toLocalDate(), validTo == null ? null : validTo.toLocalDate());
    }
}
