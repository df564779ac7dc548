package vn.dxgov.opendata.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.opendata.Dataset;
import vn.dxgov.opendata.DatasetTable;
import vn.dxgov.opendata.DatasetTable.Column;
import vn.dxgov.opendata.DatasetTable.Type;
import vn.dxgov.shared.Csv;
import vn.dxgov.shared.Numbers;

/**
 * Writes a dataset's files, streamed to the answer: CSV (through {@link Csv}: UTF-8 with a byte-order mark, RFC 4180,
 * numbers in the machine form "1250300.5", machine column names), JSON (the dataset's metadata, the columns and one
 * object per row, numbers as JSON numbers) and XLSX (real numeric cells shown the Vietnamese way by Excel's regional
 * settings, a header row of Vietnamese labels, and a second sheet "Thông tin" with the licence, source and last
 * update). The XLSX is the file for Excel with Vietnamese regional settings: such an Excel reads "12.5" in a CSV as
 * 125.
 */
@Component
class DatasetFiles {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    /** The most decimals an XLSX column shows. */
    static final int MAX_DECIMALS = 6;

    private final ObjectMapper json;
    private final OpenDataSettings settings;

    DatasetFiles(ObjectMapper json, OpenDataSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    void write(FileFormat format, DatasetTable table, String landingPage, OutputStream out) throws IOException {
        switch (format) {
            case CSV -> Csv.write(out, table.columns().stream().map(Column::name).toList(), table.rows());
            case JSON -> json(table, landingPage, out);
            case XLSX -> xlsx(table, landingPage, out);
        }
        out.flush();
    }

    private void json(DatasetTable table, String landingPage, OutputStream out) {
        Dataset d = table.dataset();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("id", d.id());
            g.writeStringProperty("title", d.titleVi());
            g.writeStringProperty("title_en", d.titleEn());
            g.writeStringProperty("description", d.descriptionVi());
            g.writeStringProperty("description_en", d.descriptionEn());
            g.writeStringProperty("province_code", d.provinceCode());
            g.writeStringProperty("province", d.provinceName());
            g.writeStringProperty("licence", settings.licenceName());
            g.writeStringProperty("licence_url", settings.licenceUrl());
            g.writeStringProperty("source", landingPage);
            g.writeStringProperty("modified", d.modified() == null ? null : d.modified().toString());
            g.writeBooleanProperty("demo", d.demo());
            g.writeName("columns");
            g.writeStartArray();
            for (Column c : table.columns()) {
                g.writeStartObject();
                g.writeStringProperty("name", c.name());
                g.writeStringProperty("label", c.labelVi());
                g.writeStringProperty("label_en", c.labelEn());
                g.writeStringProperty("type", c.type().name().toLowerCase(java.util.Locale.ROOT));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("rows");
            g.writeStartArray();
            for (List<Object> row : table.rows()) {
                g.writeStartObject();
                for (int i = 0; i < table.columns().size(); i++) {
                    g.writeName(table.columns().get(i).name());
                    cell(g, row.get(i));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void cell(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(Numbers.machine(d));
        } else if (v instanceof Integer n) {
            g.writeNumber(n);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    private void xlsx(DatasetTable table, String landingPage, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            List<Column> columns = table.columns();
            CellStyle[] styles = new CellStyle[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                styles[i] = numberStyle(wb, columns.get(i), decimals(table, i));
            }
            SXSSFSheet sheet = wb.createSheet("Dữ liệu");
            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                head.createCell(i).setCellValue(columns.get(i).labelVi());
                head.getCell(i).setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> row : table.rows()) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    xlsxCell(x, i, row.get(i), styles[i]);
                }
            }
            // widths from the labels and types: POI's autoSizeColumn measures every cell with AWT fonts (seconds)
            for (int i = 0; i < columns.size(); i++) {
                int chars = columns.get(i).type() == Type.TEXT ? 40 : 12;
                sheet.setColumnWidth(i, Math.max(chars, Math.min(60, columns.get(i).labelVi().length() + 2)) * 256);
            }
            about(wb.createSheet("Thông tin"), table.dataset(), landingPage, header);
            wb.write(out);
        } finally {
            wb.close();
        }
    }

    /** A column's cell style: numbers grouped with the column's decimals (Excel shows them in its regional way). */
    private static CellStyle numberStyle(SXSSFWorkbook wb, Column c, int decimals) {
        if (c.type() != Type.NUMBER && c.type() != Type.INTEGER) {
            return null;
        }
        CellStyle s = wb.createCellStyle();
        // years, ranks: never grouped ("2025", not "2.025")
        String pattern = c.type() == Type.INTEGER ? "0" : decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
        s.setDataFormat(wb.createDataFormat().getFormat(pattern));
        return s;
    }

    /** The most decimals a NUMBER column's values have (trailing zeros dropped), at most {@link #MAX_DECIMALS}. */
    private static int decimals(DatasetTable table, int column) {
        int most = 0;
        for (List<Object> row : table.rows()) {
            if (row.get(column) instanceof BigDecimal d) {
                most = Math.max(most, Math.max(0, d.stripTrailingZeros().scale()));
            }
        }
        return Math.min(most, MAX_DECIMALS);
    }

    private static void xlsxCell(Row row, int i, Object v, CellStyle style) {
        if (v == null) {
            return;
        }
        var cell = row.createCell(i);
        if (v instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (v instanceof Integer n) {
            cell.setCellValue(n);
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            // a text cell is never a formula in POI; guarded all the same for whoever copies it into a CSV
            cell.setCellValue(Csv.guard(v.toString()));
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** The sheet "Thông tin": what the dataset is, its licence, where it comes from, when it was last updated. */
    private void about(Sheet sheet, Dataset d, String landingPage, CellStyle bold) {
        String[][] lines = {
                {"Bộ dữ liệu / Dataset", d.titleVi()},
                {"Mã / Identifier", d.id()},
                {"Mô tả / Description", d.descriptionVi()},
                {"Giấy phép / Licence", settings.licenceName() + " " + settings.licenceUrl()},
                {"Nguồn / Source", landingPage},
                {"Cập nhật lần cuối / Last updated", d.modified() == null ? "" : WHEN.format(d.modified())},
                {"Dữ liệu minh họa / Demo data", d.demo()
                        ? "Có: các dòng có cột \"Minh họa\" = TRUE là dữ liệu minh họa, không phải số liệu thật"
                        : "Không"},
        };
        for (int i = 0; i < lines.length; i++) {
            Row r = sheet.createRow(i);
            r.createCell(0).setCellValue(lines[i][0]);
            r.getCell(0).setCellStyle(bold);
            r.createCell(1).setCellValue(lines[i][1]);
        }
        sheet.setColumnWidth(0, 36 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }
}
