package vn.dxgov.reports.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import vn.dxgov.reports.AnnualReport;
import vn.dxgov.reports.AnnualReport.AgencyRow;
import vn.dxgov.reports.AnnualReport.Count;
import vn.dxgov.reports.AnnualReport.TargetRow;
import vn.dxgov.reports.AnnualReport.TaskRow;

/**
 * The annual report as PDF, in the same layout as the .docx (Nghị định 30/2020/NĐ-CP): A4, margins 20-30-20-15 mm,
 * a Times New Roman–compatible serif with Vietnamese glyphs embedded (Liberation Serif).
 */
final class AnnualPdf {

    private static final float MM = 72f / 25.4f;

    private final PdfFonts fonts = PdfFonts.get();

    private AnnualPdf() {
    }

    static byte[] render(AnnualReport r) {
        return new AnnualPdf().write(r);
    }

    private Font font(int size, int style) {
        return switch (style) {
            case Font.BOLD -> new Font(fonts.bold, size);
            case Font.ITALIC -> new Font(fonts.italic, size);
            case Font.BOLDITALIC -> new Font(fonts.boldItalic, size);
            default -> new Font(fonts.regular, size);
        };
    }

    private byte[] write(AnnualReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(r.header().title() + " " + r.header().subtitle());
        doc.addAuthor(r.header().issuer());
        doc.open();
        header(doc, r);
        body(doc, r);
        closing(doc, r);
        doc.close();
        writer.close();
        return out.toByteArray();
    }

    private void header(Document doc, AnnualReport r) {
        AnnualReport.Header h = r.header();
        PdfPTable t = new PdfPTable(new float[]{45, 55});
        t.setWidthPercentage(100);
        PdfPCell left = plain();
        left.addElement(centred(h.authority(), font(12, Font.NORMAL)));
        left.addElement(centred(h.issuer(), font(12, Font.BOLD)));
        left.addElement(rule(35));
        PdfPCell right = plain();
        right.addElement(centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font(12, Font.BOLD)));
        right.addElement(centred("Độc lập - Tự do - Hạnh phúc", font(13, Font.BOLD)));
        right.addElement(rule(62));
        t.addCell(left);
        t.addCell(right);
        PdfPCell number = plain();
        number.addElement(centred(h.numberLine(), font(13, Font.NORMAL)));
        PdfPCell date = plain();
        date.addElement(centred(h.placeDate(), font(14, Font.ITALIC)));
        t.addCell(number);
        t.addCell(date);
        doc.add(t);

