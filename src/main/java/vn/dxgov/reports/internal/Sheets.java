package vn.dxgov.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A small helper for the report workbooks: a title, a demo note, a header row and typed, wrapped cells. */
final class Sheets implements AutoCloseable {

    final XSSFWorkbook wb = new XSSFWorkbook();
    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle number;
    final CellStyle decimal;
    final CellStyle note;

    Sheets() {
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 13);
        Font red = wb.createFont();
        red.setItalic(true);
        red.setColor(IndexedColors.DARK_RED.getIndex());
        title = wb.createCellStyle();
        title.setFont(big);
        header = bordered();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered();
        number = bordered();
        number.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
        decimal = bordered();
        decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.0"));
        note = wb.createCellStyle();
        note.setFont(red);
    }

    private CellStyle bordered() {
        CellStyle s = wb.createCellStyle();
        s.setWrapText(true);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    /**
     * A sheet with a title in row 1, an optional demo note in row 2, and the header row below; returns the index
     * of the first data row.
     */
    int start(XSSFSheet s, String titleText, boolean demo, String[] headers, int[] widths) {
        Row t = s.createRow(0);
        Cell c = t.createCell(0);
        c.setCellValue(titleText);
        c.setCellStyle(title);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(headers.length - 1, 1)));
        int r = 1;
        if (demo) {
            Cell d = s.createRow(r++).createCell(0);
            d.setCellValue("Số liệu minh họa (dữ liệu mẫu, không phải số liệu thật).");
            d.setCellStyle(note);
        }
        r++;
        Row h = s.createRow(r);
        for (int i = 0; i < headers.length; i++) {
            Cell hc = h.createCell(i);
            hc.setCellValue(headers[i]);
            hc.setCellStyle(header);
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.createFreezePane(0, r + 1);
        return r + 1;
    }

    void put(Row row, int col, Object value) {
        Cell c = row.createCell(col);
        if (value == null) {
            c.setCellStyle(text);
        } else if (value instanceof BigDecimal d) {
            c.setCellValue(d.doubleValue());
            c.setCellStyle(decimal);
        } else if (value instanceof Number n) {
            c.setCellValue(n.doubleValue());
            c.setCellStyle(number);
        } else {
            c.setCellValue(value.toString());
            c.setCellStyle(text);
        }
    }

    byte[] bytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            wb.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
