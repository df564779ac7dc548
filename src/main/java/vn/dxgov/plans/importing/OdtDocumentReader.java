package vn.dxgov.plans.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OpenDocument text (.odt, as LibreOffice and the Vietnamese government's office suites save it): the
 * {@code content.xml} of the zip streamed with StAX. Paragraphs and headings ({@code text:p}, {@code text:h}, also
 * inside lists and sections) become paragraph blocks, each {@code table:table-row} a row block whose cells keep their
 * paragraphs on separate lines, like {@link DocxDocumentReader} does for Word. Spaces ({@code text:s}), tabs and line
 * breaks are written out; a cell covered by its left neighbour's column span is not a cell (Word keeps one cell),
 * a cell covered by a vertical span stays an empty cell (Word keeps an empty continuation cell). A paragraph is a
 * heading when it is a {@code text:h}, has a heading style, or all its text is bold.
 */
final class OdtDocumentReader {

    static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    static final String DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";

    /** Repetitions of one cell or row written out at most (LibreOffice compresses runs of empty cells this way). */
    private static final int MAX_REPEAT = 64;
    /** Subtrees whose text is not the document's: notes, comments, frames, a generated table of contents, changes. */
    private static final Set<String> SKIPPED = Set.of("note", "annotation", "frame", "table-of-content",
            "tracked-changes", "sequence-decls", "forms", "illustration-index", "alphabetical-index");

    private final OdtStyles styles;
    private final OdtLists lists;
    private final WordBlocks out = new WordBlocks();

    private OdtDocumentReader(OdtStyles styles) {
        this.styles = styles;
        this.lists = new OdtLists(styles);
    }

    /** Reads the document from the zip entries {@code content.xml} and (optional) {@code styles.xml}. */
    static DocumentText read(String filename, byte[] contentXml, byte[] stylesXml) throws IOException {
        OdtStyles styles = new OdtStyles();
        try {
            if (stylesXml != null) {
                styles.read(reader(stylesXml));
            }
            OdtDocumentReader odt = new OdtDocumentReader(styles);
            odt.document(reader(contentXml));
            return new DocumentText(filename, DocumentText.Format.ODT, odt.out.blocks());
        } catch (XMLStreamException e) {
            throw new IOException("content.xml is not well-formed XML: " + e.getMessage(), e);
        }
    }

    static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    /** Walks content.xml: automatic styles first (they come before the body), then the body's blocks. */
    private void document(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                listEnd(r);
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (listStart(r)) {
                continue;
            }
            if (OFFICE.equals(r.getNamespaceURI()) && "automatic-styles".equals(r.getLocalName())) {
                styles.readStyles(r);
            } else if (isText(r, "p") || isText(r, "h")) {
                boolean h = isText(r, "h");
                Paragraph p = paragraph(r);
                out.paragraph(p.text(), h || p.heading());
            } else if (is(r, TABLE, "table")) {
                table(r);
            } else if (SKIPPED.contains(r.getLocalName())) {
                skip(r);
            }
            // anything else (office:body, office:text, text:list, text:list-item, text:section…) is walked into
        }
    }

    private record Paragraph(String text, boolean heading) {
    }

    /** Follows the lists: true when the element was a list start or a list item (walked into, nothing to read). */
    private boolean listStart(XMLStreamReader r) {
        if (isText(r, "list")) {
            lists.openList(r);
        } else if (isText(r, "list-item")) {
            lists.item(r);
        } else if (isText(r, "list-header")) {
            lists.noLabel();
        } else {
            return false;
        }
        return true;
    }

    private void listEnd(XMLStreamReader r) {
        if (isText(r, "list")) {
            lists.closeList();
        } else if (isText(r, "list-item") || isText(r, "list-header")) {
            lists.noLabel();
        }
    }

    /** Reads one text:p or text:h (the reader is on its start) to its end. */
    private Paragraph paragraph(XMLStreamReader r) throws XMLStreamException {
        String style = r.getAttributeValue(TEXT, "style-name");
        boolean paragraphBold = styles.bold(style);
        boolean headingStyle = styles.headingStyle(style);
        String label = lists.takeLabel();
        StringBuilder text = new StringBuilder(label.isEmpty() ? "" : label + " ");
        List<Boolean> spanBold = new ArrayList<>();
        boolean anyText = false;
        boolean allBold = true;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                // in ODF, white space in the XML (indentation, line ends) is a plain space; text:s/tab/line-break are explicit
                String chars = r.getText().replaceAll("[\\t\\n\\r]", " ");
                text.append(chars);
                if (!chars.isBlank()) {
                    anyText = true;
                    allBold &= spanBold.isEmpty() ? paragraphBold : spanBold.get(spanBold.size() - 1);
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (isText(r, "s")) {
                    String c = r.getAttributeValue(TEXT, "c");
                    text.append(" ".repeat(count(c)));
                } else if (isText(r, "tab")) {
                    text.append('\t');
                } else if (isText(r, "line-break")) {
                    text.append('\n');
                } else if (SKIPPED.contains(name) || DRAW.equals(r.getNamespaceURI())) {
                    skip(r);
                    continue;
                }
                if (isText(r, "span")) {
                    Boolean b = styles.boldOrNull(r.getAttributeValue(TEXT, "style-name"));
                    boolean outer = spanBold.isEmpty() ? paragraphBold : spanBold.get(spanBold.size() - 1);
                    spanBold.add(b == null ? outer : b);
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (isText(r, "span") && !spanBold.isEmpty()) {
                    spanBold.remove(spanBold.size() - 1);
                } else if (isText(r, "number")) {
                    text.append(' '); // a list label written out ("1.") before the paragraph's text
                }
            }
        }
        boolean labelOnly = text.toString().strip().equals(label);
        return new Paragraph(labelOnly ? "" : text.toString(), headingStyle || anyText && allBold);
    }

    /** Reads one table:table (the reader is on its start) into row blocks. */
    private void table(XMLStreamReader r) throws XMLStreamException {
        out.table();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (is(r, TABLE, "table-row")) {
                    int repeat = Math.min(count(r.getAttributeValue(TABLE, "number-rows-repeated")), MAX_REPEAT);
                    List<List<String>> cells = row(r);
                    boolean blank = cells.stream().allMatch(c -> String.join("", c).isBlank());
                    for (int i = 0; i < (blank ? 1 : repeat); i++) {
                        out.row(cells);
                    }
                } else {
                    depth++; // table:table-header-rows, table:table-rows, table:table-columns… hold rows or nothing
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Reads one table:table-row into its cells' lines. */
    private List<List<String>> row(XMLStreamReader r) throws XMLStreamException {
        List<List<String>> cells = new ArrayList<>();
        int spanned = 0; // cells still covered by the previous cell's column span
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && is(r, TABLE, "table-row")) {
                return cells;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            int repeat = Math.min(count(r.getAttributeValue(TABLE, "number-columns-repeated")), MAX_REPEAT);
            if (is(r, TABLE, "table-cell")) {
                int span = count(r.getAttributeValue(TABLE, "number-columns-spanned"));
                List<String> lines = cell(r);
                for (int i = 0; i < repeat; i++) {
                    cells.add(lines);
                }
                spanned = span - 1;
            } else if (is(r, TABLE, "covered-table-cell")) {
                skip(r);
                for (int i = 0; i < repeat; i++) {
                    if (spanned > 0) {
                        spanned--;
                    } else {
                        cells.add(List.of());
                    }
                }
            }
        }
    }

    /** Reads one table:table-cell into its lines: its paragraphs, list items, and the rows of a nested table. */
    private List<String> cell(XMLStreamReader r) throws XMLStreamException {
        List<String> lines = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (isText(r, "p") || isText(r, "h")) {
                    lines.add(paragraph(r).text());
                } else if (is(r, TABLE, "table")) {
                    lines.addAll(nestedTable(r));
                } else if (SKIPPED.contains(r.getLocalName())) {
                    skip(r);
                } else {
                    listStart(r);
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                listEnd(r);
                depth--;
            }
        }
        return lines;
    }

    /** A table inside a cell: one line per row, its cells joined by a space (as the .docx reader does). */
    private List<String> nestedTable(XMLStreamReader r) throws XMLStreamException {
        List<String> lines = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (is(r, TABLE, "table-row")) {
                    List<String> parts = new ArrayList<>();
                    for (List<String> c : row(r)) {
                        parts.add(WordBlocks.cell(c).replace('\n', ' '));
                    }
                    lines.add(String.join(" ", parts));
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return lines;
    }

    /** Skips the element the reader is on, with everything in it. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static int count(String attribute) {
        if (attribute == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(attribute.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static boolean isText(XMLStreamReader r, String name) {
        return is(r, TEXT, name);
    }

    private static boolean is(XMLStreamReader r, String namespace, String name) {
        return namespace.equals(r.getNamespaceURI()) && name.equals(r.getLocalName());
    }
}
