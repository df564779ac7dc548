package vn.dxgov.plans.importing;

import java.util.Set;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * The level of government of an issuing body, from its readable name: the Party centre, the National Assembly, the
 * Government, the Prime Minister and the ministries are NATIONAL; a province's party committee, council, people's
 * committee and departments are PROVINCE, and so is a centrally-run city's; a district, town or provincial city
 * (before 1 July 2025) is DISTRICT; a commune, ward, township or special zone is COMMUNE.
 */
final class IssuerLevel {

    /** Centrally-run cities: their "thành phố"/"Thành ủy" is a province-level body (folded). */
    private static final Set<String> CENTRAL_CITIES = Set.of("ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue");
    private static final Pattern NATIONAL = Pattern.compile(
            "^(bo chinh tri|ban chap hanh trung uong|ban bi thu|trung uong|quoc hoi|uy ban thuong vu quoc hoi|chinh phu"
                    + "|thu tuong|van phong chinh phu|van phong trung uong|bo |ban chi dao trung uong|dang uy chinh phu)");
    private static final Pattern COMMUNE = Pattern.compile(
            "(?:^|\\s)(xa|phuong|thi tran|dac khu)(?:\\s|$)|^dang uy (xa|phuong|thi tran|dac khu)");
    private static final Pattern DISTRICT = Pattern.compile("(?:^|\\s)(huyen|quan|thi xa|huyen uy|quan uy|thi uy)(?:\\s|$)");
    private static final Pattern CITY = Pattern.compile("(?:^|\\s)(?:thanh pho|tp\\.?|thanh uy)\\s+(.+)$");
    private static final Pattern PROVINCE = Pattern.compile("(?:^|\\s)(tinh|tinh uy)(?:\\s|$)|^so |^(hdnd|ubnd|uy ban nhan dan|hoi dong nhan dan)$");
    /** A local place word: "Bộ Chỉ huy Quân sự tỉnh" is not a ministry. */
    private static final Pattern LOCAL = Pattern.compile("(?:^|\\s)(tinh|huyen|quan|thi xa|xa|phuong|thi tran|dac khu|thanh pho)(?:\\s|$)");

    private IssuerLevel() {
    }

    /** The level of a normalised issuer name ("UBND xã Tịnh Trà", "Bộ Chính trị"); null when it cannot be told. */
    static DocumentLevel of(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return null;
        }
        String f = VietText.fold(issuer).replaceAll("[^a-z0-9 .]", " ").replaceAll("\\s+", " ").strip();
        if (NATIONAL.matcher(f).find() && !(f.startsWith("bo ") && !f.startsWith("bo chinh tri") && LOCAL.matcher(f).find())) {
            return DocumentLevel.NATIONAL;
        }
        if (COMMUNE.matcher(f).find()) {
            return DocumentLevel.COMMUNE;
        }
        if (DISTRICT.matcher(f).find()) {
            return DocumentLevel.DISTRICT;
        }
        var city = CITY.matcher(f);
        if (city.find()) {
            return CENTRAL_CITIES.contains(city.group(1).strip()) ? DocumentLevel.PROVINCE : DocumentLevel.DISTRICT;
        }
        if (PROVINCE.matcher(f).find() || f.startsWith("ban thuong vu tinh") || f.startsWith("ban chap hanh dang bo tinh")
                || f.startsWith("ban can su dang")) {
            return DocumentLevel.PROVINCE;
        }
        return null;
    }
}
