package vn.dxgov.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import vn.dxgov.reports.AnnualReport;
import vn.dxgov.reports.AnnualReport.AgencyRow;
import vn.dxgov.reports.AnnualReport.Count;
import vn.dxgov.reports.AnnualReport.TargetRow;
import vn.dxgov.reports.AnnualReport.TaskRow;

/**
 * The annual report as .docx in the layout of Nghị định 30/2020/NĐ-CP: A4, margins top 20 mm, bottom 20 mm, left
 * 30 mm, right 15 mm; Times New Roman, body 14 pt, tables 12 pt; the issuing body left and the national motto right
 * at the top, number and place-date below them, the title centred, "Nơi nhận" left and the signature block right
 * at the end.
 */
final class AnnualDocx {

    static final String FONT = "Times New Roman";
    /** twips per millimetre */
    private static final double MM = 56.6929;
    /** A4 text width in twips: 210 mm − 30 − 15 */
    private static final int TEXT_WIDTH = (int) Math.round(165 * MM);

    private final XWPFDocument doc = new XWPFDocument();

    private AnnualDocx() {
    }

    static byte[] render(AnnualReport r) {
        AnnualDocx d = new AnnualDocx();
        try (XWPFDocument doc = d.doc) {
            d.page();
            d.header(r);
            d.body(r);
            d.closing(r);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void page() {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(Math.round(20 * MM)));
        mar.setBottom(BigInteger.valueOf(Math.round(20 * MM)));
        mar.setLeft(BigInteger.valueOf(Math.round(30 * MM)));
        mar.setRight(BigInteger.valueOf(Math.round(15 * MM)));
        mar.setHeader(BigInteger.valueOf(Math.round(10 * MM)));
        mar.setFooter(BigInteger.valueOf(Math.round(10 * MM)));
    }

    private void header(AnnualReport r) {
        AnnualReport.Header h = r.header();
        XWPFTable t = borderless(2, 2, new int[]{45, 55});
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        text(first(left), h.authority(), false, false, 12, ParagraphAlignment.CENTER);
        text(left.addParagraph(), h.issuer(), true, false, 12, ParagraphAlignment.CENTER);
        rule(left.addParagraph(), 24);
        text(first(right), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, 12, ParagraphAlignment.CENTER);
        text(right.addParagraph(), "Độc lập - Tự do - Hạnh phúc", true, false, 13, ParagraphAlignment.CENTER);
        rule(right.addParagraph(), 16);
        text(first(t.getRow(1).getCell(0)), h.numberLine(), false, false, 13, ParagraphAlignment.CENTER);
        text(first(t.getRow(1).getCell(1)), h.placeDate(), false, true, 14, ParagraphAlignment.CENTER);

        XWPFParagraph gap = doc.createParagraph();
        gap.setSpacingAfter(0);
        XWPFParagraph title = doc.createParagraph();
        text(title, h.title(), true, false, 14, ParagraphAlignment.CENTER);
        title.setSpacingBefore(240);
        title.setSpacingAfter(0);
        XWPFParagraph sub = doc.createParagraph();
        text(sub, h.subtitle(), true, false, 14, ParagraphAlignment.CENTER);
        sub.setSpacingAfter(0);
        rule(doc.createParagraph(), 62);
        if (r.demo()) {
            XWPFParagraph demo = doc.createParagraph();
            XWPFRun run = text(demo, "Số liệu minh họa: báo cáo được lập từ dữ liệu mẫu, không phải số liệu thật.",
                    false, true, 12, ParagraphAlignment.CENTER);
            run.setColor("C00000");
        }
    }

    private void body(AnnualReport r) {
        AnnualReport.Summary s = r.summary();
        paragraph(r.header().intro());

        heading("I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ");
        paragraph("Năm " + r.year() + " có " + s.agencies() + " cơ quan, đơn vị phải báo cáo. Trong số " + s.reportsDue()
                + " báo cáo đã đến hạn: " + s.reportsOnTime() + " báo cáo gửi đúng hạn, " + s.reportsLate()
                + " báo cáo gửi muộn, " + s.reportsMissing() + " báo cáo chưa gửi"
                + (s.reportsNotYetDue() > 0 ? "; " + s.reportsNotYetDue() + " báo cáo chưa đến hạn." : "."));

        heading("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
        StringBuilder sb = new StringBuilder("Tổng số " + s.targets() + " chỉ tiêu (đánh giá đến "
                + Labels.dayInWords(r.asOf()) + "): ");
        sb.append(counts(s.targetsByStatus())).append('.');
        paragraph(sb.toString());
        targetTable(r.targets());

        heading("III. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ");
        paragraph("Có " + s.tasks() + " nhiệm vụ triển khai trong năm " + r.year() + ": " + counts(r.tasksByStatus()) + ".");
        countTable(r.tasksByStatus(), "Tình trạng nhiệm vụ", "Số nhiệm vụ");
        if (!r.tasksBehind().isEmpty()) {
            paragraph("Các nhiệm vụ chậm tiến độ, dừng hoặc quá hạn:");
            taskTable(r.tasksBehind());
        }

        heading("IV. CƠ QUAN, ĐƠN VỊ BÁO CÁO MUỘN HOẶC CHƯA BÁO CÁO");
        if (r.lateAgencies().isEmpty()) {
            paragraph("Tất cả các cơ quan, đơn vị đã gửi báo cáo đúng hạn.");
        } else {
            agencyTable(r.lateAgencies());
        }

        heading("V. ĐỀ XUẤT, KIẾN NGHỊ");
        paragraph("Đề nghị các cơ quan, đơn vị có chỉ tiêu chậm tiến độ, có nguy cơ không đạt và các nhiệm vụ chậm "
                + "tiến độ tập trung chỉ đạo, có giải pháp khắc phục; các cơ quan, đơn vị báo cáo muộn hoặc chưa báo "
                + "cáo thực hiện nghiêm chế độ báo cáo định kỳ.");
    }

    static String counts(List<Count> counts) {
        StringBuilder sb = new StringBuilder();
        for (Count c : counts) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(c.label().toLowerCase(vn.dxgov.shared.VietText.VI)).append(' ').append(c.count());
        }
        return sb.toString();
    }

    private void targetTable(List<TargetRow> rows) {
        String[] head = {"STT", "Chỉ tiêu", "Kết quả hiện tại", "Mục tiêu", "Thời hạn", "Tình trạng"};
        int[] widths = {7, 39, 16, 14, 9, 15};
        XWPFTable t = grid(rows.size() + 1, head.length, widths);
        headerRow(t.getRow(0), head);
        for (int i = 0; i < rows.size(); i++) {
            TargetRow r = rows.get(i);
            String[] cells = {String.valueOf(r.no()), (r.code() == null ? "" : r.code() + ". ") + r.text(), r.current(),
                    r.target(), r.deadlineYear() == null ? "" : String.valueOf(r.deadlineYear()), r.statusLabel()};
            row(t.getRow(i + 1), cells, new boolean[]{true, false, true, true, true, true});
        }
    }

    private void countTable(List<Count> counts, String what, String number) {
        XWPFTable t = grid(counts.size() + 1, 2, new int[]{70, 30});
        headerRow(t.getRow(0), new String[]{what, number});
        for (int i = 0; i < counts.size(); i++) {
            row(t.getRow(i + 1), new String[]{counts.get(i).label(), String.valueOf(counts.get(i).count())},
                    new boolean[]{false, true});
        }
    }

    private void taskTable(List<TaskRow> rows) {
        String[] head = {"Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian", "Tình trạng", "%"};
        XWPFTable t = grid(rows.size() + 1, head.length, new int[]{9, 38, 20, 11, 14, 8});
        headerRow(t.getRow(0), head);
        for (int i = 0; i < rows.size(); i++) {
            TaskRow r = rows.get(i);
            row(t.getRow(i + 1), new String[]{r.code(), r.title(), r.leadAgencies(), r.timeFrame(), r.statusLabel(),
                    r.percentComplete() == null ? "" : r.percentComplete() + "%"},
                    new boolean[]{true, false, false, true, true, true});
        }
    }

    private void agencyTable(List<AgencyRow> rows) {
        String[] head = {"STT", "Cơ quan, đơn vị", "Kỳ báo cáo", "Hạn gửi", "Ngày gửi", "Ghi chú"};
        XWPFTable t = grid(rows.size() + 1, head.length, new int[]{7, 37, 14, 13, 13, 16});
        headerRow(t.getRow(0), head);
        for (int i = 0; i < rows.size(); i++) {
            AgencyRow r = rows.get(i);
            row(t.getRow(i + 1), new String[]{String.valueOf(i + 1), r.agencyName(), r.period(), Labels.day(r.dueOn()),
                    r.submittedOn() == null ? "" : Labels.day(r.submittedOn()), r.statusLabel()},
                    new boolean[]{true, false, true, true, true, false});
        }
    }

    private void closing(AnnualReport r) {
        doc.createParagraph();
        XWPFTable t = borderless(1, 2, new int[]{50, 50});
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        text(first(left), "Nơi nhận:", true, true, 12, ParagraphAlignment.LEFT);
        for (String line : r.header().recipients()) {
            XWPFParagraph p = left.addParagraph();
            text(p, "- " + line, false, false, 11, ParagraphAlignment.LEFT);
            p.setSpacingAfter(0);
        }
        text(first(right), r.header().signing(), true, false, 14, ParagraphAlignment.CENTER);
        text(right.addParagraph(), r.header().signerTitle(), true, false, 14, ParagraphAlignment.CENTER);
        for (int i = 0; i < 5; i++) {
            right.addParagraph(); // the signature space
        }
    }

    // ----- helpers -----

    private void heading(String s) {
        XWPFParagraph p = doc.createParagraph();
        text(p, s, true, false, 14, ParagraphAlignment.BOTH);
        p.setSpacingBefore(120);
        p.setSpacingAfter(60);
        p.setKeepNext(true);
    }

    private void paragraph(String s) {
        XWPFParagraph p = doc.createParagraph();
        text(p, s, false, false, 14, ParagraphAlignment.BOTH);
        p.setIndentationFirstLine((int) Math.round(10 * MM));
        p.setSpacingAfter(120);
    }

    private static XWPFParagraph first(XWPFTableCell cell) {
        return cell.getParagraphs().get(0);
    }

    static XWPFRun text(XWPFParagraph p, String s, boolean bold, boolean italic, int size, ParagraphAlignment align) {
        p.setAlignment(align);
        p.setSpacingAfter(0);
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(s == null ? "" : s);
        return run;
    }

    /** A short centred line under a heading: the top border of an empty paragraph between indents (mm). */
    private static void rule(XWPFParagraph p, int indentMm) {
        int indent = (int) Math.round(indentMm * MM);
        p.setBorderTop(Borders.SINGLE);
        p.setSpacingBefore(40);
        p.setIndentationLeft(indent);
        p.setIndentationRight(indent);
        p.setSpacingAfter(120);
        XWPFRun run = p.createRun();
        run.setFontSize(2);
    }

    private XWPFTable borderless(int rows, int cols, int[] percents) {
        XWPFTable t = doc.createTable(rows, cols);
        t.removeBorders();
        widths(t, percents);
        return t;
    }

    private XWPFTable grid(int rows, int cols, int[] percents) {
        XWPFTable t = doc.createTable(rows, cols);
        widths(t, percents);
        t.setTableAlignment(TableRowAlign.CENTER);
        XWPFTableRow head = t.getRow(0);
        head.setRepeatHeader(true);
        return t;
    }

    private static void widths(XWPFTable t, int[] percents) {
        CTTblWidth w = t.getCTTbl().getTblPr().isSetTblW() ? t.getCTTbl().getTblPr().getTblW()
                : t.getCTTbl().getTblPr().addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(TEXT_WIDTH));
        for (XWPFTableRow row : t.getRows()) {
            for (int c = 0; c < percents.length; c++) {
                row.getCell(c).setWidth(String.valueOf(TEXT_WIDTH * percents[c] / 100));
            }
        }
    }

    private static void headerRow(XWPFTableRow row, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            text(first(row.getCell(c)), cells[c], true, false, 12, ParagraphAlignment.CENTER);
        }
    }

    private static void row(XWPFTableRow row, String[] cells, boolean[] centred) {
        row.setCantSplitRow(true);
        for (int c = 0; c < cells.length; c++) {
            text(first(row.getCell(c)), cells[c], false, false, 12,
                    centred[c] ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        }
    }
}
