package vn.dxgov.assessment.internal;

import static vn.dxgov.assessment.internal.CriteriaValues.level;
import static vn.dxgov.assessment.internal.CriteriaValues.number;
import static vn.dxgov.assessment.internal.CriteriaValues.parseNumber;
import static vn.dxgov.assessment.internal.CriteriaValues.rule;
import static vn.dxgov.assessment.internal.CriteriaValues.steps;
import static vn.dxgov.assessment.internal.CriteriaValues.text;
import static vn.dxgov.assessment.internal.CriteriaValues.yesNo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.http.HttpStatus;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Classification;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.CriteriaSetDocument.Rule;
import vn.dxgov.assessment.CriteriaSetDocument.Step;
import vn.dxgov.assessment.RuleType;
import vn.dxgov.shared.Csv;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.UnitLevel;

/**
 * Criteria sets as flat tables: the .xlsx workbook (sheets "Bộ tiêu chí", "Tiêu chí", "Xếp loại") read here (written
 * by {@link CriteriaWorkbookWriter}, the cells' values read by {@link CriteriaValues}), and the CSV of the DTI structure
 * of QĐ 922/QĐ-BTTTT. Both go through the same rows → tree → validation path,
 * and every problem names its sheet (or file), row and column; nothing is returned when anything is wrong.
 */
final class CriteriaFiles {

    static final String INFO = "Bộ tiêu chí";
    static final String CRITERIA = "Tiêu chí";
    static final String LEVELS = "Xếp loại";
    static final String GUIDE = "Hướng dẫn";

    static final List<String> COLUMNS = List.of("Mã", "Thuộc nhóm", "Tên", "Điểm tối đa", "Bắt buộc", "Điểm đạt",
            "Quy tắc", "Bậc điểm", "Mã chỉ số", "Thấp hơn là tốt hơn", "Ghi chú");
    static final List<String> LEVEL_COLUMNS = List.of("Mã", "Tên", "Điểm tối thiểu", "Cần đạt mọi tiêu chí bắt buộc");
    static final List<String> INFO_KEYS = List.of("Mã bộ tiêu chí", "Năm áp dụng", "Tên", "Cấp đánh giá", "Mô tả",
            "Bản mẫu (không chính thức)", "Tổng điểm tối đa");

    private static final Map<String, String> FIELD_COLUMN = Map.of("code", "Mã", "name", "Tên", "maxPoints",
            "Điểm tối đa", "mandatory", "Bắt buộc", "passPoints", "Điểm đạt", "rule", "Quy tắc", "rule.indicator",
            "Mã chỉ số", "children", "Thuộc nhóm");
    private static final Map<String, String> INFO_FIELD = Map.of("code", "Mã bộ tiêu chí", "year", "Năm áp dụng",
            "name", "Tên", "level", "Cấp đánh giá", "maxPoints", "Tổng điểm tối đa", "nodes", "Tiêu chí");
    private static final Map<String, String> LEVEL_FIELD = Map.of("code", "Mã", "name", "Tên", "minPoints",
            "Điểm tối thiểu");

    private CriteriaFiles() {
    }

    /** One row of the criteria table. */
    record FlatRow(int row, String code, String parent, String name, BigDecimal maxPoints, Boolean mandatory,
                   BigDecimal passPoints, RuleType rule, List<Step> steps, String indicator, Boolean lower, String note) {
    }

    // ===================================================================== reading .xlsx

