package vn.dxgov.plans.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The paragraph and text styles of an OpenDocument that matter to the importer: which are bold (a wholly bold
 * paragraph is a heading, as in Word) and which are heading styles ("Heading 1", LibreOffice's "Heading_20_1").
 * Styles inherit through {@code style:parent-style-name}.
 */
final class OdtStyles {

    static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    static final String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";

    private record Style(String parent, Boolean bold, boolean heading) {
    }

    private final Map<String, Style> styles = new HashMap<>();

    /** Reads every style:style of a whole document (styles.xml). */
    void read(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && STYLE.equals(r.getNamespaceURI())
                    && "style".equals(r.getLocalName())) {
                style(r);
            }
        }
    }

    /** Reads the style:style elements inside the element the reader is on (office:automatic-styles) to its end. */
    void readStyles(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (STYLE.equals(r.getNamespaceURI()) && "style".equals(r.getLocalName())) {
                    style(r);
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private void style(XMLStreamReader r) throws XMLStreamException {
        String name = r.getAttributeValue(STYLE, "name");
        String parent = r.getAttributeValue(STYLE, "parent-style-name");
        String display = r.getAttributeValue(STYLE, "display-name");
        boolean heading = isHeadingName(name) || isHeadingName(display)
                || r.getAttributeValue(STYLE, "default-outline-level") != null;
        Boolean bold = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (STYLE.equals(r.getNamespaceURI()) && "text-properties".equals(r.getLocalName())) {
                    bold = weight(r.getAttributeValue(FO, "font-weight"));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (name != null) {
            styles.put(name, new Style(parent, bold, heading));
        }
    }

    /** The style makes its text bold (through its parents too). */
    boolean bold(String name) {
        Boolean b = boldOrNull(name);
        return b != null && b;
    }

    /** Whether the style says bold or not bold, or null when neither it nor its parents say. */
    Boolean boldOrNull(String name) {
        Style s = name == null ? null : styles.get(name);
        for (int guard = 0; s != null && guard < 32; guard++) {
            if (s.bold() != null) {
                return s.bold();
            }
            s = s.parent() == null ? null : styles.get(s.parent());
        }
        return null;
    }

    /** A heading style, or a style derived from one. */
    boolean headingStyle(String name) {
        Style s = name == null ? null : styles.get(name);
        for (int guard = 0; s != null && guard < 32; guard++) {
            if (s.heading()) {
                return true;
            }
            s = s.parent() == null ? null : styles.get(s.parent());
        }
        return false;
    }

    private static boolean isHeadingName(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT).replace("_20_", " ");
        return n.startsWith("heading") || n.equals("title");
    }

    private static Boolean weight(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("bold") || v.equals("bolder")) {
            return true;
        }
        try {
            return Integer.parseInt(v) >= 600;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
