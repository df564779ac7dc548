package vn.dxgov.reporting.excel;

import static vn.dxgov.reporting.excel.FormLayout.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportForm.TargetLine;
import vn.dxgov.reporting.ReportForm.TaskLine;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;

/**
 * Reads an uploaded form back: checks every key cell against the report form, every input cell for what it must
 * hold, rows added or removed, and collects every problem with its sheet, row and column. When there is none, the
 * lines whose content differs from what is stored become a {@link ReportInput}.
 */
final class FormWorkbookReader {

    /** The outcome: problems (then nothing may be saved), or the changes to save. */
    record Result(List<CellProblem> problems, ReportInput input, int changedTargets, int changedTasks,
                  boolean narrativeChanged) {

        boolean clean() {
            return problems.isEmpty();
        }

        boolean changed() {
            return changedTargets > 0 || changedTasks > 0 || narrativeChanged;
        }
    }

    /**
     * What a cell holds: a numeric cell's number, or the text of a text cell (read with the number grammar only where
     * a number is expected, see {@link #number}).
     */
    private record Value(Cell cell, String display, BigDecimal number, boolean text) {
        boolean blank() {
            return display.isBlank();
        }
    }

    private final Workbook wb;
    private final ReportForm form;
    private final FormSeal seal;
    private final boolean editable;
    private final Texts texts;
    private final DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
    /** Text cells are read and numbers shown in the grammar of the uploader's language. */
    private final Numbers grammar;
    private final List<CellProblem> problems = new ArrayList<>();

    private FormWorkbookReader(Workbook wb, ReportForm form, FormSeal seal, boolean editable, Texts texts) {
        this.wb = wb;
        this.form = form;
        this.seal = seal;
        this.editable = editable;
        this.texts = texts;
        this.grammar = Numbers.of(texts.locale());
    }

    /** The identity on the hidden sheet, or empty when the workbook has none (not a dxgov form). */
    static Optional<Map<String, String>> identity(Workbook wb) {
        Sheet meta = wb.getSheet(META);
        if (meta == null) {
            return Optional.empty();
        }
        Map<String, String> kv = new LinkedHashMap<>();
        DataFormatter f = new DataFormatter(java.util.Locale.ROOT);
        for (Row row : meta) {
            Cell k = row.getCell(0);
            Cell v = row.getCell(1);
            if (k != null) {
                kv.put(f.formatCellValue(k).trim(), v == null ? "" : f.formatCellValue(v).trim());
            }
        }
        if (!KIND.equals(kv.get("kind"))) {
            return Optional.empty();
        }
        return Optional.of(kv);
    }

    static Result read(Workbook wb, ReportForm form, FormSeal seal, boolean editable, Texts texts) {
        return new FormWorkbookReader(wb, form, seal, editable, texts).read();
    }

    private Result read() {
        List<ReportInput.TargetValue> targetChanges = readTargets();
        List<ReportInput.TaskProgress> taskChanges = readTasks();
        String narrative = readNarrative();
        String stored = form.submission().narrative();
        boolean narrativeChanged = narrative != null && !Objects.equals(norm(narrative), norm(stored));
        ReportInput input = new ReportInput(narrativeChanged ? narrative : stored, targetChanges, taskChanges);
        return new Result(List.copyOf(problems), input, targetChanges.size(), taskChanges.size(), narrativeChanged);
    }

    // ----- "Thông tin" -----

    private String readNarrative() {
        Sheet s = sheet(INFO);
        if (s == null) {
            return null;
        }
        Value v = value(s, INFO_NARRATIVE_ROW, 1);
        String text = v.blank() ? "" : v.display().strip();
        if (text.length() > MAX_COMMENT * 4) {
            problem(INFO, INFO_NARRATIVE_ROW, 1, v, texts.get("excel.cell.tooLong", text.length(), MAX_COMMENT * 4));
        }
        if (!editable && !Objects.equals(norm(text), norm(form.submission().narrative()))) {
            problem(INFO, INFO_NARRATIVE_ROW, 1, v, texts.get("excel.cell.readOnly"));
        }
        return text;
    }

