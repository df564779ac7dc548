package vn.dxgov.plans.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.converter.AbstractWordUtils;
import org.apache.poi.hwpf.model.StyleDescription;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;

/**
 * Reads an old binary Word document (.doc, Word 97–2003, still what many e-office systems attach) through Apache
 * POI's HWPF: body paragraphs become paragraph blocks (with their list label, counted by POI's converter the way
 * Word shows it), each table row a row block whose cells keep their paragraphs on separate lines, as
 * {@link DocxDocumentReader} does for .docx. Field codes, deleted and hidden text are left out; Word's control
 * characters (cell and row marks, page breaks, pictures) are dropped and a manual line break starts a new line.
 */
final class DocDocumentReader {

    private final HWPFDocument document;
    private final AbstractWordUtils.NumberingState numbering = new AbstractWordUtils.NumberingState();
    private final WordBlocks out = new WordBlocks();

    private DocDocumentReader(HWPFDocument document) {
        this.document = document;
    }

    static DocumentText read(String filename, byte[] bytes) throws IOException {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            DocDocumentReader reader = new DocDocumentReader(doc);
            reader.walk(doc.getRange());
            return new DocumentText(filename, DocumentText.Format.DOC, reader.out.blocks());
        }
    }

    private void walk(Range range) {
        int count = range.numParagraphs();
        for (int i = 0; i < count; i++) {
            Paragraph p = range.getParagraph(i);
            if (p.isInTable()) {
                Table table = range.getTable(p);
                table(table);
                i += Math.max(table.numParagraphs(), 1) - 1;
                continue;
            }
            Text t = text(p);
            out.paragraph(t.text(), t.bold() || isHeadingStyle(p));
        }
    }

    private void table(Table table) {
        out.table();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                List<String> lines = new ArrayList<>();
                for (int k = 0; k < cell.numParagraphs(); k++) {
                    lines.add(text(cell.getParagraph(k)).text());
                }
                cells.add(lines);
            }
            out.row(cells);
        }
    }

    private record Text(String text, boolean bold) {
    }

    /** The paragraph's visible text with its list label, and whether all of it is bold. */
    private Text text(Paragraph p) {
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        boolean allBold = true;
        for (int k = 0; k < p.numCharacterRuns(); k++) {
            CharacterRun run = p.getCharacterRun(k);
            if (run.isMarkedDeleted() || run.isVanished() || run.isFldVanished()) {
                continue;
            }
            String t = run.text();
            sb.append(t);
            if (!visible(t).isBlank()) {
                any = true;
                allBold &= run.isBold();
            }
        }
        String text = visible(sb.toString());
        String label = label(p);
        return new Text(label.isEmpty() || text.isBlank() ? text : label + " " + text, any && allBold);
    }

    /** Word's field codes removed, its control characters dropped or turned into line breaks and spaces. */
    static String visible(String raw) {
        String s = raw.indexOf('\u0013') >= 0 ? Range.stripFields(raw) : raw;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u000b' -> sb.append('\n'); // manual line break
                case '\u001e' -> sb.append('-'); // non-breaking hyphen
                case '\t' -> sb.append('\t');
                case '\u00a0' -> sb.append(' ');
                default -> {
                    if (c >= ' ' && c != '\u007f' && !(c >= '\u0013' && c <= '\u0015')) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The list label Word shows before the paragraph ("1.", "a)"); a bullet becomes "-" as in the .docx reader. */
    private String label(Paragraph p) {
        if (!p.isInList()) {
            return "";
        }
        try {
            String text = AbstractWordUtils.getBulletText(numbering, p.getList(), (char) p.getIlvl()).strip();
            if (text.isEmpty()) {
                return "";
            }
            return text.codePoints().anyMatch(Character::isLetterOrDigit) ? text : "-";
        } catch (RuntimeException e) {
            return ""; // list definitions are optional; never lose the paragraph's own text
        }
    }

    private boolean isHeadingStyle(Paragraph p) {
        try {
            StyleDescription style = document.getStyleSheet().getStyleDescription(p.getStyleIndex());
            String name = style == null || style.getName() == null ? "" : style.getName().toLowerCase(Locale.ROOT);
            return name.startsWith("heading") || name.startsWith("title") || name.startsWith("tieude");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