    static CriteriaSetDocument readXlsx(byte[] bytes) {
        Workbook wb;
        try {
            wb = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "assessment.import.notWorkbook");
        }
        try (wb) {
            List<String> errors = new ArrayList<>();
            Sheet info = wb.getSheet(INFO);
            Sheet crit = wb.getSheet(CRITERIA);
            if (info == null || crit == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, List.of("cần các trang \"" + INFO + "\" và \"" + CRITERIA + "\""),
                        "assessment.import.notCriteriaWorkbook");
            }
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            Info set = readInfo(info, fmt, errors);
            List<FlatRow> rows = readCriteria(crit, fmt, errors);
            Levels levels = readLevels(wb.getSheet(LEVELS), fmt, errors);
            return build(set.code(), set.year(), set.name(), set.level(), set.description(), set.example(), set.max(), rows,
                    levels.levels(), CRITERIA, set.rows(), levels.rows(), errors);
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "assessment.import.notWorkbook");
        }
    }

    /** The sheet "Bộ tiêu chí": its fields, and the row each key was found on ({@code rows}, key to row number). */
    private record Info(String code, Integer year, String name, UnitLevel level, String description, Boolean example,
                        BigDecimal max, Map<String, Integer> rows) {
    }

    /** Key in column A (any case, with or without diacritics), value in column B. */
    private static Info readInfo(Sheet info, DataFormatter fmt, List<String> errors) {
        Map<String, Integer> infoRows = new HashMap<>();
        Map<String, Cell> infoCells = new HashMap<>();
        for (Row r : info) {
            String key = text(r.getCell(0), fmt);
            if (key != null) {
                for (String k : INFO_KEYS) {
                    if (VietText.fold(k).equals(VietText.fold(key))) {
                        infoCells.put(k, r.getCell(1));
                        infoRows.put(k, r.getRowNum() + 1);
                    }
                }
            }
        }
        java.util.function.Function<Integer, String> at = i -> INFO + ", " + INFO_KEYS.get(i);
        java.util.function.Function<Integer, Cell> cell = i -> infoCells.get(INFO_KEYS.get(i));
        BigDecimal y = number(cell.apply(1), fmt, at.apply(1), errors);
        return new Info(text(cell.apply(0), fmt), y == null ? null : y.intValue(), text(cell.apply(2), fmt),
                level(text(cell.apply(3), fmt), at.apply(3), errors), text(cell.apply(4), fmt),
                yesNo(text(cell.apply(5), fmt), at.apply(5), errors), number(cell.apply(6), fmt, at.apply(6), errors),
                infoRows);
    }

    /** The sheet "Tiêu chí": one {@link FlatRow} per row that is not blank, columns found by their header. */
    private static List<FlatRow> readCriteria(Sheet crit, DataFormatter fmt, List<String> errors) {
        Map<String, Integer> cols = header(crit, COLUMNS, CRITERIA, fmt, errors);
        List<FlatRow> rows = new ArrayList<>();
        if (cols == null) {
            return rows;
        }
        for (Row r : crit) {
            if (r.getRowNum() == 0 || blankRow(r, fmt)) {
                continue;
            }
            int n = r.getRowNum() + 1;
            String at = CRITERIA + ", dòng " + n + ", cột ";
            java.util.function.Function<String, Cell> c = col -> cols.get(col) == null ? null : r.getCell(cols.get(col));
            rows.add(new FlatRow(n, text(c.apply("Mã"), fmt), text(c.apply("Thuộc nhóm"), fmt),
                    text(c.apply("Tên"), fmt), number(c.apply("Điểm tối đa"), fmt, at + "Điểm tối đa", errors),
                    yesNo(text(c.apply("Bắt buộc"), fmt), at + "Bắt buộc", errors),
                    number(c.apply("Điểm đạt"), fmt, at + "Điểm đạt", errors),
                    rule(text(c.apply("Quy tắc"), fmt), at + "Quy tắc", errors),
                    steps(text(c.apply("Bậc điểm"), fmt), at + "Bậc điểm", errors),
                    text(c.apply("Mã chỉ số"), fmt),
                    yesNo(text(c.apply("Thấp hơn là tốt hơn"), fmt), at + "Thấp hơn là tốt hơn", errors),
                    text(c.apply("Ghi chú"), fmt)));
        }
        return rows;
    }

    /** The classification levels and the sheet row of each (for problems found later by the validator). */
    private record Levels(List<Classification> levels, List<Integer> rows) {
    }

    /** The sheet "Xếp loại", which may be missing. */
    private static Levels readLevels(Sheet lv, DataFormatter fmt, List<String> errors) {
        Levels out = new Levels(new ArrayList<>(), new ArrayList<>());
        Map<String, Integer> lc = lv == null ? null : header(lv, LEVEL_COLUMNS, LEVELS, fmt, errors);
        if (lc == null) {
            return out;
        }
        for (Row r : lv) {
            if (r.getRowNum() == 0 || blankRow(r, fmt)) {
                continue;
            }
            String at = LEVELS + ", dòng " + (r.getRowNum() + 1) + ", cột ";
            out.levels().add(new Classification(text(r.getCell(lc.get("Mã")), fmt), text(r.getCell(lc.get("Tên")), fmt),
                    number(r.getCell(lc.get("Điểm tối thiểu")), fmt, at + "Điểm tối thiểu", errors),
                    yesNo(text(r.getCell(lc.get("Cần đạt mọi tiêu chí bắt buộc")), fmt),
                            at + "Cần đạt mọi tiêu chí bắt buộc", errors)));
            out.rows().add(r.getRowNum() + 1);
        }
        return out;
    }

    // ===================================================================== the DTI structure CSV

    /**
     * Reads {@code dti-922-provincial-structure.csv} (code, main_index, group, n_component_indices, max_points, note):
     * groups I and II, main indices 1–9 (each a criterion scored by the reviewer, to be broken down into component
     * indices later), the TOTAL row as the set's maximum.
     */
    static CriteriaSetDocument readDtiCsv(String csv, String fileName, String setCode, int year) {
        Csv.Table table = Csv.read(csv);
        List<String> expected = List.of("code", "main_index", "group", "n_component_indices", "max_points", "note");
        List<String> head = table.rows().isEmpty() ? List.of()
                : table.rows().get(0).cells().stream().map(String::trim).toList();
        if (!head.equals(expected)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of(fileName + ", dòng 1: cần các cột " + expected),
                    "assessment.import.invalid");
        }
        List<String> errors = new ArrayList<>();
        List<FlatRow> rows = new ArrayList<>();
        BigDecimal total = null;
        for (Csv.Row r : table.rows().subList(1, table.rows().size())) {
            if (r.empty()) {
                continue;
            }
            String at = fileName + ", dòng " + r.line() + ", cột ";
            if (r.cells().size() < 5) {
                errors.add(fileName + ", dòng " + r.line() + ": thiếu cột");
                continue;
            }
            BigDecimal max = parseNumber(r.cell(4), at + "max_points", errors);
            if ("TOTAL".equals(r.cell(0))) {
                total = max;
                continue;
            }
            String note = r.cell(5).isBlank() ? null : r.cell(5);
            String components = r.cell(3).isBlank() ? null : r.cell(3) + " chỉ số thành phần";
            String fullNote = note == null ? components : components == null ? note : components + "; " + note;
            boolean group = r.cell(2).isBlank();
            rows.add(new FlatRow(r.line(), r.cell(0), group ? null : r.cell(2), r.cell(1), max, null, null,
                    group ? null : RuleType.MANUAL, List.of(), null, null, fullNote));
        }
        if (table.broken() != null) {
            errors.add(fileName + ", dòng " + table.broken().line() + ": " + table.broken().problem());
        }
        return build(setCode, year, "Chỉ số chuyển đổi số cấp tỉnh (DTI) theo Quyết định 922/QĐ-BTTTT",
                UnitLevel.PROVINCE, "Cấu trúc 8 chỉ số chính được tính điểm (1.000 điểm) của DTI cấp tỉnh theo Phụ lục 1, "
                        + "Bảng I.1 Quyết định 922/QĐ-BTTTT ngày 20/5/2022. Mỗi chỉ số chính = điểm ÷ điểm tối đa; DTI = "
                        + "tổng điểm ÷ 1.000. Có thể bổ sung các chỉ số thành phần dưới từng chỉ số chính.",
                false, total, rows, List.of(), fileName, Map.of(), List.of(), errors);
    }

    // ===================================================================== rows → tree → validation

    static CriteriaSetDocument build(String code, Integer year, String name, UnitLevel level, String description,
                                     Boolean example, BigDecimal max, List<FlatRow> rows, List<Classification> levels,
                                     String sheet, Map<String, Integer> infoRows, List<Integer> levelRows,
                                     List<String> errors) {
        Map<String, FlatRow> byCode = new LinkedHashMap<>();
        Map<String, List<FlatRow>> children = new HashMap<>();
        List<FlatRow> top = new ArrayList<>();
        for (FlatRow r : rows) {
            String at = sheet + ", dòng " + r.row() + ", cột ";
            if (r.code() == null) {
                errors.add(at + "Mã: thiếu mã");
                continue;
            }
            if (byCode.putIfAbsent(r.code(), r) != null) {
                errors.add(at + "Mã: mã \"" + r.code() + "\" bị trùng (đã có ở dòng " + byCode.get(r.code()).row() + ")");
                continue;
            }
            if (r.parent() == null) {
                top.add(r);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
            }
        }
        for (FlatRow r : byCode.values()) {
            if (r.parent() != null && !byCode.containsKey(r.parent())) {
                errors.add(sheet + ", dòng " + r.row() + ", cột Thuộc nhóm: không có nhóm mã \"" + r.parent() + "\"");
            }
        }
        Set<String> reached = new HashSet<>();
        List<Node> nodes = top.stream().map(r -> node(r, children, reached)).toList();
        for (FlatRow r : byCode.values()) {
            if (!reached.contains(r.code()) && byCode.containsKey(r.parent() == null ? "" : r.parent())) {
                errors.add(sheet + ", dòng " + r.row() + ", cột Thuộc nhóm: vòng lặp giữa các nhóm");
            }
        }
        CriteriaSetDocument doc = new CriteriaSetDocument(code, year, name, level, description, example, max,
                levels, nodes);
        for (CriteriaValidator.Issue issue : CriteriaValidator.validate(doc)) {
            errors.add(locate(issue, sheet, byCode, infoRows, levelRows));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors, "assessment.import.invalid");
        }
        return doc;
    }

    private static Node node(FlatRow r, Map<String, List<FlatRow>> children, Set<String> reached) {
        reached.add(r.code());
        List<Node> kids = children.getOrDefault(r.code(), List.of()).stream()
                .filter(c -> !reached.contains(c.code()))
                .map(c -> node(c, children, reached)).toList();
        Rule rule = r.rule() == null ? null : new Rule(r.rule(), r.steps() == null || r.steps().isEmpty() ? null : r.steps(),
                r.indicator(), r.lower());
        return new Node(r.code(), r.name(), r.maxPoints(), r.mandatory(), r.passPoints(), rule, r.note(),
                kids.isEmpty() ? null : kids);
    }

    private static String locate(CriteriaValidator.Issue issue, String sheet, Map<String, FlatRow> byCode,
                                 Map<String, Integer> infoRows, List<Integer> levelRows) {
        if (issue.code() != null && byCode.containsKey(issue.code())) {
            String field = issue.field() == null ? "" : issue.field().startsWith("rule.steps") ? "rule.steps" : issue.field();
            String col = "rule.steps".equals(field) ? "Bậc điểm" : FIELD_COLUMN.getOrDefault(field, field);
            return sheet + ", dòng " + byCode.get(issue.code()).row() + ", cột " + col + ": " + issue.message();
        }
        if (issue.path().startsWith("classifications[")) {
            int i = Integer.parseInt(issue.path().substring("classifications[".length(), issue.path().indexOf(']')));
            String row = i < levelRows.size() ? ", dòng " + levelRows.get(i) : "";
            return LEVELS + row + ", cột " + LEVEL_FIELD.getOrDefault(issue.field(), String.valueOf(issue.field()))
                    + ": " + issue.message();
        }
        if (issue.path().isEmpty()) {
            String key = INFO_FIELD.getOrDefault(issue.field(), issue.field());
            Integer row = infoRows.get(key);
            return (infoRows.isEmpty() ? sheet : INFO) + (row == null ? "" : ", dòng " + row) + ", " + key + ": "
                    + issue.message();
        }
        return sheet + ": " + issue.asJsonPath();
    }

    // ===================================================================== cells

    private static Map<String, Integer> header(Sheet s, List<String> cols, String sheet, DataFormatter fmt,
                                               List<String> errors) {
        Row h = s.getRow(0);
        Map<String, Integer> found = new HashMap<>();
        if (h != null) {
            for (Cell c : h) {
                String t = text(c, fmt);
                for (String col : cols) {
                    if (t != null && VietText.fold(col).equals(VietText.fold(t))) {
                        found.put(col, c.getColumnIndex());
                    }
                }
            }
        }
        for (String required : List.of("Mã", "Tên")) {
            if (!found.containsKey(required)) {
                errors.add(sheet + ", dòng 1: thiếu cột \"" + required + "\"");
                return null;
            }
        }
        return found;
    }

    private static boolean blankRow(Row r, DataFormatter fmt) {
        for (Cell c : r) {
            if (text(c, fmt) != null) {
                return false;
            }
        }
        return true;
    }

}