    // ----- "Chỉ tiêu" -----

    private List<ReportInput.TargetValue> readTargets() {
        List<ReportInput.TargetValue> changes = new ArrayList<>();
        Sheet s = sheet(TARGETS);
        if (s == null) {
            return changes;
        }
        // a target has several rows when it is a compound count ("06 huyện và 300 xã"): the n-th row of a target id
        // is the target's n-th line
        Map<Long, List<TargetLine>> lines = new LinkedHashMap<>();
        form.targets().forEach(t -> lines.computeIfAbsent(t.targetId(), k -> new ArrayList<>()).add(t));
        Map<Long, Integer> seen = new java.util.HashMap<>();
        List<Long> ids = seal.targetIds();
        checkHeader(s, T_HEADERS);
        for (int i = 0; i < ids.size(); i++) {
            int r = FIRST_ROW + i;
            long id = ids.get(i);
            int occurrence = seen.merge(id, 1, Integer::sum) - 1;
            if (!rowPresent(s, r, T_ID, id, T_HEADERS.length)) {
                continue;
            }
            List<TargetLine> ofTarget = lines.getOrDefault(id, List.of());
            TargetLine t = occurrence < ofTarget.size() ? ofTarget.get(occurrence) : null;
            if (t == null) {
                problem(TARGETS, r, T_ID, value(s, r, T_ID), texts.get("excel.cell.noLongerInForm", id));
                continue;
            }
            key(s, r, T_CODE, t.label() != null ? t.label() : t.targetCode());
            key(s, r, T_TEXT, t.text());
            key(s, r, T_INDICATOR, t.indicatorCode());
            key(s, r, T_UNIT, t.unit());
            key(s, r, T_REQUIRED, t.required() ? YES : NO);
            ReportInput.TargetValue change = target(s, r, t);
            if (change != null) {
                changes.add(change);
            }
        }
        extraRows(s, FIRST_ROW + ids.size(), T_HEADERS.length);
        return changes;
    }

    private ReportInput.TargetValue target(Sheet s, int r, TargetLine t) {
        int before = problems.size();
        Value vCell = value(s, r, T_VALUE);
        Value nCell = value(s, r, T_NUMERATOR);
        Value dCell = value(s, r, T_DENOMINATOR);
        Value cCell = value(s, r, T_COMMENT);
        BigDecimal value = null;
        BigDecimal numerator = null;
        BigDecimal denominator = null;
        if (t.ratio()) {
            if (!vCell.blank()) {
                problem(TARGETS, r, T_VALUE, vCell, texts.get("excel.cell.ratioValue"));
            }
            numerator = number(TARGETS, r, T_NUMERATOR, nCell);
            denominator = number(TARGETS, r, T_DENOMINATOR, dCell);
            if (!nCell.blank() && dCell.blank()) {
                problem(TARGETS, r, T_DENOMINATOR, dCell, texts.get("excel.cell.missingDenominator"));
            }
            if (nCell.blank() && !dCell.blank()) {
                problem(TARGETS, r, T_NUMERATOR, nCell, texts.get("excel.cell.missingNumerator"));
            }
            if (numerator != null && numerator.signum() < 0) {
                problem(TARGETS, r, T_NUMERATOR, nCell, texts.get("excel.cell.negative", nCell.display()));
            }
            if (denominator != null && denominator.signum() <= 0) {
                problem(TARGETS, r, T_DENOMINATOR, dCell, texts.get("excel.cell.denominatorPositive", dCell.display()));
            }
        } else {
            if (!nCell.blank()) {
                problem(TARGETS, r, T_NUMERATOR, nCell, texts.get("excel.cell.notRatio"));
            }
            if (!dCell.blank()) {
                problem(TARGETS, r, T_DENOMINATOR, dCell, texts.get("excel.cell.notRatio"));
            }
            if (t.yesNo()) {
                value = yesNo(r, vCell);
            } else {
                value = number(TARGETS, r, T_VALUE, vCell, "excel.cell.notNumber",
                        t.unit() != null && t.unit().strip().startsWith("%"));
            }
        }
        String comment = comment(TARGETS, r, T_COMMENT, cCell);
        if (problems.size() > before) {
            return null;
        }
        boolean same = t.ratio()
                ? same(numerator, t.numerator()) && same(denominator, t.denominator())
                : same(value, t.value());
        same = same && Objects.equals(norm(comment), norm(t.comment()));
        if (same) {
            return null;
        }
        if (!editable || t.locked()) {
            String stored = t.ratio()
                    ? (t.numerator() == null && t.denominator() == null ? "" : fmt(t.numerator()) + " / " + fmt(t.denominator()))
                    : fmt(t.value());
            int col = t.ratio() ? T_NUMERATOR : T_VALUE;
            problem(TARGETS, r, col, value(s, r, col), texts.get(t.locked() ? "excel.cell.locked" : "excel.cell.readOnly",
                    stored));
            return null;
        }
        return new ReportInput.TargetValue(t.targetId(), value, numerator, denominator, emptyToNull(comment), t.split(),
                null);
    }

