package vn.dxgov.indicators;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.dxgov.shared.Numbers;

/**
 * The formula of a derived indicator: numbers, references to other indicators as {@code {CODE}}, the operators
 * {@code + - * /}, parentheses and unary minus, e.g. {@code {GRDP-KTS} / {GRDP} * 100}. Codes are case-insensitive
 * (kept upper-case). Evaluation gives no value when a referenced value is missing or a divisor is zero.
 * Immutable and thread-safe.
 */
public final class Formula {

    /** What an indicator code may contain: ASCII letters, digits, '-' and '_', at most 40 characters. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** A constant that reads as a thousand in one grammar and as a decimal in the other: "1.000", "2,500". */
    private static final Pattern AMBIGUOUS = Pattern.compile("\\d{1,3}[.,]\\d{3}");

    private sealed interface Node permits Num, Ref, Neg, Bin {
    }

    private record Num(double value) implements Node {
    }

    private record Ref(String code) implements Node {
    }

    private record Neg(Node operand) implements Node {
    }

    private record Bin(char op, Node left, Node right) implements Node {
    }

    private final String text;
    private final Node root;
    private final Set<String> references;

    private Formula(String text, Node root, Set<String> references) {
        this.text = text;
        this.root = root;
        this.references = Collections.unmodifiableSet(references);
    }

    /**
     * Reads a formula. Throws {@link IllegalArgumentException} with a Vietnamese message naming the position of the
     * problem ("Công thức: thiếu dấu ')' ở vị trí 12").
     */
    public static Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Công thức trống");
        }
        Parser p = new Parser(text);
        Node root = p.expression();
        p.skipSpaces();
        if (p.pos < text.length()) {
            throw p.error("ký tự thừa '" + text.charAt(p.pos) + "'");
        }
        return new Formula(text.trim(), root, p.refs);
    }

    /** The formula as written (trimmed). */
    public String text() {
        return text;
    }

    /** The codes the formula refers to, upper-case, in order of first appearance. */
    public Set<String> references() {
        return references;
    }

    /**
     * The value of the formula given the value of each referenced code (null when missing); null when a value is
     * missing, a divisor is zero or the result is not a finite number.
     */
    public Double evaluate(Function<String, Double> values) {
        Double v = eval(root, values);
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }

    private static Double eval(Node n, Function<String, Double> values) {
        if (n instanceof Num num) {
            return num.value();
        }
        if (n instanceof Ref ref) {
            return values.apply(ref.code());
        }
        if (n instanceof Neg neg) {
            Double v = eval(neg.operand(), values);
            return v == null ? null : -v;
        }
        Bin b = (Bin) n;
        Double l = eval(b.left(), values);
        if (l == null) {
            return null;
        }
        Double r = eval(b.right(), values);
        if (r == null) {
            return null;
        }
        return switch (b.op()) {
            case '+' -> l + r;
            case '-' -> l - r;
            case '*' -> l * r;
            default -> r == 0 ? null : l / r;
        };
    }

    @Override
    public String toString() {
        return text;
    }

    /** Recursive descent: expression := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*. */
    private static final class Parser {
        private final String s;
        private int pos;
        private final Set<String> refs = new LinkedHashSet<>();
        private int depth;

        Parser(String s) {
            this.s = s;
        }

        Node expression() {
            Node left = term();
            while (true) {
                skipSpaces();
                if (peek('+') || peek('-')) {
                    char op = s.charAt(pos++);
                    left = new Bin(op, left, term());
                } else {
                    return left;
                }
            }
        }

        Node term() {
            Node left = factor();
            while (true) {
                skipSpaces();
                if (peek('*') || peek('/') || peek('×') || peek(':')) {
                    char c = s.charAt(pos++);
                    char op = c == '*' || c == '×' ? '*' : '/';
                    left = new Bin(op, left, factor());
                } else {
                    return left;
                }
            }
        }

        Node factor() {
            if (++depth > 100) {
                throw error("công thức lồng quá sâu");
            }
            try {
                skipSpaces();
                if (pos >= s.length()) {
                    throw error("thiếu số hoặc mã chỉ số ở cuối công thức");
                }
                char c = s.charAt(pos);
                if (c == '-' || c == '+') {
                    pos++;
                    Node operand = factor();
                    return c == '-' ? new Neg(operand) : operand;
                }
                if (c == '(') {
                    pos++;
                    Node inner = expression();
                    skipSpaces();
                    if (!peek(')')) {
                        throw error("thiếu dấu ')'");
                    }
                    pos++;
                    return inner;
                }
                if (c == '{') {
                    int close = s.indexOf('}', pos);
                    if (close < 0) {
                        throw error("thiếu dấu '}' sau mã chỉ số");
                    }
                    String code = s.substring(pos + 1, close).trim();
                    if (!CODE.matcher(code).matches()) {
                        throw error("mã chỉ số \"" + code + "\" không hợp lệ (chỉ gồm chữ cái không dấu, chữ số, '-' và '_')");
                    }
                    pos = close + 1;
                    String upper = code.toUpperCase(Locale.ROOT);
                    refs.add(upper);
                    return new Ref(upper);
                }
                if (Character.isDigit(c) || c == '.' || c == ',') {
                    return number();
                }
                if (Character.isLetter(c)) {
                    throw error("mã chỉ số phải đặt trong ngoặc nhọn, ví dụ {" + word() + "}");
                }
                throw error("không hiểu ký tự '" + c + "'");
            } finally {
                depth--;
            }
        }

        /**
         * A constant: 12, 12,5 (Vietnamese) or 12.5 (English); never grouped. A constant a reader could take for a
         * thousand or for a decimal ("1.000", "2,500") is refused rather than guessed; so is anything else that is
         * not a number in either grammar ({@link Numbers}).
         */
        private Node number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == ',')) {
                pos++;
            }
            String written = s.substring(start, pos);
            if (AMBIGUOUS.matcher(written).matches()) {
                pos = start;
                throw error("số \"" + written + "\" không rõ là số nghìn hay số thập phân: trong công thức viết số không "
                        + "tách nhóm nghìn, ví dụ 1000 hoặc 2,5");
            }
            Numbers grammar = written.indexOf('.') >= 0 ? Numbers.EN : Numbers.VI;
            java.math.BigDecimal value = written.indexOf('.') >= 0 && written.indexOf(',') >= 0 ? null
                    : grammar.read(written).orElse(null);
            if (value == null) {
                pos = start;
                throw error("số \"" + written + "\" không hợp lệ");
            }
            return new Num(value.doubleValue());
        }

        private String word() {
            int start = pos;
            int end = pos;
            while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '-')) {
                end++;
            }
            return s.substring(start, end);
        }

        boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Công thức: " + what + " ở vị trí " + (pos + 1));
        }
    }
}
