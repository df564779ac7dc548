package vn.dxgov.reporting.excel;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.formula.FormulaParseException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.dxgov.reporting.ReportForm;
import vn.dxgov.reporting.SubmissionStatus;

/**
 * The Excel report upload reader on what a person may type into a downloaded form (Jazzer): any text, number,
 * formula, boolean or blank in any cell of any sheet, rows and sheets removed, the workbook saved and read back as an
 * upload is. {@link FormWorkbookReader} must answer a result (changes, or problems named by sheet, row and column),
 * never throw. Raw bytes that are not a workbook must be refused by POI with an exception the upload turns into "not
 * a workbook" (IOException or a RuntimeException), never an Error such as running out of memory.
 */
class FormWorkbookFuzzTest {

    private static final ReportForm FORM = FormWorkbookTest.form(SubmissionStatus.DRAFT, true);
    private static final byte[] DOWNLOADED = FormWorkbookTest.download(FORM);

    @FuzzTest(maxDuration = "30s")
    void anEditedFormIsReadIntoChangesOrCellProblems(FuzzedDataProvider data) throws IOException {
        if (data.consumeBoolean()) {
            rawBytes(data.consumeRemainingAsBytes());
            return;
        }
        byte[] edited;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(DOWNLOADED))) {
            int edits = data.consumeInt(1, 30);
            for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
                edit(wb, data);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(edited))) {
            if (FormWorkbookReader.identity(wb).isEmpty()) {
                return; // the upload says "not a dxgov form"
            }
            FormWorkbookReader.Result result = FormWorkbookReader.read(wb, FORM, ExcelForms.seal(FORM), true,
                    FormWorkbookTest.texts());
            assertThat(result.problems()).isNotNull();
        }
    }

    private static void edit(Workbook wb, FuzzedDataProvider data) {
        Sheet sheet = wb.getSheetAt(data.consumeInt(0, wb.getNumberOfSheets() - 1));
        int what = data.consumeInt(0, 9);
        if (what == 9 && wb.getNumberOfSheets() > 1 && data.consumeBoolean()) {
            wb.removeSheetAt(wb.getSheetIndex(sheet));
            return;
        }
        int r = data.consumeInt(0, 40);
        if (what == 8) {
            Row row = sheet.getRow(r);
            if (row != null) {
                sheet.removeRow(row);
            }
            return;
        }
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.getCell(data.consumeInt(0, 12), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
        switch (what) {
            case 0, 1, 2 -> cell.setCellValue(data.consumeString(200));
            case 3 -> cell.setCellValue(data.consumeRegularDouble());
            case 4 -> cell.setCellValue(data.consumeDouble());
            case 5 -> cell.setCellValue(data.consumeBoolean());
            case 6 -> {
                try {
                    cell.setCellFormula(data.consumeString(40));
                } catch (FormulaParseException | IllegalArgumentException | IllegalStateException notAFormula) {
                    cell.setBlank();
                }
            }
            default -> cell.setBlank();
        }
    }

    private static void rawBytes(byte[] bytes) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            FormWorkbookReader.identity(wb);
        } catch (IOException | RuntimeException refusedAsNotAWorkbook) {
            // ExcelForms.open answers "excel.notWorkbook" for both
        }
    }
}
