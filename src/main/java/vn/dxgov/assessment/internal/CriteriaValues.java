package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import vn.dxgov.assessment.CriteriaSetDocument.Step;
import vn.dxgov.assessment.RuleType;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.UnitLevel;

/**
 * The values of a criteria file's cells as people write them, read and written back: numbers in the Vietnamese
 * grammar, "có"/"không", the level ("xã", "COMMUNE"), the rule ("bậc điểm", "STEPS"), steps ("4=20; 3=15"). Every
 * problem is added to {@code errors} after {@code at} (sheet, row, column); the workbook, the CSV and the web forms
 * read through here.
 */
final class CriteriaValues {

    private CriteriaValues() {
    }

    static String text(Cell c, DataFormatter fmt) {
        if (c == null) {
            return null;
        }
        String t = c.getCellType() == CellType.FORMULA ? fmt.formatCellValue(c) : fmt.formatCellValue(c);
        t = t == null ? null : t.strip();
        return t == null || t.isEmpty() ? null : t;
    }

    static BigDecimal number(Cell c, DataFormatter fmt, String at, List<String> errors) {
        if (c == null) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC) {
            // a numeric cell is a number already; only text cells are read with the grammar
            double d = c.getNumericCellValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? BigDecimal.valueOf((long) d) : BigDecimal.valueOf(d);
        }
        return parseNumber(text(c, fmt), at, errors);
    }

    /** A number in a criteria file (the workbook and the CSV are Vietnamese): the Vietnamese grammar. */
    static BigDecimal parseNumber(String t, String at, List<String> errors) {
        return parseNumber(t, at, errors, Numbers.VI);
    }

    /**
     * A number in a grammar ({@link Numbers}); blank is none; what does not fit is refused with the grammar's message
     * ("“1.3” không phải là số viết kiểu Việt Nam: viết 1.300 … hoặc 1,3 …"), after {@code at}.
     */
    static BigDecimal parseNumber(String t, String at, List<String> errors, Numbers grammar) {
        Numbers.Reading r = grammar.parse(t);
        if (!r.ok()) {
            errors.add(at + ": " + r.problem().message());
        }
        return r.value();
    }

    static Boolean yesNo(String t, String at, List<String> errors) {
        if (t == null) {
            return null;
        }
        String f = VietText.fold(t).toLowerCase(Locale.ROOT).strip();
        return switch (f) {
            case "co", "x", "1", "true", "yes", "bat buoc" -> true;
            case "khong", "0", "false", "no" -> false;
            default -> {
                errors.add(at + ": \"" + t + "\" phải là có hoặc không");
                yield null;
            }
        };
    }

    static UnitLevel level(String t, String at, List<String> errors) {
        if (t == null) {
            return null;
        }
        String f = VietText.fold(t).toLowerCase(Locale.ROOT).strip();
        return switch (f) {
            case "province", "tinh", "cap tinh" -> UnitLevel.PROVINCE;
            case "district", "huyen", "cap huyen" -> UnitLevel.DISTRICT;
            case "commune", "xa", "cap xa" -> UnitLevel.COMMUNE;
            default -> {
                errors.add(at + ": \"" + t + "\" phải là PROVINCE (tỉnh), DISTRICT (huyện) hoặc COMMUNE (xã)");
                yield null;
            }
        };
    }

    static RuleType rule(String t, String at, List<String> errors) {
        if (t == null) {
            return null;
        }
        String f = VietText.fold(t).toLowerCase(Locale.ROOT).strip();
        for (RuleType r : RuleType.values()) {
            if (r.name().equalsIgnoreCase(t.strip())) {
                return r;
            }
        }
        return switch (f) {
            case "co/khong", "co khong" -> RuleType.YES_NO;
            case "bac", "bac diem" -> RuleType.STEPS;
            case "ty le", "ti le" -> RuleType.RATIO;
            case "nguong" -> RuleType.THRESHOLDS;
            case "chi so", "tu chi so" -> RuleType.INDICATOR;
            case "thu cong", "cham thu cong" -> RuleType.MANUAL;
            default -> {
                errors.add(at + ": quy tắc \"" + t + "\" không có; dùng YES_NO, STEPS, RATIO, THRESHOLDS, INDICATOR hoặc MANUAL");
                yield null;
            }
        };
    }

    static List<Step> steps(String t, String at, List<String> errors) {
        return steps(t, at, errors, Numbers.VI);
    }

    /** "4=20; 3=15" (level=points, separated by semicolons), the numbers in a grammar. */
    static List<Step> steps(String t, String at, List<String> errors, Numbers grammar) {
        List<Step> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        for (String part : t.split("[;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=");
            if (kv.length != 2) {
                errors.add(at + ": \"" + part.strip() + "\" phải có dạng mức=điểm, ví dụ 4=20");
                continue;
            }
            int before = errors.size();
            BigDecimal a = parseNumber(kv[0], at, errors, grammar);
            BigDecimal p = parseNumber(kv[1], at, errors, grammar);
            if (errors.size() == before && a != null && p != null) {
                out.add(new Step(a, p));
            }
        }
        return out;
    }

    static String utf8(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }    /** Steps as the Vietnamese workbook writes them: "4=20; 3=15; 0,5=2,5". */
    static String stepsText(List<Step> steps) {
        return stepsText(steps, Numbers.VI);
    }

    /** Steps written in a grammar, every number with all its decimals so that they read back the same. */
    static String stepsText(List<Step> steps, Numbers grammar) {
        if (steps.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Step st : steps) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(grammar.exact(st.at())).append('=').append(grammar.exact(st.points()));
        }
        return b.toString();
    }
}
