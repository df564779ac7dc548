package vn.dxgov.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The one number grammar of dxgov: how a number is read from what a person typed and how it is shown, per language.
 * Every web form, upload, import, page, chart and document goes through here; nothing else in {@code src/main} parses
 * or formats a decimal by hand ({@code NumbersSourceScanTest} checks it).
 *
 * <h2>Reading</h2>
 * Vietnamese ({@link #VI}, the default): {@code .} groups thousands in threes and {@code ,} is the decimal mark:
 * "1.300" = 1300, "1.250.300" = 1250300, "12,5" = 12.5, "1.234,5" = 1234.5, "1300" = 1300. English ({@link #EN}):
 * "1,300", "1,250,300", "12.5", "1,234.5", "1300". In both: an optional sign ({@code +}, {@code -} or the Unicode
 * minus {@code −}), spaces around the number (also non-breaking ones), digits written without grouping, and where
 * groups are written every group after the first has exactly three digits. {@link #parsePercent} also takes one
 * trailing {@code %} ("85%", "85 %"). Anything else ("1.3", "1,2,3" and "12.5" in Vietnamese; "1.3e5"; ",5") is
 * refused, never guessed: the {@link Problem} carries a message that shows how to write it ("“1.3” không phải là số
 * viết kiểu Việt Nam: viết 1.300 (một nghìn ba trăm) hoặc 1,3 (một phẩy ba) …").
 *
 * <h2>Showing</h2>
 * Grouped the same way, with a precision fixed per kind of number (rounding half up):
 * <table>
 *   <caption>Precisions</caption>
 *   <tr><th>method</th><th>kind</th><th>decimals</th><th>vi</th><th>en</th></tr>
 *   <tr><td>{@link #value}</td><td>a figure as reported or stored</td><td>as many as it has, at most 6 (the
 *       storage scale, so a stored figure is never shown rounded), trailing zeros dropped</td>
 *       <td>1.250.300; 12,5; 0,0823</td><td>1,250,300; 12.5; 0.0823</td></tr>
 *   <tr><td>{@link #exact}</td><td>a figure put back into a form field</td><td>all of them (so saving the form
 *       again never changes it)</td><td>1.234,56789</td><td>1,234.56789</td></tr>
 *   <tr><td>{@link #percent}</td><td>a percentage, given in percent (85.53 means 85.53 %)</td><td>exactly 1</td>
 *       <td>85,5%; 0,1%; 100,0%</td><td>85.5%</td></tr>
 *   <tr><td>{@link #points}</td><td>assessment points (điểm)</td><td>at most 2 (their storage scale), trailing
 *       zeros dropped</td><td>812,25; 20</td><td>812.25</td></tr>
 *   <tr><td>{@link #score}</td><td>a 0–100 composite score (the agency scorecard)</td><td>exactly 1</td>
 *       <td>75,0</td><td>75.0</td></tr>
 *   <tr><td>{@link #index}</td><td>an index from 0 to 1 (DTI = points ÷ maximum)</td><td>exactly 4</td>
 *       <td>0,7231</td><td>0.7231</td></tr>
 *   <tr><td>{@link #count}</td><td>a whole count of things</td><td>0</td><td>1.250</td><td>1,250</td></tr>
 *   <tr><td>{@link #rounded}</td><td>an estimate or a derived figure (forecasts, growth rates)</td><td>at most the
 *       given number, trailing zeros dropped</td><td>18,4</td><td>18.4</td></tr>
 *   <tr><td>{@link #size}</td><td>a file size</td><td>at most 1, in KB below 1 MB, else in MB</td>
 *       <td>12,5 KB; 3,2 MB</td><td>12.5 KB</td></tr>
 *   <tr><td>{@link #code}</td><td>years, ids, ranks, codes</td><td>never grouped</td><td>năm 2025; #10234</td>
 *       <td>2025</td></tr>
 * </table>
 * {@link #machine} is the one format for files read by programs (CSV exports): a plain {@code 1234.5}.
 *
 * <p>Web code uses {@link #current()}, the request's language from {@link LocaleContextHolder} (Vietnamese unless
 * the person switched to English); templates call the same methods through the {@code @num} bean.
 */
public final class Numbers {

    /** Vietnamese: 1.250.300,5. */
    public static final Numbers VI = new Numbers(VietText.VI, '.', ',');
    /** English: 1,250,300.5. */
    public static final Numbers EN = new Numbers(Locale.ENGLISH, ',', '.');

    /** At most this many decimals in {@link #value}: the scale of stored figures (numeric(24, 6)). */
    public static final int VALUE_DECIMALS = 6;
    public static final int PERCENT_DECIMALS = 1;
    public static final int POINTS_DECIMALS = 2;
    public static final int SCORE_DECIMALS = 1;
    public static final int INDEX_DECIMALS = 4;

    /** Longer input is not a number anybody typed: refused before any reading. */
    private static final int MAX_LENGTH = 64;
    private static final Pattern SPACES = Pattern.compile("^[\\s\\u00A0\\u2007\\u202F]+|[\\s\\u00A0\\u2007\\u202F]+$");
    private static final Pattern PERCENT_SIGN = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]*%$");
    private static final MessageSource TEXTS = texts();

    private final Locale locale;
    private final char group;
    private final char decimal;
    private final Pattern grammar;

    private Numbers(Locale locale, char group, char decimal) {
        this.locale = locale;
        this.group = group;
        this.decimal = decimal;
        String g = Pattern.quote(String.valueOf(group));
        String d = Pattern.quote(String.valueOf(decimal));
        // sign, then either ungrouped digits or 1-3 digits followed by groups of exactly three, then the decimals
        this.grammar = Pattern.compile("([+\\-\\u2212]?)(\\d+|\\d{1,3}(?:" + g + "\\d{3})+)(?:" + d + "(\\d+))?");
    }

    /** The grammar of a language: English for {@code en}, Vietnamese for anything else. */
    public static Numbers of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : VI;
    }

    /** The grammar of the current request's language (Vietnamese outside a request). */
    public static Numbers current() {
        return of(LocaleContextHolder.getLocale());
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return this == EN;
    }

    // ================================================================================================= reading

    /** What was read from a text: a value, nothing (blank), or a problem. */
    public record Reading(String input, BigDecimal value, Problem problem) {

        public boolean blank() {
            return value == null && problem == null;
        }

        public boolean ok() {
            return problem == null;
        }

        /** The value; empty when blank or refused. */
        public Optional<BigDecimal> optional() {
            return Optional.ofNullable(value);
        }
    }

    /**
     * Why a text is not a number, as a message key with its arguments (keys {@code number.*} in
     * messages_*.properties; every argument already a string, so no message format groups them again).
     */
    public record Problem(String input, Locale locale, String key, List<String> args) {

        public Object[] arguments() {
            return args.toArray();
        }

        /** The message in the grammar's language. */
        public String message() {
            return TEXTS.getMessage(key, arguments(), locale);
        }

        /** The message from an application's message source (the same keys), in the grammar's language. */
        public String message(MessageSource messages) {
            return messages.getMessage(key, arguments(), locale);
        }
    }

    /** Reads a number: blank text is no value; text that fits the grammar is the value; anything else a problem. */
    public Reading parse(String text) {
        return read(text, false);
    }

    /** As {@link #parse}, and a trailing {@code %} ("85%", "85 %") is allowed: for fields that hold a percentage. */
    public Reading parsePercent(String text) {
        return read(text, true);
    }

    /** The number a text holds, or empty when it is blank or not a number in this grammar (for importers). */
    public Optional<BigDecimal> read(String text) {
        return parse(text).optional();
    }

    private Reading read(String text, boolean percent) {
        if (text == null) {
            return new Reading(null, null, null);
        }
        String s = SPACES.matcher(text).replaceAll("");
        if (s.isEmpty()) {
            return new Reading(text, null, null);
        }
        if (percent) {
            s = PERCENT_SIGN.matcher(s).replaceFirst("");
        }
        BigDecimal v = s.length() > MAX_LENGTH ? null : strict(s);
        if (v != null) {
            return new Reading(text, v, null);
        }
        return new Reading(text, null, problem(text.strip()));
    }

    /** The value of a trimmed text when the whole of it is a number in this grammar, else null. */
    private BigDecimal strict(String s) {
        Matcher m = grammar.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(2).replace(String.valueOf(group), "");
        String fraction = m.group(3);
        boolean negative = m.group(1).equals("-") || m.group(1).equals("\u2212");
        BigDecimal v = new BigDecimal(new BigInteger(digits + (fraction == null ? "" : fraction)),
                fraction == null ? 0 : fraction.length());
        return negative ? v.negate() : v;
    }

    private Numbers other() {
        return this == VI ? EN : VI;
    }

    /** The problem of a refused text, with the forms it could have meant when there are any. */
    private Problem problem(String input) {
        List<String> ways = new ArrayList<>();
        if (input.length() <= MAX_LENGTH) {
            // "1.3" in Vietnamese: a thousands group that is short, as in 1.300 (not for "0.4": no number starts 0.)
            Matcher shortGroup = Pattern.compile("([+\\-\\u2212]?)([1-9]\\d{0,2})" + Pattern.quote(String.valueOf(group))
                    + "(\\d{1,2})").matcher(input);
            if (shortGroup.matches()) {
                String padded = shortGroup.group(3) + "00".substring(shortGroup.group(3).length() - 1);
                BigDecimal thousands = strict(shortGroup.group(1) + shortGroup.group(2) + group + padded);
                if (thousands != null) {
                    ways.add(withWords(thousands));
                }
            }
            // "12.5" in Vietnamese is 12,5 as the English write it
            BigDecimal otherReading = other().strict(input);
            if (otherReading != null && (input.indexOf(other().decimal) >= 0 || input.indexOf(other().group) >= 0)) {
                String way = withWords(otherReading);
                if (!ways.contains(way)) {
                    ways.add(way);
                }
            }
        }
        String quoted = input.length() > MAX_LENGTH ? input.substring(0, MAX_LENGTH) + "…" : input;
        if (ways.isEmpty()) {
            return new Problem(input, locale, "number.invalid", List.of(quoted));
        }
        String or = TEXTS.getMessage("number.or", null, locale);
        return new Problem(input, locale, "number.invalid.suggest", List.of(quoted, String.join(or, ways)));
    }

    /** "1.300 (một nghìn ba trăm)"; without the words when the number is too long to read out. */
    private String withWords(BigDecimal v) {
        String words = english() ? NumberWords.english(v) : NumberWords.vietnamese(v);
        return words == null ? exact(v) : exact(v) + " (" + words + ")";
    }

    // ================================================================================================= showing

    /** A figure as reported or stored: as many decimals as it has, at most {@value #VALUE_DECIMALS}; "" for null. */
    public String value(BigDecimal v) {
        return v == null ? "" : upTo(v, VALUE_DECIMALS);
    }

    /** A figure with all its decimals: what a form field shows, so that saving it again keeps the value. */
    public String exact(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        return write(s.scale() < 0 ? s.setScale(0) : s);
    }

    /** A percentage given in percent (85.53 → "85,5%"), exactly {@value #PERCENT_DECIMALS} decimal. */
    public String percent(BigDecimal v) {
        return v == null ? "" : fixed(v, PERCENT_DECIMALS) + "%";
    }

    /** Assessment points: at most {@value #POINTS_DECIMALS} decimals, trailing zeros dropped ("812,25", "20"). */
    public String points(BigDecimal v) {
        return v == null ? "" : upTo(v, POINTS_DECIMALS);
    }

    /** A 0–100 composite score: exactly {@value #SCORE_DECIMALS} decimal ("75,0"). */
    public String score(BigDecimal v) {
        return v == null ? "" : fixed(v, SCORE_DECIMALS);
    }

    /** An index from 0 to 1 (DTI): exactly {@value #INDEX_DECIMALS} decimals ("0,7231"). */
    public String index(BigDecimal v) {
        return v == null ? "" : fixed(v, INDEX_DECIMALS);
    }

    /** A whole count, grouped ("1.250"). */
    public String count(long n) {
        return write(BigDecimal.valueOf(n));
    }

    /** An estimate or a derived figure: at most {@code decimals} decimals, trailing zeros dropped. */
    public String rounded(BigDecimal v, int decimals) {
        return v == null ? "" : upTo(v, decimals);
    }

    /** Exactly {@code decimals} decimals. */
    public String fixed(BigDecimal v, int decimals) {
        return v == null ? "" : write(v.setScale(decimals, RoundingMode.HALF_UP));
    }

    /** A file size: bytes below 1 KB, KB below 1 MB, else MB, at most one decimal ("800 B", "12,5 KB", "3,2 MB"). */
    public String size(long bytes) {
        if (bytes < 1024) {
            return count(bytes) + " B";
        }
        if (bytes < 1024L * 1024) {
            return rounded(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP), 1) + " KB";
        }
        return megabytes(bytes) + " MB";
    }

    /** Bytes in MB, at most one decimal, without the unit ("3,2"). */
    public String megabytes(long bytes) {
        return rounded(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.HALF_UP), 1);
    }

    /** A year, an id, a rank or a code: never grouped ("2025", not "2.025"). */
    public static String code(long n) {
        return Long.toString(n);
    }

    /** A number for files that programs read (CSV exports): "1234.5", no grouping, trailing zeros dropped. */
    public static String machine(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private String upTo(BigDecimal v, int decimals) {
        BigDecimal r = v.scale() > decimals ? v.setScale(decimals, RoundingMode.HALF_UP) : v;
        r = r.stripTrailingZeros();
        return write(r.scale() < 0 ? r.setScale(0) : r);
    }

    /** Writes a value with exactly its scale's decimals, grouped in threes. */
    private String write(BigDecimal v) {
        if (v.signum() == 0) {
            v = v.abs(); // no "-0"
        }
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder b = new StringBuilder(plain.length() + whole.length() / 3 + 2);
        if (v.signum() < 0) {
            b.append('-');
        }
        int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        b.append(whole, 0, first);
        for (int i = first; i < whole.length(); i += 3) {
            b.append(group).append(whole, i, i + 3);
        }
        if (dot >= 0) {
            b.append(decimal).append(plain, dot + 1, plain.length());
        }
        return b.toString();
    }

    private static MessageSource texts() {
        ResourceBundleMessageSource s = new ResourceBundleMessageSource();
        s.setBasename("messages");
        s.setDefaultEncoding("UTF-8");
        s.setFallbackToSystemLocale(false);
        s.setDefaultLocale(VietText.VI);
        return s;
    }
}
