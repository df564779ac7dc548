package vn.dxgov.units;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Read access to administrative units. */
public interface AdminUnits {

    Optional<AdminUnit> find(long id);

    /** Provinces valid on a day, sorted by Vietnamese collation. */
    List<AdminUnit> provinces(LocalDate on);

    /**
     * The province a name or code stands for on a day: "Thanh Hóa", "tỉnh Thanh Hoá", "thanh hoa", "38" all give
     * Tỉnh Thanh Hóa. Diacritics-insensitive; accepts old and new tone placement ("Hoá"/"Hóa").
     */
    Optional<AdminUnit> findProvince(String nameOrCode, LocalDate on);

    /** Units whose name matches a diacritics-insensitive query, optionally limited to a level and a day. */
    List<AdminUnit> search(String query, UnitLevel level, LocalDate on, int limit);

    /** Direct children of a unit. */
    List<AdminUnit> children(long id);
}