    private BigDecimal yesNo(int r, Value v) {
        if (v.blank()) {
            return null;
        }
        if (v.number() != null && !v.text()) {
            if (v.number().compareTo(BigDecimal.ONE) == 0 || v.number().signum() == 0) {
                return v.number().signum() == 0 ? BigDecimal.ZERO : BigDecimal.ONE;
            }
        }
        String f = VietText.fold(v.display());
        switch (f) {
            case "co", "dat", "da dat", "da hoan thanh", "hoan thanh", "x", "1", "true", "yes" -> {
                return BigDecimal.ONE;
            }
            case "khong", "chua", "chua dat", "chua hoan thanh", "0", "false", "no" -> {
                return BigDecimal.ZERO;
            }
            default -> {
                problem(TARGETS, r, T_VALUE, v, texts.get("excel.cell.yesNo", v.display()));
                return null;
            }
        }
    }

    // ----- "Nhiệm vụ" -----

    private List<ReportInput.TaskProgress> readTasks() {
        List<ReportInput.TaskProgress> changes = new ArrayList<>();
        Sheet s = sheet(TASKS);
        if (s == null) {
            return changes;
        }
        Map<Long, TaskLine> lines = new LinkedHashMap<>();
        form.tasks().forEach(t -> lines.put(t.taskId(), t));
        List<Long> ids = seal.taskIds();
        checkHeader(s, K_HEADERS);
        for (int i = 0; i < ids.size(); i++) {
            int r = FIRST_ROW + i;
            long id = ids.get(i);
            if (!rowPresent(s, r, K_ID, id, K_HEADERS.length)) {
                continue;
            }
            TaskLine t = lines.get(id);
            if (t == null) {
                problem(TASKS, r, K_ID, value(s, r, K_ID), texts.get("excel.cell.noLongerInForm", id));
                continue;
            }
            key(s, r, K_CODE, t.taskCode());
            key(s, r, K_TITLE, t.title());
            key(s, r, K_TIME, t.timeFrame());
            key(s, r, K_REQUIRED, t.required() ? YES : NO);
            ReportInput.TaskProgress change = task(s, r, t);
            if (change != null) {
                changes.add(change);
            }
        }
        extraRows(s, FIRST_ROW + ids.size(), K_HEADERS.length);
        return changes;
    }

