package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * The columns of a table, found from the words of its header row(s), never from their position: "TT" (code),
 * "Nội dung chỉ tiêu" / "Danh mục nhiệm vụ" (content), "chủ trì" (lead), "phối hợp" (cooperating), "Thời gian"
 * (time frame), "quy mô" (scope), "Ghi chú" (note). A header split over two rows ("Cơ quan thực hiện" over
 * "Chủ trì | Phối hợp") is merged.
 */
final class TableLayout {

    enum Column {
        CODE, CONTENT, UNIT, LEAD, COOPERATING, TIME, SCOPE, NOTE
    }

    /** A value column of a target table ("Kết quả", "Giá trị", "Năm 2030"), with the year its header names. */
    record ValueColumn(int index, Integer year) {
    }

    enum Kind {
        TARGETS, TASKS, OTHER
    }

    /** Column header patterns in the order they are tried (folded). */
    private static final List<Map.Entry<Column, Pattern>> HEADERS = List.of(
            Map.entry(Column.UNIT, Pattern.compile("^(don vi|don vi tinh|dvt)$")),
            Map.entry(Column.LEAD, Pattern.compile("chu tri|don vi thuc hien|co quan thuc hien|don vi chiu trach nhiem|co quan chiu trach nhiem")),
            Map.entry(Column.COOPERATING, Pattern.compile("phoi hop")),
            Map.entry(Column.TIME, Pattern.compile("thoi gian|tien do|thoi han|lo trinh|nam thuc hien|nam hoan thanh|thoi diem")),
            Map.entry(Column.SCOPE, Pattern.compile("quy mo|san pham|ket qua|du kien")),
            Map.entry(Column.NOTE, Pattern.compile("ghi chu|can cu|co so phap ly")),
            Map.entry(Column.CODE, Pattern.compile("^(stt|tt|so tt|so thu tu|ma|ma so|muc)$")),
            Map.entry(Column.CONTENT, Pattern.compile("noi dung|chi tieu|nhiem vu|du an|danh muc|ten |ten$|hoat dong|cong viec|de an")));

    /**
     * The header of a value column of a target table (folded): "Kết quả", "Giá trị", "Mục tiêu", "Chỉ tiêu đến năm
     * 2030", "Kế hoạch năm 2025", "Năm 2030", "2030". A plain "Chỉ tiêu" is the content column, not a value.
     */
    private static final Pattern VALUE_HEADER = Pattern.compile(
            "^(?:(?:ket qua|gia tri|muc tieu|ke hoach)(?:\\s+(?:can\\s+|phai\\s+)?dat)?|chi tieu(?=.*\\d{4}))"
                    + "(?:\\s+(?:den\\s+|toi\\s+)?(?:het\\s+)?(?:nam\\s+)?(\\d{4}))?$"
                    + "|^(?:(?:den|toi)\\s+)?(?:het\\s+)?(?:nam\\s+)?(\\d{4})$");

    private final Map<Column, Integer> columns;
    private final int headerRows;
    private final Kind kind;
    private final List<ValueColumn> values;

    private TableLayout(Map<Column, Integer> columns, int headerRows, Kind kind, List<ValueColumn> values) {
        this.columns = columns;
        this.headerRows = headerRows;
        this.kind = kind;
        this.values = List.copyOf(values);
    }

    /** The layout of a table, or null when no header row could be recognised. */
    static TableLayout detect(List<DocumentBlock.Row> rows, String caption) {
        for (int r = 0; r < Math.min(3, rows.size()); r++) {
            Map<Column, Integer> cols = roles(rows.get(r));
            if (cols.size() < 2 || !(cols.containsKey(Column.CONTENT) || cols.containsKey(Column.LEAD))) {
                continue;
            }
            int header = 1;
            if (r + 1 < rows.size()) {
                // a two-row header: "Cơ quan thực hiện" spanning "Chủ trì | Phối hợp" on the next row
                Map<Column, Integer> second = roles(rows.get(r + 1));
                if (second.containsKey(Column.COOPERATING) || second.containsKey(Column.LEAD) && !cols.containsKey(Column.LEAD)) {
                    second.remove(Column.CONTENT);
                    second.remove(Column.CODE);
                    cols.putAll(second);
                    header = 2;
                }
            }
            if (!cols.containsKey(Column.CONTENT)) {
                continue;
            }
            String headerText = VietText.fold(String.join(" ", rows.get(r).cells()));
            Kind kind = kindOf(cols, headerText, caption);
            List<ValueColumn> values = new ArrayList<>();
            if (kind == Kind.TARGETS) {
                values = valueColumns(rows.get(r), cols);
                if (r + header < rows.size()) {
                    List<ValueColumn> below = yearRow(rows.get(r + header));
                    if (!below.isEmpty()) {
                        // "Mục tiêu" spanning "Năm 2025 | Năm 2030" on the next header row
                        values.removeIf(v -> below.stream().anyMatch(b -> b.index() == v.index()));
                        values.addAll(below);
                        values.sort(java.util.Comparator.comparingInt(ValueColumn::index));
                        header++;
                    }
                }
                if (!values.isEmpty() && cols.containsKey(Column.SCOPE)
                        && values.stream().anyMatch(v -> v.index() == cols.get(Column.SCOPE))) {
                    cols.remove(Column.SCOPE); // "Kết quả" of a target table is its value, not a task's product
                }
            }
            return new TableLayout(cols, r + header, kind, values);
        }
        return null;
    }

