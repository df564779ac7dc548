package vn.dxgov.assessment.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dxgov.assessment.Assessments.RoundDraft;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;

/**
 * Which units a round assesses (those valid on its reference date) and how their names are written and sorted:
 * the units module's tree read for assessment, no SQL of its own.
 */
@Component
class RoundScope {

    /** Unit names (labels) in Vietnamese order of their names without the type. */
    static final Comparator<String> BY_NAME = Comparator.comparing(RoundScope::sortName, VietText.collator());

    private final AdminUnits units;

    RoundScope(AdminUnits units) {
        this.units = units;
    }

    /** "Xã Định Tân": the name with its type in front, once (some unit lists already carry the type in the name). */
    /** A level in words for a message: "cấp xã" / "commune" (never the enum's name, issue 14). */
    static String levelWords(UnitLevel level, boolean english) {
        if (level == null) {
            return english ? "?" : "cấp ?";
        }
        return switch (level) {
            case PROVINCE -> english ? "province" : "cấp tỉnh";
            case DISTRICT -> english ? "district" : "cấp huyện";
            case COMMUNE -> english ? "commune" : "cấp xã";
        };
    }

    static String label(AdminUnit u) {
        if (u.type() == null || u.type().isBlank()
                || VietText.fold(u.name()).toLowerCase().startsWith(VietText.fold(u.type()).toLowerCase() + " ")) {
            return u.name();
        }
        return u.type() + " " + u.name();
    }

    /** The name without its type, for sorting ("Bỉm Sơn" for "Phường Bỉm Sơn"). */
    static String sortName(String label) {
        String folded = VietText.fold(label).toLowerCase();
        for (String type : List.of("thanh pho ", "thi tran ", "thi xa ", "dac khu ", "phuong ", "huyen ", "quan ", "tinh ", "xa ")) {
            if (folded.startsWith(type)) {
                return label.substring(type.length());
            }
        }
        return label;
    }

    /** The scope unit stored with the round: the one given, else the province of {@code provinceCode} on the date. */
    Long scopeUnitId(RoundDraft d) {
        if (d.scopeUnitId() == null && d.provinceCode() != null) {
            return units.findProvince(d.provinceCode(), d.referenceDate()).map(AdminUnit::id).orElse(null);
        }
        return d.scopeUnitId();
    }

    /**
     * The units in scope: given ids (each valid on the date and of the level), or every unit of the level below the
     * scope. What is wrong goes into {@code problems}.
     */
    List<AdminUnit> units(RoundDraft d, List<String> problems) {
        if (d.unitIds() != null && !d.unitIds().isEmpty()) {
            return listed(d, problems);
        }
        AdminUnit root;
        if (d.scopeUnitId() != null) {
            root = units.find(d.scopeUnitId()).orElse(null);
        } else if (d.provinceCode() != null) {
            root = units.findProvince(d.provinceCode(), d.referenceDate()).orElse(null);
        } else if (d.level() == UnitLevel.PROVINCE) {
            return units.provinces(d.referenceDate());
        } else {
            problems.add("scopeUnitId: nhập tỉnh (tên hoặc mã, ví dụ Thanh Hóa hoặc 38) / give the province (its name or"
                    + " code, e.g. Thanh Hóa or 38), a scope unit (scopeUnitId) or the units (unitIds)");
            return new ArrayList<>();
        }
        if (root == null) {
            problems.add("scopeUnitId: " + (d.provinceCode() != null ? "không có tỉnh \u201c" + d.provinceCode() + "\u201d" : "không có đơn vị phạm vi")
                    + " có hiệu lực ngày " + vn.dxgov.shared.VietDates.day(d.referenceDate()) + "; nhập tên hoặc mã tỉnh, ví dụ Thanh Hóa hoặc 38"
                    + " / no such province or scope unit is valid on that date; give a province's name or code");
            return new ArrayList<>();
        }
        return below(root, d);
    }

    private List<AdminUnit> listed(RoundDraft d, List<String> problems) {
        List<AdminUnit> out = new ArrayList<>();
        for (Long uid : d.unitIds()) {
            Optional<AdminUnit> u = uid == null ? Optional.empty() : units.find(uid);
            if (u.isEmpty()) {
                problems.add("unitIds: không có đơn vị số " + uid + " / there is no unit " + uid);
            } else if (u.get().level() != d.level() || !u.get().validOn(d.referenceDate())) {
                problems.add("unitIds: " + label(u.get()) + " không phải đơn vị " + levelWords(d.level(), false) + " có hiệu lực ngày "
                        + vn.dxgov.shared.VietDates.day(d.referenceDate()) + " / " + label(u.get()) + " is not a "
                        + levelWords(d.level(), true) + " unit valid on that date");
            } else if (out.stream().noneMatch(x -> x.id() == uid)) {
                out.add(u.get());
            }
        }
        return out;
    }

    /** The root itself when it is of the level, else the units of the level under it valid on the date, by name. */
    private List<AdminUnit> below(AdminUnit root, RoundDraft d) {
        List<AdminUnit> out = new ArrayList<>();
        if (root.level() == d.level()) {
            out.add(root);
            return out;
        }
        Deque<AdminUnit> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            for (AdminUnit c : units.children(todo.pop().id())) {
                if (!c.validOn(d.referenceDate())) {
                    continue;
                }
                if (c.level() == d.level()) {
                    out.add(c);
                } else {
                    todo.add(c);
                }
            }
        }
        out.sort(Comparator.comparing((AdminUnit u) -> sortName(label(u)), VietText.collator()));
        return out;
    }

    /** The province a unit lies in (itself for a province), up to five levels up. */
    Optional<AdminUnit> province(AdminUnit u) {
        AdminUnit cur = u;
        for (int i = 0; i < 5 && cur != null; i++) {
            if (cur.level() == UnitLevel.PROVINCE) {
                return Optional.of(cur);
            }
            cur = cur.parentId() == null ? null : units.find(cur.parentId()).orElse(null);
        }
        return Optional.empty();
    }
}
