package vn.dxgov.units;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Read access to administrative units. Lists are sorted by Vietnamese collation of the name without its type
 * ("Thanh Hóa" rather than "Tỉnh Thanh Hóa"), so that provinces and centrally-run cities interleave.
 */
public interface AdminUnits {

    Optional<AdminUnit> find(long id);

    /** The unit with an official code valid on a day (codes are reused across the 2025 reform). */
    Optional<AdminUnit> find(String code, LocalDate on);

    /** Provinces valid on a day, sorted by Vietnamese collation. */
    List<AdminUnit> provinces(LocalDate on);

    /**
     * The province a name or code stands for on a day: "Thanh Hóa", "tỉnh Thanh Hoá", "thanh hoa", "38" all give
     * Tỉnh Thanh Hóa; "TP Hồ Chí Minh", "Thành phố Hồ Chí Minh" and "Hồ Chí Minh" give Thành phố Hồ Chí Minh.
     * Diacritics-insensitive; accepts old and new tone placement ("Hoá"/"Hóa").
     */
    Optional<AdminUnit> findProvince(String nameOrCode, LocalDate on);

    /**
     * Units whose name matches a diacritics-insensitive query (every word must occur), optionally limited to a
     * level and a day (null for any). Exact name matches come first, then names starting with the query, then the
     * rest; within each group provinces before districts before communes, then Vietnamese collation.
     */
    List<AdminUnit> search(String query, UnitLevel level, LocalDate on, int limit);

    /** Direct children of a unit. */
    List<AdminUnit> children(long id);

    /**
     * The units of a level below a unit (children, grandchildren, ...), sorted; empty when the unit has no units of
     * that level below it, e.g. the districts of a province after 1/7/2025, when the district level was abolished.
     */
    List<AdminUnit> below(long id, UnitLevel level);

    /** The units this unit took over (e.g. Thái Nguyên 2025 from Thái Nguyên and Bắc Kạn), with their shares. */
    List<UnitLink> predecessors(long id);

    /** The units that took this unit over; empty for a unit still valid or abolished without successor. */
    List<UnitLink> successors(long id);

    /** A succession link by ids only (for callers that read every link at once). */
    record LinkIds(long predecessorId, long successorId, UnitLink.Share share, java.math.BigDecimal fraction) {
    }

    /**
     * The whole tree in one read: every unit's id with its parent's id ({@code null} for a province), across all
     * validity periods. For callers that walk many units (the analytics aggregate) instead of asking unit by unit.
     */
    java.util.Map<Long, Long> parentIds();

    /** Every succession link in one read. */
    List<LinkIds> allLinks();

    /**
     * The official code of the province a unit is in (the unit's own for a province), following its parents; empty
     * for a unit outside any province. What province-scoped access ({@code CurrentUser.mayRead}) asks of a unit.
     */
    default Optional<String> provinceCode(long unitId) {
        Optional<AdminUnit> u = find(unitId);
        for (int depth = 0; u.isPresent() && depth < 6; depth++) {
            if (u.get().level() == UnitLevel.PROVINCE) {
                return Optional.of(u.get().code());
            }
            u = u.get().parentId() == null ? Optional.empty() : find(u.get().parentId());
        }
        return Optional.empty();
    }
}
