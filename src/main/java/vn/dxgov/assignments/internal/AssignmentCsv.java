package vn.dxgov.assignments.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.Csv;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.UnitLevel;

/**
 * Reads an assignment CSV: {@code level,year,units_to_complete_dx,unit_names,source}, one row per tranche, e.g.
 * {@code huyện,by 2025,12,TP Thanh Hóa; TP Sầm Sơn; ...,<url>} or {@code xã,2023,132,,<url>}. The level is
 * huyện/xã (district/commune, or DISTRICT/COMMUNE); the year is a year ("2023", "by 2025", "đến năm 2025"); a row
 * whose year spans years ("2022-2025 total") is a total, checked against the sum of that level's rows and not saved.
 * Unit names are separated by ";". Every problem names its row (the header is row 1).
 */
final class AssignmentCsv {

    record Row(int line, UnitLevel level, int year, int count, List<String> names, String source) {
    }

    record Total(int line, UnitLevel level, int fromYear, int toYear, int count) {
    }

    record Parsed(List<Row> rows, List<Total> totals, List<String> problems) {
    }

    static final List<String> COLUMNS = List.of("level", "year", "units_to_complete_dx", "unit_names", "source");
    private static final Pattern YEAR = Pattern.compile("(19|20|21)\\d{2}");

    private AssignmentCsv() {
    }

    static Parsed parse(byte[] content) {
        if (content == null || content.length == 0) {
            return failed("tệp trống");
        }
        Csv.Table table = Csv.read(new String(content, StandardCharsets.UTF_8));
        if (table.broken() != null) {
            return failed("dòng " + table.broken().number() + ": " + table.broken().problem());
        }
        if (table.rows().isEmpty()) {
            return failed("tệp trống");
        }
        Map<String, Integer> header = table.rows().get(0).columns();
        List<String> missing = COLUMNS.stream().filter(c -> !c.equals("source") && !c.equals("unit_names"))
                .filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return failed("dòng 1: thiếu cột " + String.join(", ", missing) + " (cần: " + String.join(",", COLUMNS) + ")");
        }
        Parsed out = new Parsed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Map<String, Integer> seen = new HashMap<>();
        for (Csv.Row r : table.rows().subList(1, table.rows().size())) {
            if (!r.blank()) {
                row(r, header, seen, out);
            }
        }
        if (out.rows().isEmpty() && out.problems().isEmpty()) {
            out.problems().add("tệp không có dòng chỉ tiêu nào");
        }
        checkTotals(out);
        return out;
    }

    private static Parsed failed(String problem) {
        return new Parsed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(List.of(problem)));
    }

    /** One tranche or total row into {@code out}; {@code seen}: level/year to the row that has it. */
    private static void row(Csv.Row r, Map<String, Integer> header, Map<String, Integer> seen, Parsed out) {
        int line = r.number();
        List<String> problems = out.problems();
        String levelText = r.cell(header, "level");
        int before = problems.size();
        UnitLevel level = level(levelText);
        if (level == null) {
            problems.add("dòng " + line + ", cột level: \"" + levelText + "\" không phải cấp huyện hoặc cấp xã");
        }
        Integer count = count(r.cell(header, "units_to_complete_dx"), line, problems);
        List<Integer> years = years(r.cell(header, "year"), line, problems);
        if (problems.size() > before) {
            return;
        }
        if (years.size() == 2) {
            out.totals().add(new Total(line, level, Math.min(years.get(0), years.get(1)), Math.max(years.get(0), years.get(1)), count));
            return;
        }
        int year = years.get(0);
        Integer first = seen.putIfAbsent(level + "/" + year, line);
        if (first != null) {
            problems.add("dòng " + line + ": trùng cấp và năm với dòng " + first);
            return;
        }
        List<String> names = names(r.cell(header, "unit_names"));
        if (names.size() > count) {
            problems.add("dòng " + line + ": nêu " + names.size() + " đơn vị nhưng chỉ tiêu là " + count);
            return;
        }
        String source = r.cell(header, "source");
        out.rows().add(new Row(line, level, year, count, names, source.isBlank() ? null : source));
    }

    /** The count of a row, or null with a problem: the Vietnamese number grammar ("1.250" is 1250; "1,5" is no count). */
    private static Integer count(String text, int line, List<String> problems) {
        Numbers.Reading read = Numbers.VI.parse(text);
        BigDecimal c = read.value();
        if (!read.ok()) {
            problems.add("dòng " + line + ", cột units_to_complete_dx: " + read.problem().message());
        } else if (c == null || c.stripTrailingZeros().scale() > 0 || c.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            problems.add("dòng " + line + ", cột units_to_complete_dx: \"" + text + "\" không phải số nguyên");
        } else if (c.signum() < 0) {
            problems.add("dòng " + line + ", cột units_to_complete_dx: số đơn vị không được âm");
        } else {
            return c.intValueExact();
        }
        return null;
    }

    /** The years of a row: one ("2023", "đến năm 2025") or two for a total ("2022-2025 total"); a problem otherwise. */
    private static List<Integer> years(String text, int line, List<String> problems) {
        List<Integer> years = new ArrayList<>();
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            years.add(Integer.parseInt(m.group()));
        }
        if (years.isEmpty() || years.size() > 2) {
            problems.add("dòng " + line + ", cột year: \"" + text + "\" không phải năm (2023, \"đến 2025\") hoặc tổng nhiều năm (\"2022-2025 total\")");
        } else if (years.stream().anyMatch(y -> y < 2000 || y > 2100)) {
            problems.add("dòng " + line + ", cột year: năm phải từ 2000 đến 2100");
        }
        return years;
    }

    /** Unit names separated by ";" or line breaks. */
    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        for (String n : text.split("[;\\n]")) {
            String clean = VietText.clean(n);
            if (!clean.isEmpty()) {
                names.add(clean);
            }
        }
        return names;
    }

    /** Each total row against the sum of its level's rows in its years. */
    private static void checkTotals(Parsed out) {
        for (Total t : out.totals()) {
            if (t.level() == null) {
                continue;
            }
            int sum = out.rows().stream().filter(r -> r.level() == t.level() && r.year() >= t.fromYear() && r.year() <= t.toYear())
                    .mapToInt(Row::count).sum();
            if (sum != t.count()) {
                out.problems().add("dòng " + t.line() + ": tổng " + t.fromYear() + "-" + t.toYear() + " là " + t.count()
                        + " nhưng cộng các năm được " + sum);
            }
        }
    }

    static UnitLevel level(String text) {
        String f = VietText.fold(text).replace("cap ", "").trim();
        return switch (f) {
            case "huyen", "district", "huyen, thi xa, thanh pho", "huyen/thi xa/thanh pho" -> UnitLevel.DISTRICT;
            case "xa", "commune", "xa, phuong, thi tran", "xa/phuong/thi tran" -> UnitLevel.COMMUNE;
            default -> null;
        };
    }
}