    private ReportInput.TaskProgress task(Sheet s, int r, TaskLine t) {
        int before = problems.size();
        Value sCell = value(s, r, K_STATUS);
        Value pCell = value(s, r, K_PERCENT);
        Value nCell = value(s, r, K_NARRATIVE);
        TaskProgressStatus status = null;
        if (!sCell.blank()) {
            status = TaskStatusLabels.parse(sCell.display()).orElse(null);
            if (status == null) {
                problem(TASKS, r, K_STATUS, sCell, texts.get("excel.cell.status", sCell.display(),
                        String.join(", ", TaskStatusLabels.labels())));
            }
        }
        Integer percent = null;
        if (!pCell.blank()) {
            BigDecimal p = number(TASKS, r, K_PERCENT, pCell, "excel.cell.percent", true);
            if (p != null) {
                if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 || p.stripTrailingZeros().scale() > 0) {
                    problem(TASKS, r, K_PERCENT, pCell, texts.get("excel.cell.percent", pCell.display()));
                } else {
                    percent = p.intValueExact();
                }
            }
        }
        String narrative = comment(TASKS, r, K_NARRATIVE, nCell);
        if (status == null && sCell.blank() && (percent != null || !narrative.isEmpty() || t.status() != null)) {
            problem(TASKS, r, K_STATUS, sCell, texts.get("excel.cell.statusMissing"));
        }
        if (status == TaskProgressStatus.DONE && percent != null && percent != 100) {
            problem(TASKS, r, K_PERCENT, pCell, texts.get("excel.cell.doneNot100", percent));
        }
        if (status == TaskProgressStatus.NOT_STARTED && percent != null && percent != 0) {
            problem(TASKS, r, K_PERCENT, pCell, texts.get("excel.cell.notStartedPercent", percent));
        }
        if (problems.size() > before) {
            return null;
        }
        boolean same = status == t.status() && Objects.equals(percent, t.percentComplete())
                && Objects.equals(norm(narrative), norm(t.narrative()));
        if (same) {
            return null;
        }
        if (!editable || t.locked()) {
            problem(TASKS, r, K_STATUS, sCell, texts.get(t.locked() ? "excel.cell.locked" : "excel.cell.readOnly",
                    TaskStatusLabels.label(t.status())));
            return null;
        }
        if (status == TaskProgressStatus.DONE && percent == null) {
            percent = 100;
        }
        return new ReportInput.TaskProgress(t.taskId(), status, percent, emptyToNull(narrative));
    }

    // ----- shared checks -----

    private Sheet sheet(String name) {
        Sheet s = wb.getSheet(name);
        if (s == null) {
            problems.add(new CellProblem(name, 0, null, null, texts.get("excel.sheet.missing", name)));
        }
        return s;
    }

    private void checkHeader(Sheet s, String[] headers) {
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
    private boolean rowPresent(Sheet s, int r, int idCol, long id, int width) {
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

    private void extraRows(Sheet s, int from, int width) {
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

    private void key(Sheet s, int r, int col, String expected) {
        Value v = value(s, r, col);
        String want = expected == null ? "" : VietText.clean(expected);
        String got = VietText.clean(v.display());
        if (!want.equals(got)) {
            problem(s.getSheetName(), r, col, v, texts.get("excel.cell.keyChanged", abbreviate(want), abbreviate(got)));
        }
    }

    private BigDecimal number(String sheet, int r, int col, Value v) {
        return number(sheet, r, col, v, "excel.cell.notNumber", false);
    }

    /**
     * The number in a cell: a numeric cell as it is; a text cell read with the number grammar ("1.300" is 1300 in
     * Vietnamese, "1.3" is refused with how to write it). {@code percent}: a trailing "%" is allowed. A refused
     * text gets the grammar's message, or {@code messageKey}'s when the field says more (whole percentages).
     */
    private BigDecimal number(String sheet, int r, int col, Value v, String messageKey, boolean percent) {
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

    private String comment(String sheet, int r, int col, Value v) {
        String text = v.blank() ? "" : v.display().strip();
        if (text.length() > MAX_COMMENT) {
            problem(sheet, r, col, v, texts.get("excel.cell.tooLong", text.length(), MAX_COMMENT));
        }
        return text;
    }

    private void problem(String sheet, int r, int col, Value v, String message) {
        String shown = v == null || v.blank() ? null : abbreviate(v.display());
        problems.add(new CellProblem(sheet, r + 1, column(col), shown, message));
    }

    // ----- reading cells -----

    private Value value(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        return value(row == null ? null : row.getCell(c));
    }

    private Value value(Cell c) {
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

    private static boolean same(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return a.compareTo(b) == 0;
    }

    private static String norm(String s) {
        return s == null ? "" : VietText.clean(s);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String fmt(BigDecimal n) {
        return n == null ? "" : grammar.value(n);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }
}
