package vn.dxgov.reporting.excel;

import static vn.dxgov.reporting.excel.FormLayout.MAX_COMMENT;
import static vn.dxgov.reporting.excel.FormLayout.column;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;

/**
 * The cells of an uploaded form as {@link FormWorkbookReader} checks them: what a cell holds (a number cell's number,
 * a text cell read with the uploader's number grammar), key cells and headers left as written, rows removed or added,
 * and every problem collected with its sheet, row and column. Knows the layout's cells, not what a report means.
 */
final class FormCells {

    /**
     * What a cell holds: a numeric cell's number, or the text of a text cell (read with the number grammar only where
     * a number is expected, see {@link #number}).
     */
    record Value(Cell cell, String display, BigDecimal number, boolean text) {
        boolean blank() {
            return display.isBlank();
        }
    }

    private final Workbook wb;
    private final Texts texts;
    private final DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
    /** Text cells are read and numbers shown in the grammar of the uploader's language. */
    private final Numbers grammar;
    private final List<CellProblem> problems = new ArrayList<>();

    FormCells(Workbook wb, Texts texts) {
        this.wb = wb;
        this.texts = texts;
        this.grammar = Numbers.of(texts.locale());
    }

    /** The problems found so far, in the order found. */
    List<CellProblem> problems() {
        return problems;
    }

    Sheet sheet(String name) {
        Sheet s = wb.getSheet(name);
        if (s == null) {
            problems.add(new CellProblem(name, 0, null, null, texts.get("excel.sheet.missing", name)));
        }
        return s;
    }

    void checkHeader(Sheet s, String[] headers) {
        for (int c = 0; c < headers.length; c++) {
            Value v = value(s, 0, c);
            if (!VietText.clean(v.display()).equals(headers[c])) {
                problem(s.getSheetName(), 0, c, v, texts.get("excel.cell.keyChanged", headers[c], v.display()));
            }
        }
    }

    /**
     * True when row {@code r} is the line with id {@code id}; otherwise records why not (the row was removed, or its
     * id changed).
     */
    boolean rowPresent(Sheet s, int r, int idCol, long id, int width) {
        Value idCell = value(s, r, idCol);
        if (rowBlank(s, r, width)) {
            problems.add(new CellProblem(s.getSheetName(), r + 1, null, null, texts.get("excel.cell.rowRemoved", id)));
            return false;
        }
        BigDecimal n = idCell.text() ? grammar.read(idCell.display()).orElse(null) : idCell.number();
        Long found = n != null ? n.longValue() : null;
        if (found == null || found != id || n.stripTrailingZeros().scale() > 0) {
            problem(s.getSheetName(), r, idCol, idCell, texts.get("excel.cell.idChanged", id, idCell.display()));
            return false;
        }
        return true;
    }

    void extraRows(Sheet s, int from, int width) {
        for (int r = from; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell c : row) {
                Value v = value(c);
                if (!v.blank()) {
                    problem(s.getSheetName(), r, c.getColumnIndex(), v, texts.get("excel.cell.rowAdded"));
                    break;
                }
            }
        }
    }

    private boolean rowBlank(Sheet s, int r, int width) {
        for (int c = 0; c < width; c++) {
            if (!value(s, r, c).blank()) {
                return false;
            }
        }
        return true;
    }

    void key(Sheet s, int r, int col, String expected) {
        Value v = value(s, r, col);
        String want = expected == null ? "" : VietText.clean(expected);
        String got = VietText.clean(v.display());
        if (!want.equals(got)) {
            problem(s.getSheetName(), r, col, v, texts.get("excel.cell.keyChanged", abbreviate(want), abbreviate(got)));
        }
    }

    BigDecimal number(String sheet, int r, int col, Value v) {
        return number(sheet, r, col, v, "excel.cell.notNumber", false);
    }

    /**
     * The number in a cell: a numeric cell as it is; a text cell read with the number grammar ("1.300" is 1300 in
     * Vietnamese, "1.3" is refused with how to write it). {@code percent}: a trailing "%" is allowed. A refused
     * text gets the grammar's message, or {@code messageKey}'s when the field says more (whole percentages).
     */
    BigDecimal number(String sheet, int r, int col, Value v, String messageKey, boolean percent) {
        if (v.blank()) {
            return null;
        }
        if (!v.text()) {
            if (v.number() == null) {
                problem(sheet, r, col, v, texts.get(messageKey, v.display()));
            }
            return v.number();
        }
        Numbers.Reading reading = percent ? grammar.parsePercent(v.display()) : grammar.parse(v.display());
        if (reading.ok()) {
            return reading.value() == null ? null : clean(reading.value());
        }
        problem(sheet, r, col, v, "excel.cell.notNumber".equals(messageKey)
                ? texts.get(reading.problem().key(), reading.problem().arguments())
                : texts.get(messageKey, v.display()));
        return null;
    }

    String comment(String sheet, int r, int col, Value v) {
        String text = v.blank() ? "" : v.display().strip();
        if (text.length() > MAX_COMMENT) {
            problem(sheet, r, col, v, texts.get("excel.cell.tooLong", text.length(), MAX_COMMENT));
        }
        return text;
    }

    void problem(String sheet, int r, int col, Value v, String message) {
        String shown = v == null || v.blank() ? null : abbreviate(v.display());
        problems.add(new CellProblem(sheet, r + 1, column(col), shown, message));
    }

    Value value(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        return value(row == null ? null : row.getCell(c));
    }

    Value value(Cell c) {
        if (c == null) {
            return new Value(null, "", null, false);
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        switch (type) {
            case NUMERIC -> {
                BigDecimal n = BigDecimal.valueOf(c.getNumericCellValue()); // a numeric cell: a number already
                String fmt = c.getCellStyle() == null ? "" : c.getCellStyle().getDataFormatString();
                if (fmt != null && fmt.contains("%")) {
                    n = n.movePointRight(2);
                }
                n = clean(n);
                return new Value(c, grammar.value(n) + (fmt != null && fmt.contains("%") ? "%" : ""), n, false);
            }
            case STRING -> {
                String text = c.getStringCellValue();
                return new Value(c, text == null ? "" : text, null, true);
            }
            case BOOLEAN -> {
                boolean b = c.getBooleanCellValue();
                return new Value(c, b ? "TRUE" : "FALSE", null, true);
            }
            case ERROR -> {
                String shown = formatter.formatCellValue(c);
                return new Value(c, shown.isBlank() ? "#ERROR" : shown, null, true);
            }
            default -> {
                return new Value(c, "", null, false);
            }
        }
    }

    /** Drops binary noise from a double read from a cell: 12.499999999999998 is 12.5. */
    private static BigDecimal clean(BigDecimal n) {
        BigDecimal r = n.scale() > 9 ? n.setScale(9, java.math.RoundingMode.HALF_UP) : n;
        r = r.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    String fmt(BigDecimal n) {
        return n == null ? "" : grammar.value(n);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }
}
