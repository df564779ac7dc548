package vn.dxgov.plans.importing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * Counts OpenDocument list numbering to render the visible label of a list item ("a)", "1.", "2.1.", bullet "-"):
 * content.xml does not store the numbers LibreOffice shows, only the list style, as Word does (see
 * {@link DocxDocumentReader.ListNumbering}). A list continues its style's count when it says so
 * ({@code text:continue-numbering}, {@code text:continue-list}); a new top-level list otherwise starts again.
 */
final class OdtLists {

    private record Frame(String style, int level) {
    }

    private final OdtStyles styles;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Map<String, int[]> counters = new HashMap<>();
    private String pending = "";

    OdtLists(OdtStyles styles) {
        this.styles = styles;
    }

    /** On the start of a text:list. */
    void openList(XMLStreamReader r) {
        String style = r.getAttributeValue(OdtDocumentReader.TEXT, "style-name");
        if (style == null && !open.isEmpty()) {
            style = open.peek().style();
        }
        String key = style == null ? "" : style;
        boolean continues = "true".equals(r.getAttributeValue(OdtDocumentReader.TEXT, "continue-numbering"))
                || r.getAttributeValue(OdtDocumentReader.TEXT, "continue-list") != null;
        if (open.isEmpty() && !continues) {
            counters.put(key, new int[12]);
        }
        open.push(new Frame(key, Math.min(open.size() + 1, 10)));
    }

    /** On the end of a text:list. */
    void closeList() {
        open.poll();
        pending = "";
    }

    /** On the start of a text:list-item: counts it and keeps its label for its first paragraph. */
    void item(XMLStreamReader r) {
        Frame f = open.peek();
        if (f == null) {
            return;
        }
        int[] count = counters.computeIfAbsent(f.style(), k -> new int[12]);
        OdtStyles.ListLevel level = styles.listLevel(f.style(), f.level());
        String startValue = r.getAttributeValue(OdtDocumentReader.TEXT, "start-value");
        if (startValue != null && startValue.strip().matches("\\d{1,6}")) {
            count[f.level()] = Integer.parseInt(startValue.strip());
        } else {
            count[f.level()] = count[f.level()] == 0 ? (level == null ? 1 : level.start()) : count[f.level()] + 1;
        }
        for (int deeper = f.level() + 1; deeper < count.length; deeper++) {
            count[deeper] = 0;
        }
        pending = label(f, level, count);
    }

    /** On a text:list-header, or the end of an item: the paragraphs that follow have no label. */
    void noLabel() {
        pending = "";
    }

    /** The label of the paragraph about to be read ("" when none); only the first paragraph of an item has one. */
    String takeLabel() {
        String label = pending;
        pending = "";
        return label;
    }

    private String label(Frame f, OdtStyles.ListLevel level, int[] count) {
        if (level == null) {
            return "";
        }
        if (level.bullet()) {
            return "-";
        }
        if (level.format().isEmpty()) {
            return (level.prefix() + level.suffix()).strip();
        }
        StringBuilder number = new StringBuilder();
        int from = Math.max(1, f.level() - Math.max(1, level.displayLevels()) + 1);
        for (int l = from; l <= f.level(); l++) {
            OdtStyles.ListLevel lv = l == f.level() ? level : styles.listLevel(f.style(), l);
            String format = lv == null || lv.format().isEmpty() ? "1" : lv.format();
            number.append(number.length() == 0 ? "" : ".").append(render(Math.max(count[l], 1), format));
        }
        return (level.prefix() + number + level.suffix()).strip();
    }

    private static String render(int n, String format) {
        return DocxDocumentReader.ListNumbering.render(n, switch (format) {
            case "a" -> "lowerLetter";
            case "A" -> "upperLetter";
            case "i" -> "lowerRoman";
            case "I" -> "upperRoman";
            default -> "decimal";
        });
    }
}