        Paragraph title = centred(h.title(), font(14, Font.BOLD));
        title.setSpacingBefore(14);
        doc.add(title);
        doc.add(centred(h.subtitle(), font(14, Font.BOLD)));
        doc.add(rule(25));
        if (r.demo()) {
            Font red = font(12, Font.ITALIC);
            red.setColor(new Color(0xC0, 0, 0));
            doc.add(centred("Số liệu minh họa: báo cáo được lập từ dữ liệu mẫu, không phải số liệu thật.", red));
        }
    }

    private void body(Document doc, AnnualReport r) {
        AnnualReport.Summary s = r.summary();
        doc.add(paragraph(r.header().intro()));
        doc.add(heading("I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ"));
        doc.add(paragraph("Năm " + r.year() + " có " + s.agencies() + " cơ quan, đơn vị phải báo cáo. Trong số "
                + s.reportsDue() + " báo cáo đã đến hạn: " + s.reportsOnTime() + " báo cáo gửi đúng hạn, "
                + s.reportsLate() + " báo cáo gửi muộn, " + s.reportsMissing() + " báo cáo chưa gửi"
                + (s.reportsNotYetDue() > 0 ? "; " + s.reportsNotYetDue() + " báo cáo chưa đến hạn." : ".")));

        doc.add(heading("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"));
        doc.add(paragraph("Tổng số " + s.targets() + " chỉ tiêu (đánh giá đến " + Labels.dayInWords(r.asOf()) + "): "
                + AnnualDocx.counts(s.targetsByStatus()) + "."));
        PdfPTable targets = grid(new float[]{7, 39, 16, 14, 9, 15},
                "STT", "Chỉ tiêu", "Kết quả hiện tại", "Mục tiêu", "Thời hạn", "Tình trạng");
        for (TargetRow t : r.targets()) {
            cells(targets, new boolean[]{true, false, true, true, true, true}, String.valueOf(t.no()),
                    (t.code() == null ? "" : t.code() + ". ") + t.text(), t.current(), t.target(),
                    t.deadlineYear() == null ? "" : String.valueOf(t.deadlineYear()), t.statusLabel());
        }
        doc.add(targets);

        doc.add(heading("III. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ"));
        doc.add(paragraph("Có " + s.tasks() + " nhiệm vụ triển khai trong năm " + r.year() + ": "
                + AnnualDocx.counts(r.tasksByStatus()) + "."));
        PdfPTable counts = grid(new float[]{70, 30}, "Tình trạng nhiệm vụ", "Số nhiệm vụ");
        counts.setWidthPercentage(70);
        for (Count c : r.tasksByStatus()) {
            cells(counts, new boolean[]{false, true}, c.label(), String.valueOf(c.count()));
        }
        doc.add(counts);
        if (!r.tasksBehind().isEmpty()) {
            doc.add(paragraph("Các nhiệm vụ chậm tiến độ, dừng hoặc quá hạn:"));
            PdfPTable tasks = grid(new float[]{9, 38, 20, 11, 14, 8}, "Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian",
                    "Tình trạng", "%");
            for (TaskRow t : r.tasksBehind()) {
                cells(tasks, new boolean[]{true, false, false, true, true, true}, t.code(), t.title(), t.leadAgencies(),
                        t.timeFrame(), t.statusLabel(), t.percentComplete() == null ? "" : t.percentComplete() + "%");
            }
            doc.add(tasks);
        }

        doc.add(heading("IV. CƠ QUAN, ĐƠN VỊ BÁO CÁO MUỘN HOẶC CHƯA BÁO CÁO"));
        if (r.lateAgencies().isEmpty()) {
            doc.add(paragraph("Tất cả các cơ quan, đơn vị đã gửi báo cáo đúng hạn."));
        } else {
            PdfPTable late = grid(new float[]{7, 37, 14, 13, 13, 16}, "STT", "Cơ quan, đơn vị", "Kỳ báo cáo", "Hạn gửi",
                    "Ngày gửi", "Ghi chú");
            int i = 1;
            for (AgencyRow a : r.lateAgencies()) {
                cells(late, new boolean[]{true, false, true, true, true, false}, String.valueOf(i++), a.agencyName(),
                        a.period(), Labels.day(a.dueOn()), a.submittedOn() == null ? "" : Labels.day(a.submittedOn()),
                        a.statusLabel());
            }
            doc.add(late);
        }
        doc.add(heading("V. ĐỀ XUẤT, KIẾN NGHỊ"));
        doc.add(paragraph("Đề nghị các cơ quan, đơn vị có chỉ tiêu chậm tiến độ, có nguy cơ không đạt và các nhiệm vụ "
                + "chậm tiến độ tập trung chỉ đạo, có giải pháp khắc phục; các cơ quan, đơn vị báo cáo muộn hoặc chưa "
                + "báo cáo thực hiện nghiêm chế độ báo cáo định kỳ."));
    }

    private void closing(Document doc, AnnualReport r) {
        PdfPTable t = new PdfPTable(new float[]{50, 50});
        t.setWidthPercentage(100);
        t.setSpacingBefore(12);
        t.setKeepTogether(true);
        PdfPCell left = plain();
        Paragraph to = new Paragraph("Nơi nhận:", font(12, Font.BOLDITALIC));
        left.addElement(to);
        for (String line : r.header().recipients()) {
            left.addElement(new Paragraph("- " + line, font(11, Font.NORMAL)));
        }
        PdfPCell right = plain();
        right.addElement(centred(r.header().signing(), font(14, Font.BOLD)));
        right.addElement(centred(r.header().signerTitle(), font(14, Font.BOLD)));
        right.setPaddingBottom(80); // the signature space
        t.addCell(left);
        t.addCell(right);
        doc.add(t);
    }

    // ----- helpers -----

    private static PdfPCell plain() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0);
        return c;
    }

    private static Paragraph centred(String text, Font f) {
        Paragraph p = new Paragraph(text == null ? "" : text, f);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setLeading(f.getSize() * 1.2f);
        return p;
    }

    private static Paragraph rule(float percent) {
        Paragraph p = new Paragraph();
        LineSeparator line = new LineSeparator(0.6f, percent, Color.BLACK, Element.ALIGN_CENTER, 4);
        p.add(new Chunk(line));
        p.setSpacingAfter(6);
        return p;
    }

    private Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, font(14, Font.BOLD));
        p.setSpacingBefore(8);
        p.setSpacingAfter(4);
        p.setKeepTogether(true);
        return p;
    }

    private Paragraph paragraph(String text) {
        Paragraph p = new Paragraph(text, font(14, Font.NORMAL));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(10 * MM);
        p.setSpacingAfter(6);
        p.setLeading(14 * 1.3f);
        return p;
    }

    private PdfPTable grid(float[] widths, String... head) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(4);
        t.setSpacingAfter(8);
        for (String h : head) {
            PdfPCell c = new PdfPCell(new Phrase(h, font(12, Font.BOLD)));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setVerticalAlignment(Element.ALIGN_MIDDLE);
            c.setBackgroundColor(new Color(0xE8, 0xEE, 0xF7));
            c.setPadding(3);
            t.addCell(c);
        }
        return t;
    }

    private void cells(PdfPTable t, boolean[] centred, String... values) {
        for (int i = 0; i < values.length; i++) {
            PdfPCell c = new PdfPCell(new Phrase(values[i] == null ? "" : values[i], font(12, Font.NORMAL)));
            c.setHorizontalAlignment(centred[i] ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
            c.setPadding(3);
            t.addCell(c);
        }
    }
}
