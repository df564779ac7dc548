package vn.dxgov.plans.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * Finds the quantities a target sentence states: percentages ("90%"), amounts of money ("50 tỷ đồng") and counts
 * ("300 xã, phường, thị trấn", "700 doanh nghiệp số"), skipping numbers that are years, dates, document numbers,
 * levels ("mức độ 4"), ranks ("nhóm 10", "thứ 15/63") or parts of names ("4G", "IPv6", "COVID-19").
 */
final class QuantityScanner {

    enum Type {
        PERCENT, MONEY, COUNT
    }

    /**
     * A quantity in the text.
     *
     * @param start    where its number starts
     * @param end      where its unit ends
     * @param unit     "%", the currency ("tỷ đồng") or the counted noun ("doanh nghiệp số")
     * @param inParens it is inside parentheses (an example or remark rather than the commitment)
     */
    record Mention(Type type, BigDecimal value, int start, int end, String unit, boolean inParens) {
    }

    /**
     * A standalone number: "3.000", "9,6", "06", "2.5"; not glued to letters or other digits ("4G", "IPv6"), not part
     * of a date, fraction or range ("30/6", "15/63", "2021-2025") or of a code ("06-NQ/TU").
     */
    static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d.,/\\-])(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?|\\d+\\.\\d+)"
                    + "(?![\\p{L}\\d]|[.,]\\d|\\s*/\\s*\\d|-\\s?\\d|-[\\p{L}])");
    /** The unit of a percentage: "%" possibly after a space. */
    private static final Pattern PERCENT_SIGN = Pattern.compile("^\\s*%");
    /** Money (folded): optional multiplier then a currency. */
    private static final Pattern MONEY = Pattern.compile(
            "^\\s*((?:nghin ty|ngan ty|ty|trieu|nghin|ngan)\\s+)?(dong|vnd|vnđ|usd|do la my|do la)(?![a-z])");
    /** A multiplier word before a counted noun: "1 triệu người dân". */
    private static final Pattern MULTIPLIER = Pattern.compile("^\\s*(nghin ty|ty|trieu|nghin|ngan)\\s+(?=[a-z])");
    /** Words after which a number is not a quantity (folded): "mức độ 4", "năm 2025", "lần thứ 7", "nhóm 10". */
    private static final Pattern NOT_A_QUANTITY_AFTER = Pattern.compile(
            "(?:^|[^a-z])(muc do|muc|nam|giai doan|so|thu|lan|khoa|dieu|khoan|nhom|top|hang|cap do|phien ban|ngay"
                    + "|thang|quy|tuan|chuong|phu luc|tieu chi|lop|ky|nhiem ky|version|quoc lo|tinh lo|ma so"
                    + "|cong nghiep|web|khu vuc)\\s*$");
    /** Nouns that make a number a duration or time, not a counted target: "3 năm", "1 giờ". */
    private static final Set<String> TIME_UNITS = Set.of("nam", "thang", "ngay", "gio", "phut", "giay", "tuan", "quy",
            "lan", "ky", "buoi", "dot");
    /** Words that end a counted noun phrase (folded). */
    private static final Set<String> NOUN_STOP = Set.of("tro", "duoc", "co", "dat", "va", "tren", "tham", "su",
            "thuc", "theo", "gom", "tai", "cua", "hai", "hoan", "trong", "de", "voi", "o", "thuoc", "len", "tu",
            "den", "nam", "vao", "chiem", "dang", "da", "se", "can", "phai", "ket", "ung", "la", "nhu", "cho",
            "tiep", "duy", "dap", "nham", "khi", "hoac", "bao", "moi", "ve", "sau", "truoc");
    /** Administrative-level words that may be listed with commas: "huyện, thị xã, thành phố". */
    private static final Pattern LEVEL_WORDS = Pattern.compile(
            "^(huyen|quan|thi xa|thanh pho|xa|phuong|thi tran|tinh|don vi hanh chinh|dac khu)(?![a-z])");

    private QuantityScanner() {
    }

    static List<Mention> scan(String text) {
        String folded = VietText.foldAligned(text);
        int[] depth = parenDepth(text);
        List<Mention> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            int ns = m.start(1);
            int ne = m.end(1);
            BigDecimal value = NumberParser.parse(m.group(1));
            if (value == null) {
                continue;
            }
            boolean parens = depth[ns] > 0;
            Matcher pm = after(PERCENT_SIGN, folded, ne);
            if (pm.lookingAt()) {
                out.add(new Mention(Type.PERCENT, value, ns, pm.end(), "%", parens));
                continue;
            }
            Matcher mm = after(MONEY, folded, ne);
            if (mm.lookingAt()) {
                String unit = text.substring(ne, mm.end()).strip();
                out.add(new Mention(Type.MONEY, value, ns, mm.end(), unit, parens));
                continue;
            }
            if (isYear(m.group(1)) || NOT_A_QUANTITY_AFTER.matcher(folded.substring(Math.max(0, ns - 20), ns)).find()) {
                continue;
            }
            int nounFrom = ne;
            Matcher mult = after(MULTIPLIER, folded, ne);
            if (mult.lookingAt()) {
                value = value.multiply(multiplier(mult.group(1)));
                nounFrom = mult.end();
            }
            Noun noun = nounPhrase(text, folded, nounFrom);
            if (noun == null) {
                continue;
            }
            out.add(new Mention(Type.COUNT, value, ns, noun.end(), noun.text(), parens));
        }
        return out;
    }

    /** True when the text has a standalone number that is not a year (used to flag targets whose number was not read). */
    static boolean hasStandaloneNumber(String text) {
        String folded = VietText.foldAligned(text);
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            if (!isYear(m.group(1))
                    && !NOT_A_QUANTITY_AFTER.matcher(folded.substring(Math.max(0, m.start(1) - 20), m.start(1))).find()) {
                return true;
            }
        }
        return false;
    }

    record Noun(String text, int end) {
    }

    /**
     * The counted noun phrase starting at {@code from}: up to five words, stopping at punctuation or a verb-like
     * word; a list of administrative levels continues across commas ("xã, phường, thị trấn").
     */
    static Noun nounPhrase(String text, String folded, int from) {
        int i = from;
        int n = text.length();
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= n || !Character.isLetter(text.charAt(i))) {
            return null;
        }
        int start = i;
        int end = i;
        int words = 0;
        boolean levelList = after(LEVEL_WORDS, folded, i).lookingAt();
        while (i < n) {
            int ws = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-' || text.charAt(i) == '&')) {
                i++;
            }
            if (i == ws) {
                break;
            }
            String word = folded.substring(ws, i);
            if (words == 0 && (TIME_UNITS.contains(word) || NOUN_STOP.contains(word))) {
                return null; // "3 năm", "1022 của tỉnh": not a counted noun
            }
            boolean fixedPhrase = word.equals("va") && (folded.startsWith("vua va nho", Math.max(0, ws - 4))
                    || folded.startsWith("nho va vua", Math.max(0, ws - 4)));
            if (words > 0 && NOUN_STOP.contains(word) && !fixedPhrase) {
                break;
            }
            words++;
            end = i;
            if (words == 5) {
                break; // a counted noun is short; the rest of the sentence is not its name
            }
            if (i < n && text.charAt(i) == ',' && levelList) {
                int j = i + 1;
                while (j < n && text.charAt(j) == ' ') {
                    j++;
                }
                if (j < n && after(LEVEL_WORDS, folded, j).lookingAt()) {
                    i = j;
                    continue;
                }
                break;
            }
            if (i < n && text.charAt(i) == ' ') {
                i++;
                continue;
            }
            break;
        }
        if (words == 0) {
            return null;
        }
        return new Noun(text.substring(start, end), end);
    }

    /** A matcher over the text from {@code from} on, without copying it ("^" anchors at {@code from}). */
    static Matcher after(Pattern pattern, String text, int from) {
        return pattern.matcher(text).region(from, text.length());
    }

    static boolean isYear(String token) {
        if (token.length() != 4 || !token.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int y = Integer.parseInt(token);
        return y >= 1900 && y <= 2100;
    }

    private static BigDecimal multiplier(String word) {
        return switch (word) {
            case "nghin ty", "ngan ty" -> BigDecimal.TEN.pow(12);
            case "ty" -> BigDecimal.TEN.pow(9);
            case "trieu" -> BigDecimal.TEN.pow(6);
            default -> BigDecimal.TEN.pow(3);
        };
    }

    /** The parenthesis depth at each position of the text. */
    private static int[] parenDepth(String text) {
        int[] depth = new int[text.length() + 1];
        int d = 0;
        for (int i = 0; i < text.length(); i++) {
            depth[i] = d;
            char c = text.charAt(i);
            if (c == '(') {
                d++;
            } else if (c == ')' && d > 0) {
                d--;
            }
        }
        depth[text.length()] = d;
        return depth;
    }
}
