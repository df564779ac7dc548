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

    static final String TEXT = OdtDocumentReader.TEXT;

    private record Style(String parent, Boolean bold, boolean heading) {
    }

    /**
     * One level of a list style: a bullet, or a number in {@code format} ("1", "a", "A", "i", "I"; "" for none)
     * between {@code prefix} and {@code suffix}, counting from {@code start}, showing {@code displayLevels} levels.
     */
    record ListLevel(boolean bullet, String format, String prefix, String suffix, int start, int displayLevels) {
    }

    private final Map<String, Style> styles = new HashMap<>();
    private final Map<String, Map<Integer, ListLevel>> lists = new HashMap<>();

    /** Reads every style:style of a whole document (styles.xml). */
    void read(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && STYLE.equals(r.getNamespaceURI())
                    && "style".equals(r.getLocalName())) {
                style(r);
            } else if (r.isStartElement() && TEXT.equals(r.getNamespaceURI()) && "list-style".equals(r.getLocalName())) {
                listStyle(r);
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
                } else if (TEXT.equals(r.getNamespaceURI()) && "list-style".equals(r.getLocalName())) {
                    listStyle(r);
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

    /** Reads a text:list-style: its numbered and bullet levels. */
    private void listStyle(XMLStreamReader r) throws XMLStreamException {
        String name = r.getAttributeValue(STYLE, "name");
        Map<Integer, ListLevel> levels = new HashMap<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String element = r.getLocalName();
                if (TEXT.equals(r.getNamespaceURI()) && element.startsWith("list-level-style-")) {
                    int level = integer(r.getAttributeValue(TEXT, "level"), 1);
                    boolean number = element.equals("list-level-style-number");
                    levels.put(level, new ListLevel(!number, number ? nonNull(r.getAttributeValue(STYLE, "num-format")) : "",
                            nonNull(r.getAttributeValue(STYLE, "num-prefix")), nonNull(r.getAttributeValue(STYLE, "num-suffix")),
                            integer(r.getAttributeValue(TEXT, "start-value"), 1),
                            integer(r.getAttributeValue(TEXT, "display-levels"), 1)));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (name != null) {
            lists.put(name, levels);
        }
    }

    /** The level (1-based) of a list style, or null when the style or the level is not defined. */
    ListLevel listLevel(String style, int level) {
        Map<Integer, ListLevel> levels = style == null ? null : lists.get(style);
        return levels == null ? null : levels.get(level);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static int integer(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
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
