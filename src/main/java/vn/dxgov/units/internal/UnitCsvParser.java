package vn.dxgov.units.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.dxgov.shared.Csv;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

/**
 * Reads and checks administrative-unit CSV files; writes nothing. Two formats, UTF-8, comma-separated, a header
 * row naming the columns (any order), optional double quotes (read by {@link Csv}: a quoted cell may hold commas,
 * doubled quotes and line breaks; a problem names the line its row starts on):
 * <ul>
 *   <li>units: {@code level,code,name,type,parent_code}: level 1 is the top; parent_code is empty on level 1 and
 *       names a unit one level up in the same file otherwise</li>
 *   <li>successors: {@code old_level,old_code,old_name,new_code,new_name,share} with share {@code full} or
 *       {@code partial} (names are informative)</li>
 * </ul>
 * Problems are collected with their file and line number into {@link Problems} so that a caller can report all of
 * them at once.
 */
public final class UnitCsvParser {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,16}");

    private UnitCsvParser() {
    }

    /** One unit as read from a file; {@code type} and the type prefix of {@code name} have normalised casing. */
    public record UnitRow(String source, int line, int csvLevel, UnitLevel level, String code, String name,
                          String type, String parentCode) {
    }

    /** One successor link as read from a file. */
    public record LinkRow(String source, int line, int oldLevel, String oldCode, String oldName, String newCode,
                          String newName, UnitLink.Share share) {
    }

    /** Problems found so far, each "file, line n: message", listed by file (in the order met) and line. */
    public static final class Problems {
        private record Problem(String source, int line, String message) {
            String text() {
                return line > 0 ? source + ", dòng " + line + ": " + message : source + ": " + message;
            }
        }

        private final List<Problem> list = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();

        public void add(String source, int line, String message) {
            if (!sources.contains(source)) {
                sources.add(source);
            }
            list.add(new Problem(source, line, message));
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }

        public List<String> list() {
            return list.stream()
                    .sorted(java.util.Comparator.comparingInt((Problem p) -> sources.indexOf(p.source())).thenComparingInt(Problem::line))
                    .map(Problem::text).toList();
        }

        /** Throws a {@link UnitCsvException} listing every problem, if there is any. */
        public void throwIfAny() {
            if (!list.isEmpty()) {
                throw new UnitCsvException(list());
            }
        }
    }

    public static List<UnitRow> parseUnits(String source, Reader in, UnitEra era, Problems problems) {
        List<UnitRow> rows = new ArrayList<>();
        Table table = Table.read(source, in, List.of("level", "code", "name", "type", "parent_code"), problems);
        if (table == null) {
            return rows;
        }
        int top = era.levels().keySet().stream().min(Integer::compare).orElse(1);
        Map<String, UnitRow> byCode = new HashMap<>();
        for (Table.Row r : table.rows()) {
            Integer csvLevel = integer(r.get("level"));
            String code = r.get("code");
            String name = VietText.clean(r.get("name"));
            String type = VietText.clean(r.get("type"));
            String parent = r.get("parent_code");
            int problemsBefore = problems.list.size();
            if (csvLevel == null || !era.levels().containsKey(csvLevel)) {
                problems.add(source, r.line(), "cấp \"" + r.get("level") + "\" không thuộc "
                        + era.levels().keySet().stream().sorted().toList());
            }
            if (!CODE.matcher(code).matches()) {
                problems.add(source, r.line(), "mã \"" + code + "\" phải gồm 1 đến 16 chữ cái hoặc chữ số");
            }
            if (name.isEmpty()) {
                problems.add(source, r.line(), "thiếu tên");
            }
            if (type.isEmpty()) {
                problems.add(source, r.line(), "thiếu loại đơn vị (type)");
            }
            if (csvLevel != null && csvLevel == top && !parent.isEmpty()) {
                problems.add(source, r.line(), "đơn vị cấp " + top + " không có đơn vị cha nhưng parent_code là \"" + parent + "\"");
            }
            if (csvLevel != null && csvLevel != top && parent.isEmpty()) {
                problems.add(source, r.line(), "thiếu parent_code ở đơn vị cấp " + csvLevel);
            }
            if (problems.list.size() > problemsBefore) {
                continue;
            }
            String normalType = normaliseType(type);
            UnitRow row = new UnitRow(source, r.line(), csvLevel, era.levels().get(csvLevel), code,
                    normaliseName(name, type, normalType), normalType, parent.isEmpty() ? null : parent);
            UnitRow first = byCode.putIfAbsent(code, row);
            if (first != null) {
                problems.add(source, r.line(), "trùng mã " + code + " (đã có ở dòng " + first.line() + ")");
                continue;
            }
            rows.add(row);
        }
        checkParents(source, rows, byCode, problems);
        return rows;
    }

    /** Every parent in the file, one level up, with no cycle (a cycle is reported once, at its first row). */
    private static void checkParents(String source, List<UnitRow> rows, Map<String, UnitRow> byCode, Problems problems) {
        java.util.Set<String> inCycle = new java.util.HashSet<>();
        for (UnitRow row : rows) {
            // a chain of parents that comes back to the unit: reported once per cycle, at its first row
            List<String> chain = new ArrayList<>();
            UnitRow at = row;
            while (at != null && at.parentCode() != null && chain.size() <= rows.size()) {
                chain.add(at.code());
                if (at.parentCode().equals(row.code())) {
                    if (!inCycle.contains(row.code())) {
                        chain.add(row.code());
                        problems.add(source, row.line(), "vòng lặp đơn vị cha: " + String.join(" → ", chain));
                    }
                    inCycle.addAll(chain);
                    break;
                }
                at = byCode.get(at.parentCode());
            }
        }
        for (UnitRow row : rows) {
            if (row.parentCode() == null || inCycle.contains(row.code())) {
                continue;
            }
            UnitRow parent = byCode.get(row.parentCode());
            if (parent == null) {
                problems.add(source, row.line(), "mã đơn vị cha " + row.parentCode() + " của đơn vị " + row.code() + " không có trong tệp");
            } else if (parent.csvLevel() != row.csvLevel() - 1) {
                problems.add(source, row.line(), "đơn vị cha " + row.parentCode() + " của đơn vị " + row.code() + " (cấp " + row.csvLevel()
                        + ") ở cấp " + parent.csvLevel() + ", phải là cấp " + (row.csvLevel() - 1));
            }
        }
    }

    public static List<LinkRow> parseSuccessors(String source, Reader in, Problems problems) {
        List<LinkRow> rows = new ArrayList<>();
        Table table = Table.read(source, in, List.of("old_level", "old_code", "new_code", "share"), problems);
        if (table == null) {
            return rows;
        }
        Map<String, LinkRow> pairs = new HashMap<>();
        Map<String, List<LinkRow>> byOld = new LinkedHashMap<>();
        for (Table.Row r : table.rows()) {
            Integer oldLevel = integer(r.get("old_level"));
            String oldCode = r.get("old_code");
            String newCode = r.get("new_code");
            String shareText = r.get("share").toLowerCase(Locale.ROOT);
            int problemsBefore = problems.list.size();
            if (oldLevel == null || oldLevel < 1) {
                problems.add(source, r.line(), "old_level \"" + r.get("old_level") + "\" không phải số cấp");
            }
            if (!CODE.matcher(oldCode).matches()) {
                problems.add(source, r.line(), "old_code \"" + oldCode + "\" phải gồm 1 đến 16 chữ cái hoặc chữ số");
            }
            if (!CODE.matcher(newCode).matches()) {
                problems.add(source, r.line(), "new_code \"" + newCode + "\" phải gồm 1 đến 16 chữ cái hoặc chữ số");
            }
            if (!shareText.equals("full") && !shareText.equals("partial")) {
                problems.add(source, r.line(), "share \"" + r.get("share") + "\" phải là full hoặc partial");
            }
            if (problems.list.size() > problemsBefore) {
                continue;
            }
            LinkRow row = new LinkRow(source, r.line(), oldLevel, oldCode, VietText.clean(r.get("old_name")), newCode,
                    VietText.clean(r.get("new_name")), shareText.equals("full") ? UnitLink.Share.FULL : UnitLink.Share.PARTIAL);
            LinkRow first = pairs.putIfAbsent(oldCode + ">" + newCode, row);
            if (first != null) {
                problems.add(source, r.line(), "trùng liên kết " + oldCode + " → " + newCode + " (đã có ở dòng " + first.line() + ")");
                continue;
            }
            byOld.computeIfAbsent(oldCode, k -> new ArrayList<>()).add(row);
            rows.add(row);
        }
        byOld.forEach((oldCode, links) -> {
            if (links.size() > 1 && links.stream().anyMatch(l -> l.share() == UnitLink.Share.FULL)) {
                problems.add(source, links.get(1).line(), "đơn vị " + oldCode + " chuyển toàn bộ (full) vào một đơn vị nhưng còn có đơn vị kế thừa khác");
            }
        });
        return rows;
    }

    /** "Thành Phố" is written "Thành phố": only the first letter of a type is upper case. */
    static String normaliseType(String type) {
        String lower = type.toLowerCase(VietText.VI);
        return lower.isEmpty() ? lower : lower.substring(0, 1).toUpperCase(VietText.VI) + lower.substring(1);
    }

    private static String normaliseName(String name, String type, String normalType) {
        return name.regionMatches(true, 0, type, 0, type.length()) ? normalType + name.substring(type.length()) : name;
    }

    private static Integer integer(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A CSV file as rows of named cells. */
    private record Table(List<Row> rows) {

        record Row(int line, Map<String, String> cells) {
            String get(String column) {
                String v = cells.get(column);
                return v == null ? "" : v.trim();
            }
        }

        static Table read(String source, Reader in, List<String> required, Problems problems) {
            Csv.Table csv;
            try {
                csv = Csv.read(in);
            } catch (CharacterCodingException e) {
                problems.add(source, 0, "tệp không phải văn bản UTF-8");
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (csv.rows().isEmpty()) {
                problems.add(source, 0, "tệp rỗng");
                return null;
            }
            List<String> header = csv.rows().get(0).cells().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(source, 1, "thiếu cột " + String.join(", ", missing)
                        + "; dòng tiêu đề phải có " + String.join(", ", required));
                return null;
            }
            List<Row> rows = new ArrayList<>();
            for (Csv.Row r : csv.rows().subList(1, csv.rows().size())) {
                if (r.empty()) {
                    continue;
                }
                List<String> cells = r.cells();
                if (cells.size() != header.size()) {
                    problems.add(source, r.line(), "có " + cells.size() + " trường, cần " + header.size());
                    continue;
                }
                Map<String, String> named = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    named.put(header.get(i), cells.get(i));
                }
                rows.add(new Row(r.line(), named));
            }
            if (csv.broken() != null) {
                problems.add(source, csv.broken().line(), csv.broken().problem());
            }
            return new Table(rows);
        }
    }
}
