package vn.dxgov.assignments.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/** The units that names in an assignment document stand for: a province by name or code, its districts and communes. */
@Component
class UnitNames {

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

    private final AdminUnits units;
    private final Clock clock;

    UnitNames(AdminUnits units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** The official code of a province given by name or code ("Thanh Hóa", "38"), before or after the reform. */
    Optional<String> provinceCode(String nameOrCode) {
        LocalDate today = LocalDate.now(clock);
        return units.findProvince(nameOrCode, today)
                .or(() -> units.findProvince(nameOrCode, JdbcAssignments.LAST_DISTRICT_DAY))
                .map(AdminUnit::code);
    }

    /**
     * The units of a level of the province a name stands for: "TP Thanh Hóa" is Thành phố Thanh Hóa, "TX Nghi Sơn"
     * Thị xã Nghi Sơn, "Hoằng Hóa" Huyện Hoằng Hóa; districts as they were before 1/7/2025.
     */
    List<AdminUnit> match(String provinceCode, UnitLevel level, int year, String name) {
        LocalDate on = LocalDate.of(year, 12, 31);
        if (level == UnitLevel.DISTRICT && on.isAfter(JdbcAssignments.LAST_DISTRICT_DAY)) {
            on = JdbcAssignments.LAST_DISTRICT_DAY;
        }
        List<AdminUnit> candidates = candidates(provinceCode, level, on);
        if (candidates.isEmpty() && level == UnitLevel.COMMUNE) {
            candidates = candidates(provinceCode, level, LocalDate.of(year, 1, 1));
        }
        String whole = VietText.fold(name).replace(".", ". ").replaceAll("\\s+", " ").trim();
        // "Quan Hóa" is a name, not "Quận Hóa": the name as written first, then with a type in front taken off
        List<AdminUnit> exact = candidates.stream().filter(u -> VietText.fold(u.shortName()).equals(whole)
                || VietText.fold(u.name()).equals(whole)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        for (Map.Entry<String, String> p : PREFIXES.entrySet()) {
            if (whole.startsWith(p.getKey() + " ")) {
                String rest = whole.substring(p.getKey().length() + 1).trim();
                String type = p.getValue();
                return candidates.stream().filter(u -> VietText.fold(u.shortName()).equals(rest))
                        .filter(u -> VietText.fold(u.type()).equals(type)).toList();
            }
        }
        return List.of();
    }

    private List<AdminUnit> candidates(String provinceCode, UnitLevel level, LocalDate on) {
        return units.find(provinceCode, on).map(p -> units.below(p.id(), level)).orElse(List.of()).stream()
                .filter(u -> u.validOn(on)).toList();
    }
}
