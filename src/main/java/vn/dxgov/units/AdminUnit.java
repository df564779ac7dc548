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
        return type != null && name.startsWith(type + " ") ? name.substring(type.length() + 1) : name;
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
