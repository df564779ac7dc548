package vn.dxgov.units.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.AgencyKind;

/**
 * Agency names as documents write them: splitting a cell into names, the canonical form of a name, the keys it is
 * matched by, and the standard agency (from {@link AgencyCatalogue}) it stands for. Pure; no database.
 *
 * <h2>Splitting</h2>
 * A cell is cut on ";" and line breaks first. Each part is then cut on "," (and on "và" before "Sở", "UBND",
 * "Công an"...) only where the piece after the comma starts like an agency of its own ("Sở ...", "UBND ...",
 * "Các ...", "Trung tâm ...", a known name); other pieces stay with the name before them, so
 * "Sở Văn hóa, Thể thao và Du lịch" and "UBND các huyện, thị xã, thành phố" remain whole. Known names (the
 * catalogue's, and any the caller knows) are never cut. A bare level ("cấp xã") takes the head of the name before
 * it ("UBND cấp huyện; cấp xã" is "UBND cấp huyện", "UBND cấp xã"). Bullets, numbering, notes such as "(chủ trì)",
 * scope qualifiers such as "được triển khai" and trailing punctuation are dropped.
 *
 * <h2>Matching</h2>
 * Names are compared by {@link AgencyText#key key}: abbreviations written out, case, diacritics (so tone placement
 * "Hoá"/"Hóa"), punctuation and "và" ignored. The province of the document may trail a name ("Ngân hàng Nhà nước
 * Thanh Hóa", "Công an tỉnh Thanh Hóa"): such a name is the same agency as the one without it and the one with
 * "tỉnh" ("Ngân hàng Nhà nước tỉnh"), see {@link #keys}. "Ngân hàng Nhà nước chi nhánh tỉnh Thanh Hóa" and
 * "Ngân hàng Nhà nước Thanh Hóa" both reach the catalogue's "Ngân hàng Nhà nước chi nhánh tỉnh" (the second
 * through its alias), so they are one agency.
 */
public final class AgencyNames {

    /**
     * The province a document belongs to.
     *
     * @param names its names without type ("Thanh Hóa"); a code may have had more than one across eras
     * @param city  true for a centrally-run city, whose agencies are written "... thành phố" rather than "... tỉnh"
     */
    public record Province(List<String> names, boolean city) {
        public static final Province NONE = new Province(List.of(), false);

        public Province {
            names = List.copyOf(names);
        }
    }

