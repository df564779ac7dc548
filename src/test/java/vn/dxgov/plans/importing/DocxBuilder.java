package vn.dxgov.plans.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Builds small .docx documents for tests, the way Word stores them (numbered lists, tables, bold headings). */
final class DocxBuilder {

    private final XWPFDocument doc = new XWPFDocument();
    private int abstractIds;

    DocxBuilder paragraph(String text) {
        doc.createParagraph().createRun().setText(text);
        return this;
    }

    DocxBuilder bold(String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setText(text);
        return this;
    }

    /** A paragraph with two lines separated by a line break inside it. */
    DocxBuilder twoLines(String first, String second) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setText(first);
        run.addBreak();
        run.setText(second);
        return this;
    }

    /** A Word list: each item gets the visible label Word would compute ("a)", "1.", bullet). */
    DocxBuilder list(STNumberFormat.Enum format, String levelText, String... items) {
        CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(BigInteger.valueOf(abstractIds++));
        CTLvl lvl = abs.addNewLvl();
        lvl.setIlvl(BigInteger.ZERO);
        lvl.addNewNumFmt().setVal(format);
        lvl.addNewLvlText().setVal(levelText);
        lvl.addNewStart().setVal(BigInteger.ONE);
        XWPFNumbering numbering = doc.createNumbering();
        BigInteger absId = numbering.addAbstractNum(new XWPFAbstractNum(abs));
        BigInteger numId = numbering.addNum(absId);
        for (String item : items) {
            XWPFParagraph p = doc.createParagraph();
            p.setNumID(numId);
            p.setNumILvl(BigInteger.ZERO);
            p.createRun().setText(item);
        }
        return this;
    }

    /** A table; a cell text with '\n' becomes several paragraphs in the cell. */
    DocxBuilder table(List<List<String>> rows) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(1);
        XWPFTable table = doc.createTable(rows.size(), cols);
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            for (int c = 0; c < cols; c++) {
                XWPFTableCell cell = row.getCell(c);
                String text = c < rows.get(r).size() ? rows.get(r).get(c) : "";
                String[] lines = text.split("\n", -1);
                cell.getParagraphs().get(0).createRun().setText(lines[0]);
                for (int i = 1; i < lines.length; i++) {
                    cell.addParagraph().createRun().setText(lines[i]);
                }
            }
        }
        return this;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
