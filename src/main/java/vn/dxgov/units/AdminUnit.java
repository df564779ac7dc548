package vn.dxgov.units;

import java.time.LocalDate;

/**
 * An administrative unit (đơn vị hành chính) valid over a period.
 *
 * @param code     official GSO code as a string, leading zeros kept; codes are reused across the 2025 reform,
 *                 so a unit is identified by {@code id}, or by code and date
 * @param type     Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu
 * @param validTo  last day of validity, null while valid
 */
public record AdminUnit(long id, String code, String name, UnitLevel level, String type, Long parentId,
                        LocalDate validFrom, LocalDate validTo) {

    /** The name without its type, as people say it: "Thanh Hóa" for "Tỉnh Thanh Hóa", "Hà Nội", "Định Tân". */
    public String shortName() {
        return nameWithoutType(name, type);
    }

    /**
     * A unit's name without its type ("Tỉnh Thanh Hóa", "Tỉnh" → "Thanh Hóa"); without a matching type, a province's
     * "Tỉnh " or "Thành phố " is taken off all the same. The one place that strips it: pages, reports, the plan
     * importer's province names.
     */
    public static String nameWithoutType(String name, String type) {
        if (type != null && name.startsWith(type + " ")) {
            return name.substring(type.length() + 1);
        }
        for (String prefix : PROVINCE_TYPES) {
            if (name.startsWith(prefix + " ")) {
                return name.substring(prefix.length() + 1);
            }
        }
        return name;
    }

    /** The types a province-level unit has. */
    private static final java.util.List<String> PROVINCE_TYPES = java.util.List.of("Tỉnh", "Thành phố");

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
