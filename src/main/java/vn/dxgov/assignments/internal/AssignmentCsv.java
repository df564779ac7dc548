package vn.dxgov.assignments.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Total> totals = new ArrayList<>();
        if (content == null || content.length == 0) {
            problems.add("tệp trống");
            return new Parsed(rows, totals, problems);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records;
        try {
            records = records(text);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return new Parsed(rows, totals, problems);
        }
        if (records.isEmpty()) {
            problems.add("tệp trống");
            return new Parsed(rows, totals, problems);
        }
        Map<String, Integer> header = new HashMap<>();
        List<String> head = records.get(0);
        for (int i = 0; i < head.size(); i++) {
            header.put(head.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !c.equals("source") && !c.equals("unit_names"))
                .filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add("dòng 1: thiếu cột " + String.join(", ", missing) + " (cần: " + String.join(",", COLUMNS) + ")");
            return new Parsed(rows, totals, problems);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            int line = i + 1;
            if (r.stream().allMatch(String::isBlank)) {
                continue;
            }
            String levelText = cell(r, header, "level");
            String yearText = cell(r, header, "year");
            String countText = cell(r, header, "units_to_complete_dx");
            String namesText = cell(r, header, "unit_names");
            String source = cell(r, header, "source");
            int before = problems.size();
            UnitLevel level = level(levelText);
            if (level == null) {
                problems.add("dòng " + line + ", cột level: \"" + levelText + "\" không phải cấp huyện hoặc cấp xã");
            }
            Integer count = null;
            // the Vietnamese number grammar: "1.250" is 1250; "1,5" is one and a half (not 15) and so not a count
            Numbers.Reading countRead = Numbers.VI.parse(countText);
            BigDecimal c = countRead.value();
            if (!countRead.ok()) {
                problems.add("dòng " + line + ", cột units_to_complete_dx: " + countRead.problem().message());
            } else if (c == null || c.stripTrailingZeros().scale() > 0 || c.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                problems.add("dòng " + line + ", cột units_to_complete_dx: \"" + countText + "\" không phải số nguyên");
            } else if (c.signum() < 0) {
                problems.add("dòng " + line + ", cột units_to_complete_dx: số đơn vị không được âm");
            } else {
                count = c.intValueExact();
            }
            List<Integer> years = new ArrayList<>();
            Matcher m = YEAR.matcher(yearText);
            while (m.find()) {
                years.add(Integer.parseInt(m.group()));
            }
            if (years.isEmpty() || years.size() > 2) {
                problems.add("dòng " + line + ", cột year: \"" + yearText + "\" không phải năm (2023, \"đến 2025\") hoặc tổng nhiều năm (\"2022-2025 total\")");
            } else if (years.stream().anyMatch(y -> y < 2000 || y > 2100)) {
                problems.add("dòng " + line + ", cột year: năm phải từ 2000 đến 2100");
            }
            if (problems.size() > before) {
                continue;
            }
            if (years.size() == 2) {
                totals.add(new Total(line, level, Math.min(years.get(0), years.get(1)), Math.max(years.get(0), years.get(1)), count));
                continue;
            }
            int year = years.get(0);
            String key = level + "/" + year;
            if (seen.containsKey(key)) {
                problems.add("dòng " + line + ": trùng cấp và năm với dòng " + seen.get(key));
                continue;
            }
            seen.put(key, line);
            List<String> names = new ArrayList<>();
            for (String n : namesText.split("[;\\n]")) {
                String clean = VietText.clean(n);
                if (!clean.isEmpty()) {
                    names.add(clean);
                }
            }
            if (names.size() > count) {
                problems.add("dòng " + line + ": nêu " + names.size() + " đơn vị nhưng chỉ tiêu là " + count);
                continue;
            }
            rows.add(new Row(line, level, year, count, names, source.isBlank() ? null : source.strip()));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("tệp không có dòng chỉ tiêu nào");
        }
        for (Total t : totals) {
            if (t.level() == null) {
                continue;
            }
            int sum = rows.stream().filter(r -> r.level() == t.level() && r.year() >= t.fromYear() && r.year() <= t.toYear())
                    .mapToInt(Row::count).sum();
            if (sum != t.count()) {
                problems.add("dòng " + t.line() + ": tổng " + t.fromYear() + "-" + t.toYear() + " là " + t.count()
                        + " nhưng cộng các năm được " + sum);
            }
        }
        return new Parsed(rows, totals, problems);
    }

    static UnitLevel level(String text) {
        String f = VietText.fold(text).replace("cap ", "").trim();
        return switch (f) {
            case "huyen", "district", "huyen, thi xa, thanh pho", "huyen/thi xa/thanh pho" -> UnitLevel.DISTRICT;
            case "xa", "commune", "xa, phuong, thi tran", "xa/phuong/thi tran" -> UnitLevel.COMMUNE;
            default -> null;
        };
    }

    private static String cell(List<String> r, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null || i >= r.size() ? "" : r.get(i).trim();
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r') {
                // ignored; \n ends the record
            } else if (c == '\n') {
                record.add(field.toString());
                out.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("dòng " + (out.size() + 1) + ": dấu ngoặc kép chưa đóng");
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            out.add(record);
        }
        return out;
    }
}
