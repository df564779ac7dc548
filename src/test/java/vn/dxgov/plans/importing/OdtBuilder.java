package vn.dxgov.plans.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds small OpenDocument texts (.odt) for tests, the way LibreOffice stores them: the uncompressed
 * {@code mimetype} entry first, {@code content.xml} with automatic styles, {@code styles.xml} and the manifest. Runs
 * of spaces are written as {@code text:s}, tabs as {@code text:tab}, a cell's lines as paragraphs.
 */
final class OdtBuilder {

    private static final String NS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
            + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
            + "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
            + "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.3\"";

    private final StringBuilder body = new StringBuilder();
    private int tables;

    OdtBuilder paragraph(String text) {
        body.append("<text:p text:style-name=\"Standard\">").append(inline(text)).append("</text:p>\n");
        return this;
    }

    /** A heading as LibreOffice writes a "Heading 2" paragraph. */
    OdtBuilder heading(String text) {
        body.append("<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">").append(inline(text))
                .append("</text:h>\n");
        return this;
    }

    /** A paragraph whose text is all bold through a bold span (automatic style T1), as a person makes it. */
    OdtBuilder bold(String text) {
        body.append("<text:p text:style-name=\"P1\"><text:span text:style-name=\"T1\">").append(inline(text))
                .append("</text:span></text:p>\n");
        return this;
    }

    /** Any content.xml body fragment as written (lists, sections, covered cells…). */
    OdtBuilder raw(String xml) {
        body.append(xml).append('\n');
        return this;
    }

    /** A table; a cell text with '\n' becomes several paragraphs in the cell. */
    OdtBuilder table(List<List<String>> rows) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(1);
        body.append("<table:table table:name=\"Table").append(++tables).append("\">")
                .append("<table:table-column table:number-columns-repeated=\"").append(cols).append("\"/>\n");
        for (List<String> row : rows) {
            body.append("<table:table-row>");
            for (int c = 0; c < cols; c++) {
                String text = c < row.size() ? row.get(c) : "";
                body.append("<table:table-cell office:value-type=\"string\">");
                for (String line : text.split("\n", -1)) {
                    body.append("<text:p>").append(inline(line)).append("</text:p>");
                }
                body.append("</table:table-cell>");
            }
            body.append("</table:table-row>\n");
        }
        body.append("</table:table>\n");
        return this;
    }

    byte[] bytes() {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " + NS + ">"
                + "<office:automatic-styles>"
                + "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"/>"
                + "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
                + "</office:automatic-styles><office:body><office:text>\n"
                + "<text:sequence-decls><text:sequence-decl text:display-outline-level=\"0\" text:name=\"Table\"/></text:sequence-decls>\n"
                + body + "</office:text></office:body></office:document-content>";
        String styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles " + NS + "><office:styles>"
                + "<style:style style:name=\"Standard\" style:family=\"paragraph\"/>"
                + "<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"/>"
                + "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\" "
                + "style:parent-style-name=\"Heading\" style:default-outline-level=\"2\">"
                + "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
                + "</office:styles></office:document-styles>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + OfficeDocuments.ODT_MIMETYPE + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = OfficeDocuments.ODT_MIMETYPE.getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            entry(zip, "content.xml", content);
            entry(zip, "styles.xml", styles);
            entry(zip, "META-INF/manifest.xml", manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Text as ODF writes it: XML-escaped, runs of spaces as text:s, tabs as text:tab. */
    static String inline(String text) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ') {
                int j = i;
                while (j < text.length() && text.charAt(j) == ' ') {
                    j++;
                }
                int run = j - i;
                boolean edge = i == 0 || j == text.length();
                if (run == 1 && !edge) {
                    sb.append(' ');
                } else {
                    // ODF collapses white space: only the first of a run in the middle may be a plain space
                    sb.append(edge ? "" : " ").append("<text:s text:c=\"").append(edge ? run : run - 1).append("\"/>");
                }
                i = j;
                continue;
            }
            switch (c) {
                case '\t' -> sb.append("<text:tab/>");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                default -> sb.append(c);
            }
            i++;
        }
        return sb.toString();
    }
}
