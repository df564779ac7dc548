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
        CODE, CONTENT, LEAD, COOPERATING, TIME, SCOPE, NOTE
    }

    enum Kind {
        TARGETS, TASKS, OTHER
    }

    /** Column header patterns in the order they are tried (folded). */
    private static final List<Map.Entry<Column, Pattern>> HEADERS = List.of(
            Map.entry(Column.LEAD, Pattern.compile("chu tri|don vi thuc hien|co quan thuc hien|don vi chiu trach nhiem|co quan chiu trach nhiem")),
            Map.entry(Column.COOPERATING, Pattern.compile("phoi hop")),
            Map.entry(Column.TIME, Pattern.compile("thoi gian|tien do|thoi han|lo trinh|nam thuc hien|nam hoan thanh|thoi diem")),
            Map.entry(Column.SCOPE, Pattern.compile("quy mo|san pham|ket qua|du kien")),
            Map.entry(Column.NOTE, Pattern.compile("ghi chu|can cu|co so phap ly")),
            Map.entry(Column.CODE, Pattern.compile("^(stt|tt|so tt|so thu tu|ma|ma so|muc)$")),
            Map.entry(Column.CONTENT, Pattern.compile("noi dung|chi tieu|nhiem vu|du an|danh muc|ten |ten$|hoat dong|cong viec|de an")));

    private final Map<Column, Integer> columns;
    private final int headerRows;
    private final Kind kind;

    private TableLayout(Map<Column, Integer> columns, int headerRows, Kind kind) {
        this.columns = columns;
        this.headerRows = headerRows;
        this.kind = kind;
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
            return new TableLayout(cols, r + header, kindOf(cols, headerText, caption));
        }
        return null;
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
