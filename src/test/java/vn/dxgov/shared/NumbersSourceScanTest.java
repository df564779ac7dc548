package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing in {@code src/main} parses or formats a decimal by hand: numbers people read or type go through
 * {@link Numbers} (Java), {@code @num} (templates) or {@code dxgov.js} (charts). Fails with every place found, by file
 * and line. A new exception needs an entry in {@link #ALLOWED} with the reason (machine text only).
 */
class NumbersSourceScanTest {

    /** What is not written by hand, and why. */
    record Rule(String name, Pattern pattern) {
    }

    static final List<Rule> JAVA = List.of(
            new Rule("new DecimalFormat / DecimalFormatSymbols", Pattern.compile("\\bDecimalFormat(Symbols)?\\b")),
            new Rule("NumberFormat.get…Instance", Pattern.compile("\\bNumberFormat\\s*\\.\\s*get\\w*Instance\\b")),
            new Rule("Double.parseDouble / Float.parseFloat", Pattern.compile("\\b(Double\\s*\\.\\s*parseDouble|Float\\s*\\.\\s*parseFloat)\\s*\\(")),
            new Rule("Double.valueOf / Float.valueOf", Pattern.compile("\\b(Double|Float)\\s*\\.\\s*valueOf\\s*\\(")),
            // a literal ("0.01", "1e18") is a constant, not reading; anything else is a number read by hand
            new Rule("new BigDecimal(<not a literal>)", Pattern.compile("\\bnew\\s+(java\\.math\\.)?BigDecimal\\s*\\(\\s*(?![-+]?\"[-+0-9.eE]+\"\\s*\\)|[-+]?\\d[\\d_]*[lL]?\\s*\\))")),
            new Rule("String.format / formatted with %f, %e, %g or %,", Pattern.compile("\"[^\"\\n]*%[-#+ 0(]*,?[-#+ 0(]*\\d*(\\.\\d+)?[fFeEgG][^\"\\n]*\"|\"[^\"\\n]*%[-#+ 0(]*,[^\"\\n]*\"")),
            new Rule("toPlainString() (a number shown as a machine writes it)", Pattern.compile("\\.toPlainString\\s*\\(\\s*\\)")),
            new Rule("Locale-grouped digits by hand (replace('.', ',') / replace(',', '.'))", Pattern.compile("\\.replace\\(\\s*'[.,]'\\s*,\\s*'[.,]'\\s*\\)")));

    static final List<Rule> TEMPLATES = List.of(
            new Rule("#numbers (use @num)", Pattern.compile("#numbers\\.")));

    static final List<Rule> SCRIPTS = List.of(
            new Rule("toFixed / toLocaleString / Intl.NumberFormat / parseFloat (use window.dxgov)",
                    Pattern.compile("\\.toFixed\\s*\\(|\\.toLocaleString\\s*\\(|Intl\\s*\\.\\s*NumberFormat|\\bparseFloat\\s*\\(")));

    /**
     * The grammar itself, and the places whose input or output is machine text. Key: path under src/main; value: the
     * rules it may break, and why.
     */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            // the grammar: it is the one place that turns digits into BigDecimal and back
            "java/vn/dxgov/shared/Numbers.java", Set.of("new BigDecimal(<not a literal>)", "toPlainString() (a number shown as a machine writes it)"),
            // the words of a number read the digits of a BigDecimal the grammar already wrote
            "java/vn/dxgov/shared/NumberWords.java", Set.of("toPlainString() (a number shown as a machine writes it)"),
            // Tesseract's TSV output: positions and confidences as the OCR program writes them (machine text)
            "java/vn/dxgov/plans/importing/TesseractOcr.java", Set.of("Double.parseDouble / Float.parseFloat"),
            // OCR corrections of a table's row code ("1,2" → "1.2", "IV:2" → "IV.2"): a code, never a quantity
            "java/vn/dxgov/plans/importing/PdfCodeCells.java", Set.of("Locale-grouped digits by hand (replace('.', ',') / replace(',', '.'))"),
            // PostgreSQL's COPY output of numeric columns (numeric_out: machine text), parsed for the analytics build;
            // the few numbers it cannot make exactly from their digits (more than 18 digits, NaN) go to parseDouble
            "java/vn/dxgov/indicators/internal/CellCopyReader.java", Set.of("Double.parseDouble / Float.parseFloat"),
            // the browser side of the grammar: the one place that formats with Intl.NumberFormat
            "resources/static/js/dxgov.js", Set.of("toFixed / toLocaleString / Intl.NumberFormat / parseFloat (use window.dxgov)"));

    record Finding(String file, int line, String rule, String text) {
        @Override
        public String toString() {
            return "src/main/" + file + ":" + line + ": " + rule + ": " + text.strip();
        }
    }

    @Test
    void nothingInSrcMainParsesOrFormatsADecimalByHand() throws IOException {
        Path main = Path.of("src/main");
        List<Finding> found = new ArrayList<>();
        found.addAll(scan(main, main.resolve("java"), ".java", JAVA, true));
        found.addAll(scan(main, main.resolve("resources/templates"), ".html", TEMPLATES, false));
        found.addAll(scan(main, main.resolve("resources/static/js"), ".js", SCRIPTS, true));
        assertThat(found).as("numbers parsed or formatted by hand; use vn.dxgov.shared.Numbers, @num or window.dxgov")
                .isEmpty();
    }

    /** The scanner sees what it is meant to see, so that an empty result means something. */
    @Test
    void theRulesCatchTheShapesOfTheIssue() {
        String code = String.join("\n",
                "BigDecimal a = new BigDecimal(text.replace(',', '.'));",
                "double d = Double.parseDouble(s);",
                "NumberFormat f = NumberFormat.getNumberInstance(VI);",
                "String m = String.format(Locale.ROOT, \"%.1f MB\", x);",
                "String p = v.stripTrailingZeros().toPlainString();",
                "var g = new java.text.DecimalFormat(\"#,##0.##\");",
                "// new BigDecimal(text) in a comment is fine",
                "BigDecimal ok = new BigDecimal(\"0.01\");",
                "String y = String.format(\"%02d/%d\", m, y);");
        List<String> rules = findings("x.java", code, JAVA, true).stream().map(Finding::rule).toList();
        assertThat(rules).containsExactlyInAnyOrder("new BigDecimal(<not a literal>)",
                "Locale-grouped digits by hand (replace('.', ',') / replace(',', '.'))", "Double.parseDouble / Float.parseFloat",
                "NumberFormat.get…Instance", "String.format / formatted with %f, %e, %g or %,",
                "toPlainString() (a number shown as a machine writes it)", "new DecimalFormat / DecimalFormatSymbols");
        assertThat(findings("x.html", "<td th:text=\"${#numbers.formatDecimal(x, 1, 1)}\">", TEMPLATES, false)).hasSize(1);
        assertThat(findings("x.js", "label: (x * 100).toFixed(2) + ' %'", SCRIPTS, true)).hasSize(1);
    }

    private static List<Finding> scan(Path main, Path root, String suffix, List<Rule> rules, boolean stripComments)
            throws IOException {
        List<Finding> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
                String rel = main.relativize(f).toString().replace('\\', '/');
                out.addAll(findings(rel, Files.readString(f, StandardCharsets.UTF_8), rules, stripComments));
            }
        }
        return out;
    }

    static List<Finding> findings(String file, String text, List<Rule> rules, boolean stripComments) {
        String code = stripComments ? withoutComments(text) : text;
        Set<String> allowed = ALLOWED.getOrDefault(file, Set.of());
        List<Finding> out = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Rule r : rules) {
                Matcher m = r.pattern().matcher(lines[i]);
                if (m.find() && !allowed.contains(r.name())) {
                    out.add(new Finding(file, i + 1, r.name(), lines[i]));
                }
            }
        }
        return out;
    }

    /** The code without // and block comments (Javadoc may show "1.234,5"), keeping the line numbers. */
    static String withoutComments(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        boolean inString = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    b.append(s.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                i++;
            } else if (c == '"') {
                inString = true;
                b.append(c);
                i++;
            } else if (c == '\'' && i + 2 < s.length() && s.charAt(i + 2) == '\'') {
                b.append(s, i, i + 3); // a char literal such as '"'
                i += 3;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int k = i; k < end; k++) {
                    if (s.charAt(k) == '\n') {
                        b.append('\n');
                    }
                }
                i = end;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
