package vn.dxgov.plans.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import vn.dxgov.shared.VietText;

/**
 * Reads a .docx through Apache POI, walking the body in order: a paragraph becomes a paragraph block (with its
 * visible list numbering, which Word computes and POI does not, so it is counted here), each table row becomes a row
 * block whose cells keep their paragraphs on separate lines.
 */
final class DocxDocumentReader {

    private final XWPFDocument document;
    private final ListNumbering numbering;
    private final List<DocumentBlock> blocks = new ArrayList<>();
    private int line;
    private int table = -1;

    private DocxDocumentReader(XWPFDocument document) {
        this.document = document;
        this.numbering = new ListNumbering(document.getNumbering());
    }

    static DocumentText read(String filename, byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            DocxDocumentReader reader = new DocxDocumentReader(doc);
            reader.walk(doc.getBodyElements());
            return new DocumentText(filename, DocumentText.Format.DOCX, reader.blocks);
        }
    }

    private void walk(List<IBodyElement> elements) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph p) {
                line++;
                addParagraph(p);
            } else if (element instanceof XWPFTable t) {
                table++;
                for (XWPFTableRow row : t.getRows()) {
                    line++;
                    List<String> cells = new ArrayList<>();
                    StringBuilder raw = new StringBuilder();
                    for (XWPFTableCell cell : row.getTableCells()) {
                        String text = cellText(cell);
                        cells.add(text);
                        raw.append(raw.length() == 0 ? "" : "\t").append(text.replace('\n', ' '));
                    }
                    blocks.add(new DocumentBlock.Row(line, table, cells, raw.toString()));
                }
            } else if (element instanceof XWPFSDT sdt) {
                line++;
                for (String l : sdt.getContent().getText().split("\\R")) {
                    addText(l, l, false);
                }
            }
        }
    }

    private void addParagraph(XWPFParagraph p) {
        String text = p.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        String label = numbering.label(p);
        String raw = label.isEmpty() ? text : label + " " + text;
        boolean heading = isHeadingStyle(p) || isWhollyBold(p);
        for (String l : raw.split("\\R")) {
            addText(l, raw, heading);
        }
    }

    private void addText(String text, String raw, boolean heading) {
        String clean = VietText.clean(MarkupCleaner.normalise(text.replace('\t', ' ')));
        if (!clean.isEmpty()) {
            blocks.add(new DocumentBlock.Paragraph(line, clean, raw, heading, false));
        }
    }

    private String cellText(XWPFTableCell cell) {
        List<String> lines = new ArrayList<>();
        for (IBodyElement e : cell.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                String label = numbering.label(p);
                String t = p.getText();
                if (t != null && !t.isBlank()) {
                    lines.add(label.isEmpty() ? t : label + " " + t);
                }
            } else if (e instanceof XWPFTable nested) {
                for (XWPFTableRow r : nested.getRows()) {
                    List<String> parts = new ArrayList<>();
                    for (XWPFTableCell c : r.getTableCells()) {
                        parts.add(cellText(c).replace('\n', ' '));
                    }
                    lines.add(String.join(" ", parts));
                }
            }
        }
        List<String> clean = new ArrayList<>();
        for (String l : lines) {
            for (String part : l.split("\\R")) {
                String c = VietText.clean(MarkupCleaner.normalise(part.replace('\t', ' ')));
                if (!c.isEmpty()) {
                    clean.add(c);
                }
            }
        }
        return String.join("\n", clean);
    }

    private boolean isHeadingStyle(XWPFParagraph p) {
        String style = p.getStyle();
        if (style == null) {
            return false;
        }
        String s = style.toLowerCase();
        if (s.startsWith("heading") || s.startsWith("title") || s.startsWith("tieude")) {
            return true;
        }
        var st = document.getStyles() == null ? null : document.getStyles().getStyle(style);
        return st != null && st.getName() != null && st.getName().toLowerCase().startsWith("heading");
    }

    private static boolean isWhollyBold(XWPFParagraph p) {
        boolean any = false;
        for (XWPFRun r : p.getRuns()) {
            String t = r.text();
            if (t == null || t.isBlank()) {
                continue;
            }
            if (!r.isBold()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Counts Word list numbering to render the visible label of a numbered paragraph ("1.", "a)", "2.1.", "-").
     */
    static final class ListNumbering {

        private final XWPFNumbering numbering;
        private final Map<BigInteger, int[]> counters = new HashMap<>();

        ListNumbering(XWPFNumbering numbering) {
            this.numbering = numbering;
        }

        String label(XWPFParagraph p) {
            try {
                BigInteger numId = p.getNumID();
                if (numId == null || numbering == null) {
                    return "";
                }
                int level = p.getNumIlvl() == null ? 0 : p.getNumIlvl().intValue();
                CTLvl[] levels = levels(numId);
                int[] count = counters.computeIfAbsent(numId, k -> new int[10]);
                if (level < 0 || level > 8) {
                    return "";
                }
                count[level] = count[level] == 0 ? start(levels, level) : count[level] + 1;
                for (int deeper = level + 1; deeper < count.length; deeper++) {
                    count[deeper] = 0;
                }
                String format = format(levels, level, p.getNumFmt());
                if ("bullet".equals(format) || "none".equals(format)) {
                    return "bullet".equals(format) ? "-" : "";
                }
                String text = p.getNumLevelText();
                if (text == null || text.isBlank()) {
                    text = "%" + (level + 1) + ".";
                }
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '%' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                        int l = text.charAt(++i) - '1';
                        int value = l >= 0 && l < count.length ? Math.max(count[l], 1) : 1;
                        sb.append(render(value, format(levels, l, l == level ? format : "decimal")));
                    } else {
                        sb.append(c);
                    }
                }
                return sb.toString().strip();
            } catch (RuntimeException e) {
                return ""; // numbering definitions are optional; never lose the paragraph's own text
            }
        }

        private CTLvl[] levels(BigInteger numId) {
            XWPFNum num = numbering.getNum(numId);
            if (num == null || num.getCTNum().getAbstractNumId() == null) {
                return new CTLvl[0];
            }
            XWPFAbstractNum abs = numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
            return abs == null ? new CTLvl[0] : abs.getCTAbstractNum().getLvlArray();
        }

        private static int start(CTLvl[] levels, int level) {
            if (level < levels.length && levels[level].getStart() != null) {
                return levels[level].getStart().getVal().intValue();
            }
            return 1;
        }

        private static String format(CTLvl[] levels, int level, String fallback) {
            if (level >= 0 && level < levels.length && levels[level].getNumFmt() != null) {
                return levels[level].getNumFmt().getVal().toString();
            }
            return fallback == null ? "decimal" : fallback;
        }

        static String render(int n, String format) {
            return switch (format) {
                case "lowerLetter" -> letters(n, false);
                case "upperLetter" -> letters(n, true);
                case "lowerRoman" -> RomanNumerals.toRoman(n).toLowerCase();
                case "upperRoman" -> RomanNumerals.toRoman(n);
                case "decimalZero" -> n < 10 ? "0" + n : String.valueOf(n);
                default -> String.valueOf(n);
            };
        }

        private static String letters(int n, boolean upper) {
            char c = (char) ('a' + (n - 1) % 26);
            String s = String.valueOf(c).repeat((n - 1) / 26 + 1);
            return upper ? s.toUpperCase() : s;
        }
    }
}
