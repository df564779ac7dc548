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
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.ReportForm.TargetLine;
import vn.dxgov.reporting.ReportForm.TaskLine;
import vn.dxgov.reporting.ReportInput;
import vn.dxgov.reporting.TaskProgressStatus;
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

    private final ReportForm form;
    private final FormSeal seal;
    private final boolean editable;
    private final Texts texts;
    private final FormCells cells;

    private FormWorkbookReader(Workbook wb, ReportForm form, FormSeal seal, boolean editable, Texts texts) {
        this.form = form;
        this.seal = seal;
        this.editable = editable;
        this.texts = texts;
        this.cells = new FormCells(wb, texts);
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
        return new Result(List.copyOf(cells.problems()), input, targetChanges.size(), taskChanges.size(), narrativeChanged);
    }

    // ----- "Thông tin" -----

    private String readNarrative() {
        Sheet s = cells.sheet(INFO);
        if (s == null) {
            return null;
        }
        FormCells.Value v = cells.value(s, INFO_NARRATIVE_ROW, 1);
        String text = v.blank() ? "" : v.display().strip();
        if (text.length() > MAX_COMMENT * 4) {
            cells.problem(INFO, INFO_NARRATIVE_ROW, 1, v, texts.get("excel.cell.tooLong", text.length(), MAX_COMMENT * 4));
        }
        if (!editable && !Objects.equals(norm(text), norm(form.submission().narrative()))) {
            cells.problem(INFO, INFO_NARRATIVE_ROW, 1, v, texts.get("excel.cell.readOnly"));
        }
        return text;
    }

    // ----- "Chỉ tiêu" -----

    private List<ReportInput.TargetValue> readTargets() {
        List<ReportInput.TargetValue> changes = new ArrayList<>();
        Sheet s = cells.sheet(TARGETS);
        if (s == null) {
            return changes;
        }
        // a target has several rows when it is a compound count ("06 huyện và 300 xã"): the n-th row of a target id
        // is the target's n-th line
        Map<Long, List<TargetLine>> lines = new LinkedHashMap<>();
        form.targets().forEach(t -> lines.computeIfAbsent(t.targetId(), k -> new ArrayList<>()).add(t));
        Map<Long, Integer> seen = new java.util.HashMap<>();
        List<Long> ids = seal.targetIds();
        cells.checkHeader(s, T_HEADERS);
        for (int i = 0; i < ids.size(); i++) {
            int r = FIRST_ROW + i;
            long id = ids.get(i);
            int occurrence = seen.merge(id, 1, Integer::sum) - 1;
            if (!cells.rowPresent(s, r, T_ID, id, T_HEADERS.length)) {
                continue;
            }
            List<TargetLine> ofTarget = lines.getOrDefault(id, List.of());
            TargetLine t = occurrence < ofTarget.size() ? ofTarget.get(occurrence) : null;
            if (t == null) {
                cells.problem(TARGETS, r, T_ID, cells.value(s, r, T_ID), texts.get("excel.cell.noLongerInForm", id));
                continue;
            }
            cells.key(s, r, T_CODE, t.label() != null ? t.label() : t.targetCode());
            cells.key(s, r, T_TEXT, t.text());
            cells.key(s, r, T_INDICATOR, t.indicatorCode());
            cells.key(s, r, T_UNIT, t.unit());
            cells.key(s, r, T_REQUIRED, t.required() ? YES : NO);
            ReportInput.TargetValue change = target(s, r, t);
            if (change != null) {
                changes.add(change);
            }
        }
        cells.extraRows(s, FIRST_ROW + ids.size(), T_HEADERS.length);
        return changes;
    }

    private ReportInput.TargetValue target(Sheet s, int r, TargetLine t) {
        int before = cells.problems().size();
        FormCells.Value vCell = cells.value(s, r, T_VALUE);
        FormCells.Value nCell = cells.value(s, r, T_NUMERATOR);
        FormCells.Value dCell = cells.value(s, r, T_DENOMINATOR);
        FormCells.Value cCell = cells.value(s, r, T_COMMENT);
        BigDecimal[] figures = t.ratio() ? ratioCells(r, vCell, nCell, dCell) : valueCell(r, t, vCell, nCell, dCell);
        BigDecimal value = figures[0];
        BigDecimal numerator = figures[1];
        BigDecimal denominator = figures[2];
        String comment = cells.comment(TARGETS, r, T_COMMENT, cCell);
        if (cells.problems().size() > before) {
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
                    ? (t.numerator() == null && t.denominator() == null ? ""
                            : cells.fmt(t.numerator()) + " / " + cells.fmt(t.denominator()))
                    : cells.fmt(t.value());
            int col = t.ratio() ? T_NUMERATOR : T_VALUE;
            cells.problem(TARGETS, r, col, cells.value(s, r, col),
                    texts.get(t.locked() ? "excel.cell.locked" : "excel.cell.readOnly", stored));
            return null;
        }
        return new ReportInput.TargetValue(t.targetId(), value, numerator, denominator, emptyToNull(comment), t.split(),
                null);
    }

    /** A ratio line: numerator and denominator, both or neither, no value; {value, numerator, denominator}. */
    private BigDecimal[] ratioCells(int r, FormCells.Value vCell, FormCells.Value nCell, FormCells.Value dCell) {
        if (!vCell.blank()) {
            cells.problem(TARGETS, r, T_VALUE, vCell, texts.get("excel.cell.ratioValue"));
        }
        BigDecimal numerator = cells.number(TARGETS, r, T_NUMERATOR, nCell);
        BigDecimal denominator = cells.number(TARGETS, r, T_DENOMINATOR, dCell);
        if (!nCell.blank() && dCell.blank()) {
            cells.problem(TARGETS, r, T_DENOMINATOR, dCell, texts.get("excel.cell.missingDenominator"));
        }
        if (nCell.blank() && !dCell.blank()) {
            cells.problem(TARGETS, r, T_NUMERATOR, nCell, texts.get("excel.cell.missingNumerator"));
        }
        if (numerator != null && numerator.signum() < 0) {
            cells.problem(TARGETS, r, T_NUMERATOR, nCell, texts.get("excel.cell.negative", nCell.display()));
        }
        if (denominator != null && denominator.signum() <= 0) {
            cells.problem(TARGETS, r, T_DENOMINATOR, dCell, texts.get("excel.cell.denominatorPositive", dCell.display()));
        }
        return new BigDecimal[] {null, numerator, denominator};
    }

    /** A line with one value (a number, or yes/no), no numerator or denominator; {value, null, null}. */
    private BigDecimal[] valueCell(int r, TargetLine t, FormCells.Value vCell, FormCells.Value nCell,
                                   FormCells.Value dCell) {
        if (!nCell.blank()) {
            cells.problem(TARGETS, r, T_NUMERATOR, nCell, texts.get("excel.cell.notRatio"));
        }
        if (!dCell.blank()) {
            cells.problem(TARGETS, r, T_DENOMINATOR, dCell, texts.get("excel.cell.notRatio"));
        }
        BigDecimal value = t.yesNo() ? yesNo(r, vCell) : cells.number(TARGETS, r, T_VALUE, vCell, "excel.cell.notNumber",
                t.unit() != null && t.unit().strip().startsWith("%"));
        return new BigDecimal[] {value, null, null};
    }

    private BigDecimal yesNo(int r, FormCells.Value v) {
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
                cells.problem(TARGETS, r, T_VALUE, v, texts.get("excel.cell.yesNo", v.display()));
                return null;
            }
        }
    }

    // ----- "Nhiệm vụ" -----

    private List<ReportInput.TaskProgress> readTasks() {
        List<ReportInput.TaskProgress> changes = new ArrayList<>();
        Sheet s = cells.sheet(TASKS);
        if (s == null) {
            return changes;
        }
        Map<Long, TaskLine> lines = new LinkedHashMap<>();
        form.tasks().forEach(t -> lines.put(t.taskId(), t));
        List<Long> ids = seal.taskIds();
        cells.checkHeader(s, K_HEADERS);
        for (int i = 0; i < ids.size(); i++) {
            int r = FIRST_ROW + i;
            long id = ids.get(i);
            if (!cells.rowPresent(s, r, K_ID, id, K_HEADERS.length)) {
                continue;
            }
            TaskLine t = lines.get(id);
            if (t == null) {
                cells.problem(TASKS, r, K_ID, cells.value(s, r, K_ID), texts.get("excel.cell.noLongerInForm", id));
                continue;
            }
            cells.key(s, r, K_CODE, t.taskCode());
            cells.key(s, r, K_TITLE, t.title());
            cells.key(s, r, K_TIME, t.timeFrame());
            cells.key(s, r, K_REQUIRED, t.required() ? YES : NO);
            ReportInput.TaskProgress change = task(s, r, t);
            if (change != null) {
                changes.add(change);
            }
        }
        cells.extraRows(s, FIRST_ROW + ids.size(), K_HEADERS.length);
        return changes;
    }

    private ReportInput.TaskProgress task(Sheet s, int r, TaskLine t) {
        int before = cells.problems().size();
        FormCells.Value sCell = cells.value(s, r, K_STATUS);
        FormCells.Value pCell = cells.value(s, r, K_PERCENT);
        FormCells.Value nCell = cells.value(s, r, K_NARRATIVE);
        TaskProgressStatus status = null;
        if (!sCell.blank()) {
            status = TaskStatusLabels.parse(sCell.display()).orElse(null);
            if (status == null) {
                cells.problem(TASKS, r, K_STATUS, sCell, texts.get("excel.cell.status", sCell.display(),
                        String.join(", ", TaskStatusLabels.labels())));
            }
        }
        Integer percent = null;
        if (!pCell.blank()) {
            BigDecimal p = cells.number(TASKS, r, K_PERCENT, pCell, "excel.cell.percent", true);
            if (p != null) {
                if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 || p.stripTrailingZeros().scale() > 0) {
                    cells.problem(TASKS, r, K_PERCENT, pCell, texts.get("excel.cell.percent", pCell.display()));
                } else {
                    percent = p.intValueExact();
                }
            }
        }
        String narrative = cells.comment(TASKS, r, K_NARRATIVE, nCell);
        if (status == null && sCell.blank() && (percent != null || !narrative.isEmpty() || t.status() != null)) {
            cells.problem(TASKS, r, K_STATUS, sCell, texts.get("excel.cell.statusMissing"));
        }
        if (status == TaskProgressStatus.DONE && percent != null && percent != 100) {
            cells.problem(TASKS, r, K_PERCENT, pCell, texts.get("excel.cell.doneNot100", percent));
        }
        if (status == TaskProgressStatus.NOT_STARTED && percent != null && percent != 0) {
            cells.problem(TASKS, r, K_PERCENT, pCell, texts.get("excel.cell.notStartedPercent", percent));
        }
        if (cells.problems().size() > before) {
            return null;
        }
        boolean same = status == t.status() && Objects.equals(percent, t.percentComplete())
                && Objects.equals(norm(narrative), norm(t.narrative()));
        if (same) {
            return null;
        }
        if (!editable || t.locked()) {
            cells.problem(TASKS, r, K_STATUS, sCell, texts.get(t.locked() ? "excel.cell.locked" : "excel.cell.readOnly",
                    TaskStatusLabels.label(t.status())));
            return null;
        }
        if (status == TaskProgressStatus.DONE && percent == null) {
            percent = 100;
        }
        return new ReportInput.TaskProgress(t.taskId(), status, percent, emptyToNull(narrative));
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



}
