package vn.dxgov.units.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * Cuts a cell of a document into agency names, the "Splitting" rules of {@link AgencyNames}: on ";" and line breaks,
 * then on "," (and "và" before a strong head) only where the next piece starts like an agency, known names never cut,
 * a bare level taking the head of the name before it, notes and qualifiers dropped. Pure; the known names come from
 * the caller.
 */
final class AgencySplitter {

    /** Words an agency name starts with (folded); a piece must have at least one more word after them. */
    private static final List<String> HEADS = List.of("so", "ban", "van phong", "ubnd", "uy ban", "hdnd", "hoi dong",
            "cong an", "bo chi huy", "bo doi", "bo", "trung tam", "truong", "dai", "hoc vien", "bao", "hoi", "lien doan",
            "lien minh", "lien hiep", "tinh doan", "thanh doan", "doan", "ngan hang", "cuc", "chi cuc", "chi nhanh",
            "kho bac", "bao hiem", "vien", "toa an", "dien luc", "benh vien", "mat tran", "thanh tra", "dang uy",
            "tinh uy", "thanh uy", "huyen uy", "cac", "doanh nghiep", "cong ty", "tap doan", "tong cong ty", "hiep hoi",
            "buu dien", "vien thong", "vnpt", "viettel", "vcci", "phong", "hop tac xa", "co quan", "to chuc", "quy", "vp",
            "bql", "bch");
    /** Beginnings that look like a head but are ordinary words ("báo chí", "số hóa", "trường hợp"). */
    private static final List<String> NOT_HEADS = List.of("bao chi", "cac cap", "truong hop", "dai dien", "hoi nghi",
            "ban hanh", "phong chong", "phong ngua", "vien chuc", "so hoa", "so lieu", "so luong", "bo phan mot cua");
    /** Heads strong enough to cut on "và": "Sở Y tế và Sở Giáo dục và Đào tạo". */
    private static final Pattern AND_BEFORE_AGENCY =
            Pattern.compile("\\s+va\\s+(?=(?:so|ubnd|uy ban nhan dan|cong an|van phong|bo chi huy)\\s)");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern PARTS = Pattern.compile("[;\\n\\r；]+");
    private static final Pattern LEADING_JUNK = Pattern.compile("^(?:[\\s\\-–—+•*·●○▪►✓]+|\\d+(?:\\.\\d+)*[.)]\\s+|[a-zđ]\\)\\s+)+");
    static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:…\\-–—]+$");
    private static final Pattern PARENTHESES = Pattern.compile("\\s*\\(([^()]*)\\)");
    private static final Pattern NOTE = Pattern.compile("chu tri|phoi hop|thuong truc|dau moi|neu co|tham muu|theo chuc nang|duoc giao");
    /** Scope qualifiers that do not name the agency: "UBND các xã được triển khai" is UBND các xã. */
    private static final Pattern QUALIFIER = Pattern.compile(
            "\\s*,?\\s*(?:duoc trien khai|theo chuc nang(?:\\s*,?\\s*nhiem vu)?(?: duoc giao)?|(?:co quan )?(?:chu tri|phoi hop))\\s*$");
    private static final Pattern COOPERATION = Pattern.compile(
            "(?:\\s*\\(?\\s*chu tri\\s*\\)?)?\\s*,?\\s*(?:va\\s+)?(?<![a-z])phoi hop (?:voi|cung)\\s+");
    private static final Pattern AND = Pattern.compile("\\s+va\\s+");
    private static final Pattern LEVEL_FRAGMENT = Pattern.compile("^cap (?:tinh|huyen|xa|co so)(?:\\s|$)");
    private static final String UNIT_TYPES = "thanh pho|thi xa|huyen|quan|xa|phuong|thi tran|dac khu";
    private static final Pattern UNIT_FRAGMENT = Pattern.compile("^(?:" + UNIT_TYPES + ") ");
    private static final Pattern NAMED_UNIT_COMMITTEE = Pattern.compile("^(ubnd|uy ban nhan dan) (?:" + UNIT_TYPES + ") ");
    static final Pattern ENDS_WITH_UNIT_TYPE = Pattern.compile("(?:^| )(?:" + UNIT_TYPES + ")$");

    private AgencySplitter() {
    }

    /** The names in a cell; {@code known} names are never cut. */
    static List<String> split(String cell, Predicate<String> known) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        String text = cutOnCooperation(Normalizer.normalize(cell, Normalizer.Form.NFC));
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String previous = null;
        for (String rawPart : PARTS.split(text)) {
            String part = tidy(rawPart);
            if (part.isEmpty()) {
                continue;
            }
            for (String segment : segments(part, known)) {
                String name = finish(segment, previous);
                if (name.isEmpty() || AgencyText.key(name).isEmpty()) {
                    continue;
                }
                previous = name;
                if (seen.add(AgencyText.key(name))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** "Sở TT&TT chủ trì, phối hợp với các sở, ngành" names two agencies: the phrase becomes a separator. */
    private static String cutOnCooperation(String text) {
        Matcher m = COOPERATION.matcher(AgencyText.foldChars(text));
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(m.start() == 0 ? "" : ";");
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    /** Drops bullets, numbering, notes in parentheses, scope qualifiers and trailing punctuation. */
    private static String tidy(String raw) {
        String s = VietText.clean(raw);
        s = LEADING_JUNK.matcher(s).replaceFirst("");
        Matcher m = PARENTHESES.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, NOTE.matcher(VietText.fold(m.group(1))).find() ? "" : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        s = out.toString();
        s = stripQualifier(TRAILING_PUNCTUATION.matcher(s).replaceFirst(""));
        return TRAILING_PUNCTUATION.matcher(s).replaceFirst("").trim();
    }

    private static String stripQualifier(String s) {
        Matcher m = QUALIFIER.matcher(AgencyText.foldChars(s));
        return m.find() && m.start() > 0 ? s.substring(0, m.start()) : s;
    }

    private record Piece(String separator, String text) {
    }

    private record Atom(String separator, String text, boolean known) {
    }

    /** Cuts a part on commas (and "và" before a strong head) where the next piece starts like an agency. */
    private static List<String> segments(String part, Predicate<String> known) {
        List<Piece> pieces = pieces(part);
        if (pieces.size() == 1) {
            return List.of(part);
        }
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < pieces.size(); ) {
            int end = i;
            for (int j = pieces.size() - 1; j > i; j--) {
                if (known.test(join(pieces, i, j))) {
                    end = j;
                    break;
                }
            }
            String text = join(pieces, i, end);
            atoms.add(new Atom(pieces.get(i).separator(), text, end > i || known.test(text)));
            i = end + 1;
        }
        List<StringBuilder> segments = new ArrayList<>();
        for (Atom atom : atoms) {
            String previous = segments.isEmpty() ? null : segments.get(segments.size() - 1).toString();
            if (previous == null || atom.known() || startsLikeAgency(atom.text())
                    || (isLevelFragment(atom.text()) && inheritableHead(previous) != null)
                    || (isUnitFragment(atom.text()) && committeeHead(previous) != null)) {
                segments.add(new StringBuilder(atom.text()));
            } else {
                segments.get(segments.size() - 1).append(atom.separator()).append(atom.text());
            }
        }
        List<String> result = new ArrayList<>();
        segments.forEach(segment -> result.addAll(cutBeforeKnownTail(segment.toString(), known)));
        return result;
    }

    /**
     * "Sở Tài chính và các cơ quan liên quan": cut on "và" when what follows is a known name in full and what comes
     * before starts like an agency. "Ban quản lý KKT Nghi Sơn và các KCN" stays whole: "các KCN" is not a name.
     */
    private static List<String> cutBeforeKnownTail(String segment, Predicate<String> known) {
        Matcher m = AND.matcher(AgencyText.foldChars(segment));
        while (m.find()) {
            String head = segment.substring(0, m.start());
            String tail = segment.substring(m.end());
            if (known.test(tail) && !known.test(segment) && startsLikeAgency(head)) {
                return List.of(head, tail);
            }
        }
        return List.of(segment);
    }

    private static List<Piece> pieces(String part) {
        String folded = AgencyText.foldChars(part);
        List<int[]> cuts = new ArrayList<>();
        Matcher comma = COMMA.matcher(folded);
        while (comma.find()) {
            cuts.add(new int[] {comma.start(), comma.end()});
        }
        Matcher and = AND_BEFORE_AGENCY.matcher(folded);
        while (and.find()) {
            cuts.add(new int[] {and.start(), and.end()});
        }
        cuts.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Piece> pieces = new ArrayList<>();
        int last = 0;
        String separator = "";
        for (int[] cut : cuts) {
            if (cut[0] < last) {
                continue;
            }
            pieces.add(new Piece(separator, part.substring(last, cut[0])));
            separator = part.substring(cut[0], cut[1]);
            last = cut[1];
        }
        pieces.add(new Piece(separator, part.substring(last)));
        return pieces.stream().filter(p -> !p.text().isBlank()).toList();
    }

    private static String join(List<Piece> pieces, int from, int to) {
        StringBuilder sb = new StringBuilder(pieces.get(from).text());
        for (int k = from + 1; k <= to; k++) {
            sb.append(pieces.get(k).separator()).append(pieces.get(k).text());
        }
        return sb.toString();
    }

    /** "Sở ...", "UBND ...", "các ...", "Trung tâm ...": a heading followed by at least one more word. */
    static boolean startsLikeAgency(String text) {
        String folded = VietText.fold(text);
        for (String not : NOT_HEADS) {
            if (folded.startsWith(not + " ") || folded.equals(not)) {
                return false;
            }
        }
        for (String head : HEADS) {
            if (folded.startsWith(head + " ")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLevelFragment(String text) {
        return LEVEL_FRAGMENT.matcher(VietText.fold(text)).find();
    }

    /** "thành phố Thanh Hóa" after "UBND thị xã Bỉm Sơn": a named unit, continuing a list of named committees. */
    private static boolean isUnitFragment(String text) {
        Matcher m = UNIT_FRAGMENT.matcher(AgencyText.foldChars(text));
        return m.find() && m.end() < text.length() && Character.isUpperCase(text.charAt(m.end()));
    }

    /** The head a bare level takes from the name before it: "UBND" from "UBND cấp huyện" or "UBND các huyện". */
    private static String inheritableHead(String previous) {
        String folded = AgencyText.foldChars(previous);
        int at = folded.indexOf(" cap ");
        if (at > 0) {
            return previous.substring(0, at);
        }
        at = folded.indexOf(" cac ");
        return at > 0 && (folded.startsWith("ubnd ") || folded.startsWith("uy ban nhan dan ")) ? previous.substring(0, at) : null;
    }

    /** "UBND" of "UBND thị xã Bỉm Sơn". */
    private static String committeeHead(String previous) {
        Matcher m = NAMED_UNIT_COMMITTEE.matcher(AgencyText.foldChars(previous));
        return m.find() ? previous.substring(0, m.end(1)) : null;
    }

    private static String finish(String segment, String previous) {
        String s = stripQualifier(segment.trim());
        s = TRAILING_PUNCTUATION.matcher(s).replaceFirst("").trim();
        s = LEADING_JUNK.matcher(s).replaceFirst("");
        if (previous != null && isLevelFragment(s) && inheritableHead(previous) != null) {
            s = inheritableHead(previous) + " " + s;
        } else if (previous != null && isUnitFragment(s) && committeeHead(previous) != null) {
            s = committeeHead(previous) + " " + s;
        }
        return AgencyText.capitalise(s);
    }
}