    /** The value columns of a target table's header row: cells no other column took, or "Kết quả" (scope). */
    private static List<ValueColumn> valueColumns(DocumentBlock.Row row, Map<Column, Integer> cols) {
        List<ValueColumn> out = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            final int at = i;
            boolean taken = cols.entrySet().stream().anyMatch(e -> e.getValue() == at && e.getKey() != Column.SCOPE);
            if (taken) {
                continue;
            }
            java.util.regex.Matcher m = VALUE_HEADER.matcher(headerText(row.cell(i)));
            if (m.matches()) {
                String y = m.group(1) != null ? m.group(1) : m.group(2);
                out.add(new ValueColumn(i, y == null ? null : Integer.valueOf(y)));
            }
        }
        return out;
    }

    /** A second header row naming years only ("| | | Năm 2025 | Năm 2030 |"); empty when it is a data row. */
    private static List<ValueColumn> yearRow(DocumentBlock.Row row) {
        List<ValueColumn> out = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String f = headerText(row.cell(i));
            if (f.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = VALUE_HEADER.matcher(f);
            String y = m.matches() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
            if (y == null) {
                return List.of();
            }
            out.add(new ValueColumn(i, Integer.valueOf(y)));
        }
        return out;
    }

    private static String headerText(String cell) {
        return VietText.fold(cell.replace('\n', ' ')).replaceAll("[()*:.]", "").replaceAll("\\s+", " ").strip();
    }

    private static Map<Column, Integer> roles(DocumentBlock.Row row) {
        Map<Column, Integer> cols = new EnumMap<>(Column.class);
        for (int i = 0; i < row.cells().size(); i++) {
            String f = VietText.fold(row.cell(i).replace('\n', ' ')).replaceAll("[()*:.]", "").strip();
            if (f.isEmpty() || f.length() > 80) {
                continue;
            }
            for (Map.Entry<Column, Pattern> h : HEADERS) {
                if (!cols.containsKey(h.getKey()) && h.getValue().matcher(f).find()) {
                    cols.put(h.getKey(), i);
                    break;
                }
            }
        }
        return cols;
    }

    private static Kind kindOf(Map<Column, Integer> cols, String header, String caption) {
        String c = caption == null ? "" : VietText.fold(caption);
        boolean targetWords = header.matches(".*(?:^|[^a-z])chi tieu(?![a-z]).*");
        boolean taskWords = header.matches(".*(nhiem vu|du an|hoat dong|cong viec|de an).*");
        if (targetWords && !taskWords) {
            return Kind.TARGETS;
        }
        if (taskWords || cols.containsKey(Column.TIME)) {
            return Kind.TASKS;
        }
        if (c.contains("chi tieu") && !c.contains("nhiem vu")) {
            return Kind.TARGETS;
        }
        if (c.contains("nhiem vu") || c.contains("du an")) {
            return Kind.TASKS;
        }
        return Kind.OTHER;
    }

    Integer column(Column c) {
        return columns.get(c);
    }

    boolean has(Column c) {
        return columns.containsKey(c);
    }

    /** The value columns of a target table, in column order; empty when the value is written in the target's text. */
    List<ValueColumn> values() {
        return values;
    }

    /** A value column's cell, its lines joined by a space. */
    String valueCell(DocumentBlock.Row row, ValueColumn c) {
        return row.cell(c.index(), " ").strip();
    }

    int headerRows() {
        return headerRows;
    }

    Kind kind() {
        return kind;
    }

    /** The cell of a column in a row, its lines joined with {@code separator}; "" when the table has no such column. */
    String cell(DocumentBlock.Row row, Column c, String separator) {
        Integer i = columns.get(c);
        return i == null ? "" : row.cell(i, separator).strip();
    }

    /** Groups the rows of a document into tables by their table index. */
    static List<List<DocumentBlock.Row>> tables(DocumentText doc) {
        List<List<DocumentBlock.Row>> out = new ArrayList<>();
        int current = Integer.MIN_VALUE;
        for (DocumentBlock b : doc.blocks()) {
            if (b instanceof DocumentBlock.Row r) {
                if (r.table() != current) {
                    out.add(new ArrayList<>());
                    current = r.table();
                }
                out.get(out.size() - 1).add(r);
            }
        }
        return out;
    }

    /** A row of column numbers under the header ("(1) | (2) | (3)", "1 | 2 | 3"). */
    static boolean isNumberingRow(DocumentBlock.Row row) {
        int n = 0;
        for (String c : row.cells()) {
            String s = c.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!s.matches("\\(?\\d{1,2}\\)?|\\(?[A-Z]\\)?")) {
                return false;
            }
            n++;
        }
        return n >= 3;
    }
}