    /** The standard agency a name stands for, and the name to create it under. */
    public record Standard(String name, AgencyKind kind, List<String> aliases) {
    }

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
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:…\\-–—]+$");
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
    private static final Pattern ENDS_WITH_UNIT_TYPE = Pattern.compile("(?:^| )(?:" + UNIT_TYPES + ")$");

    private final AgencyCatalogue catalogue;

    AgencyNames(AgencyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** With the standard catalogue bundled with dxgov. */
    public static AgencyNames standard() {
        return new AgencyNames(AgencyCatalogue.standard());
    }

    AgencyCatalogue catalogue() {
        return catalogue;
    }

    // ===== splitting

    /** The agency names in a cell, in the order written, without duplicates; empty for a blank cell. */
    public List<String> split(String cell) {
        return split(cell, name -> false);
    }

    /**
     * Like {@link #split(String)}, also keeping whole the names {@code alsoKnown} accepts (e.g. a province's agencies
     * whose reviewed names contain a comma).
     */
    public List<String> split(String cell, Predicate<String> alsoKnown) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        Predicate<String> known = text -> isStandardName(text) || alsoKnown.test(text);
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

    private boolean isStandardName(String text) {
        String key = AgencyText.key(text);
        return catalogue.exact(key).isPresent();
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
    private List<String> segments(String part, Predicate<String> known) {
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

    // ===== canonical form and keys

    /**
     * The name as dxgov shows it when it knows no better: abbreviations written out except UBND and HĐND
     * ("Trung tâm Phục vụ HCC tỉnh" → "Trung tâm Phục vụ hành chính công tỉnh"), first letter upper case.
     */
    public String canonical(String name) {
        String s = AgencyText.expandForDisplay(name);
        s = s.replaceAll("\\s+,", ",").replaceAll("\\s*[-–]\\s*", " - ");
        return AgencyText.capitalise(TRAILING_PUNCTUATION.matcher(s).replaceFirst("").trim());
    }

    /** The matching key of a name; see {@link AgencyText#key}. */
    public String key(String name) {
        return AgencyText.key(name);
    }

    /**
     * The keys a name of an agency of {@code province} may be stored under, most specific first: its key; the key
     * without the province's name or "tỉnh" at its end ("Ngân hàng Nhà nước Thanh Hóa" → "ngan hang nha nuoc"); that
     * base with "tỉnh", with the province's name, and with both; then the same for the spelling as written, without
     * abbreviations expanded (aliases are stored that way). The province's name is not removed after a unit type:
     * "UBND thành phố Thanh Hóa" is the committee of the city of Thanh Hóa.
     */
    public List<String> keys(String name, Province province) {
        Set<String> keys = new LinkedHashSet<>();
        addVariants(keys, AgencyText.key(name), province);
        addVariants(keys, AgencyText.plainKey(name), province);
        keys.remove("");
        return List.copyOf(keys);
    }

    private static void addVariants(Set<String> keys, String key, Province province) {
        keys.add(key);
        List<String> tiers = province.city() ? List.of("tinh", "thanh pho") : List.of("tinh");
        List<String> places = province.names().stream().map(AgencyText::key).filter(p -> !p.isEmpty()).toList();
        String base = base(key, tiers, places);
        if (base.isEmpty()) {
            return;
        }
        keys.add(base);
        keys.add(base + " tinh");
        for (String place : places) {
            keys.add(base + " " + place);
            keys.add(base + " tinh " + place);
        }
    }

    private static String base(String key, List<String> tiers, List<String> places) {
        for (String place : places) {
            for (String tier : tiers) {
                if (key.endsWith(" " + tier + " " + place)) {
                    return key.substring(0, key.length() - tier.length() - place.length() - 2);
                }
            }
        }
        for (String place : places) {
            if (key.endsWith(" " + place)) {
                String rest = key.substring(0, key.length() - place.length() - 1);
                if (!ENDS_WITH_UNIT_TYPE.matcher(rest).find()) {
                    return rest;
                }
            }
        }
        for (String tier : tiers) {
            if (key.endsWith(" " + tier)) {
                return key.substring(0, key.length() - tier.length() - 1);
            }
        }
        return key;
    }

    /**
     * The standard agency a name stands for: a catalogue name or alias with one of its {@link #keys}, else a
     * catalogue heading it starts with ("Báo Thanh Hóa"), which keeps the name as written.
     */
    public Optional<Standard> standard(String name, Province province) {
        List<String> keys = keys(name, province);
        for (String key : keys) {
            Optional<AgencyCatalogue.Entry> e = catalogue.exact(key);
            if (e.isPresent()) {
                return Optional.of(new Standard(e.get().name(), e.get().kind(), e.get().aliases()));
            }
        }
        // a heading is followed by a proper name, so only the name's own keys count, not the variants with "tỉnh"
        for (String key : List.of(AgencyText.key(name), AgencyText.plainKey(name))) {
            Optional<AgencyCatalogue.Entry> e = catalogue.heading(key);
            if (e.isPresent()) {
                return Optional.of(new Standard(canonical(name), e.get().kind(), List.of()));
            }
        }
        return Optional.empty();
    }

    /** True when two names stand for the same agency of a province. */
    public boolean sameAgency(String a, String b, Province province) {
        List<String> keysB = keys(b, province);
        if (keys(a, province).stream().anyMatch(keysB::contains)) {
            return true;
        }
        Optional<Standard> sa = standard(a, province);
        Optional<Standard> sb = standard(b, province);
        return sa.isPresent() && sb.isPresent() && AgencyText.key(sa.get().name()).equals(AgencyText.key(sb.get().name()));
    }

    /** A guess at the kind of an agency from how its name starts. */
    public AgencyKind guessKind(String name) {
        String k = " " + AgencyText.key(name) + " ";
        if (k.startsWith(" cac ") || k.startsWith(" he thong ") || k.matches(" uy ban nhan dan (cac|cap) .*")) {
            return AgencyKind.COLLECTIVE;
        }
        if (k.contains(" tinh uy ") || k.contains(" thanh uy ") || k.contains(" huyen uy ") || k.startsWith(" dang uy ")) {
            return AgencyKind.PARTY;
        }
        if (k.startsWith(" uy ban nhan dan ")) {
            return AgencyKind.PEOPLES_COMMITTEE;
        }
        if (k.contains(" mat tran to quoc ") || k.startsWith(" tinh doan ") || k.startsWith(" doan thanh nien ")
                || k.startsWith(" hoi ") || k.startsWith(" lien doan lao dong ") || k.startsWith(" lien minh ")
                || k.startsWith(" lien hiep ")) {
            return AgencyKind.MASS_ORGANISATION;
        }
        if (k.startsWith(" cong an ") || k.startsWith(" bo chi huy ") || k.startsWith(" bo doi ")) {
            return AgencyKind.SECURITY;
        }
        if (k.startsWith(" toa an ") || k.startsWith(" vien kiem ") || k.contains(" thi hanh an ")) {
            return AgencyKind.JUDICIARY;
        }
        if (k.startsWith(" ngan hang nha nuoc ") || k.startsWith(" cuc ") || k.startsWith(" chi cuc ")
                || k.startsWith(" kho bac ") || k.startsWith(" bao hiem xa hoi ")) {
            return AgencyKind.CENTRAL_BRANCH;
        }
        if (k.startsWith(" so ") || k.startsWith(" ban ") || k.startsWith(" van phong ") || k.startsWith(" thanh tra ")) {
            return AgencyKind.DEPARTMENT;
        }
        if (k.startsWith(" doanh nghiep ") || k.startsWith(" cong ty ") || k.startsWith(" tap doan ")
                || k.startsWith(" tong cong ty ") || k.startsWith(" dien luc ") || k.startsWith(" vnpt ")
                || k.startsWith(" viettel ") || k.startsWith(" vcci ") || k.startsWith(" hiep hoi ")
                || k.startsWith(" ngan hang ") || k.startsWith(" buu dien ")) {
            return AgencyKind.BUSINESS;
        }
        if (k.startsWith(" truong ") || k.startsWith(" benh vien ") || k.startsWith(" dai ") || k.startsWith(" bao ")
                || k.startsWith(" trung tam ") || k.startsWith(" vien ") || k.startsWith(" hoc vien ")) {
            return AgencyKind.PUBLIC_SERVICE_UNIT;
        }
        return AgencyKind.OTHER;
    }
}
