package vn.dxgov.units.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * Text operations on agency names: expansion of the abbreviations Vietnamese documents use ("Sở TT&TT",
 * "UBND", "KKT"), and the folded keys names are matched by. Pure functions.
 * <p>
 * Abbreviations are recognised diacritics-insensitively ("KH&ĐT" and "KH&DT") on a folded copy of the text that
 * keeps every character's position, and replaced in the original, so the rest of the name keeps its diacritics.
 */
final class AgencyText {

    private static final String BEFORE = "(?<![a-z0-9])";
    private static final String AFTER = "(?![a-z0-9])";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    /**
     * @param folded  pattern over folded text (lower case, no diacritics, đ as d)
     * @param display what the display form of a name shows
     * @param key     what the matching key is built from
     */
    private record Rule(Pattern folded, String display, String key) {
        static Rule of(String folded, String expansion) {
            return new Rule(Pattern.compile(BEFORE + "(?:" + folded + ")" + AFTER), expansion, expansion);
        }

        /** "TP." and "TP": the dot belongs to the abbreviation even when a name follows without a space. */
        static Rule dotted(String folded, String expansion) {
            return new Rule(Pattern.compile(BEFORE + "(?:" + folded + "\\.|" + folded + AFTER + ")"), expansion, expansion);
        }

        static Rule keepDisplay(String folded, String display, String key) {
            return new Rule(Pattern.compile(BEFORE + "(?:" + folded + ")" + AFTER), display, key);
        }
    }

    /** Longest and most specific first: whole-name acronyms, then two-part abbreviations, then single words. */
    private static final List<Rule> RULES = List.of(
            Rule.of("stttt", "Sở Thông tin và Truyền thông"),
            Rule.of("skh\\s*&?\\s*dt", "Sở Kế hoạch và Đầu tư"),
            Rule.of("skh\\s*&?\\s*cn", "Sở Khoa học và Công nghệ"),
            Rule.of("sgd\\s*&?\\s*dt", "Sở Giáo dục và Đào tạo"),
            Rule.of("stn\\s*&?\\s*mt", "Sở Tài nguyên và Môi trường"),
            Rule.of("snn\\s*&?\\s*ptnt", "Sở Nông nghiệp và Phát triển nông thôn"),
            Rule.of("sgtvt", "Sở Giao thông vận tải"),
            Rule.of("svhttdl", "Sở Văn hóa, Thể thao và Du lịch"),
            Rule.of("sldtbxh", "Sở Lao động - Thương binh và Xã hội"),
            Rule.keepDisplay("vp\\.?\\s*ubnd", "Văn phòng UBND", "Văn phòng Ủy ban nhân dân"),
            Rule.of("vh\\s*[,&-]?\\s*tt\\s*(?:[,&-]|va)?\\s*dl", "Văn hóa, Thể thao và Du lịch"),
            Rule.of("ld\\s*-?\\s*tb\\s*(?:[&-]|va)?\\s*xh", "Lao động - Thương binh và Xã hội"),
            Rule.of("tt\\s*(?:&|-|va)\\s*tt|tttt", "Thông tin và Truyền thông"),
            Rule.of("kh\\s*(?:&|-|va)?\\s*dt", "Kế hoạch và Đầu tư"),
            Rule.of("kh\\s*(?:&|-|va)?\\s*cn", "Khoa học và Công nghệ"),
            Rule.of("tn\\s*(?:&|-|va)?\\s*mt", "Tài nguyên và Môi trường"),
            Rule.of("nn\\s*(?:&|-|va)?\\s*ptnt", "Nông nghiệp và Phát triển nông thôn"),
            Rule.of("nn\\s*(?:&|-|va)?\\s*mt", "Nông nghiệp và Môi trường"),
            Rule.of("gd\\s*(?:&|-|va)?\\s*dt", "Giáo dục và Đào tạo"),
            Rule.of("gt\\s*[&-]?\\s*vt", "Giao thông vận tải"),
            Rule.of("dt\\s*(?:&|-|va)\\s*tg", "Dân tộc và Tôn giáo"),
            Rule.of("ubmttq\\s*(?:vn|viet nam)?", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
            Rule.of("mttq\\s*(?:vn|viet nam)?", "Mặt trận Tổ quốc Việt Nam"),
            Rule.of("tqvn", "Tổ quốc Việt Nam"),
            Rule.keepDisplay("ubnd", "UBND", "Ủy ban nhân dân"),
            Rule.keepDisplay("hdnd", "HĐND", "Hội đồng nhân dân"),
            Rule.of("dbqh", "đại biểu Quốc hội"),
            Rule.dotted("tp", "thành phố"),
            Rule.dotted("tx", "thị xã"),
            Rule.of("kkt", "Khu kinh tế"),
            Rule.of("kcn", "Khu công nghiệp"),
            Rule.of("hcc", "hành chính công"),
            Rule.of("cntt", "công nghệ thông tin"),
            Rule.of("nhnn", "Ngân hàng Nhà nước"),
            Rule.of("bhxh", "Bảo hiểm xã hội"),
            Rule.of("kbnn", "Kho bạc Nhà nước"),
            Rule.of("vksnd", "Viện Kiểm sát nhân dân"),
            Rule.of("tand", "Tòa án nhân dân"),
            Rule.of("thads", "Thi hành án dân sự"),
            Rule.of("bch\\s*qs", "Bộ Chỉ huy Quân sự"),
            Rule.of("pt\\s*-\\s*th|ptth", "Phát thanh - Truyền hình"),
            Rule.of("ldld", "Liên đoàn Lao động"),
            Rule.of("hlhpn", "Hội Liên hiệp Phụ nữ"),
            Rule.of("bql", "Ban Quản lý"),
            Rule.of("cds", "chuyển đổi số"),
            Rule.of("dn", "doanh nghiệp"),
            Rule.of("cty", "Công ty"),
            Rule.of("tw", "Trung ương"));

    private AgencyText() {
    }

    /** The name with abbreviations written out, except UBND and HĐND which stay as officials write them. */
    static String expandForDisplay(String name) {
        return expand(name, false);
    }

    /**
     * The key a name is matched by: abbreviations written out (UBND too), folded (no case, no diacritics, so "Hoá"
     * and "Hóa" agree), punctuation and the word "và" dropped, spaces collapsed. "Sở TT&TT", "STTTT" and
     * "Sở Thông tin và Truyền thông" share the key "so thong tin truyen thong".
     */
    static String key(String name) {
        return normalise(VietText.fold(expand(name, true)));
    }

    /** Like {@link #key} but without expanding abbreviations: the spelling as written, folded. */
    static String plainKey(String name) {
        return normalise(VietText.fold(VietText.clean(name)));
    }

    private static String normalise(String folded) {
        String s = NOT_ALNUM.matcher(folded).replaceAll(" ");
        s = (" " + s + " ").replace(" va ", " ");
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    private static String expand(String name, boolean forKey) {
        String text = VietText.clean(name);
        if (text == null) {
            return "";
        }
        for (Rule rule : RULES) {
            Matcher m = rule.folded().matcher(foldChars(text));
            if (!m.find()) {
                continue;
            }
            StringBuilder out = new StringBuilder();
            int last = 0;
            do {
                out.append(text, last, m.start()).append(forKey ? rule.key() : rule.display());
                last = m.end();
                if (last < text.length() && Character.isLetterOrDigit(text.charAt(last))) {
                    out.append(' ');  // "TP.Thanh Hóa"
                }
            } while (m.find());
            text = out.append(text, last, text.length()).toString();
        }
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /**
     * Folds character by character so that position i of the result is character i of the input: lower case, no
     * diacritics, đ as d. The input must be NFC (as {@link VietText#clean} makes it).
     */
    static String foldChars(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'đ' || c == 'Đ') {
                out[i] = 'd';
            } else if (c < 128) {
                out[i] = Character.toLowerCase(c);
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                out[i] = Character.toLowerCase(base.charAt(0));
            }
        }
        return new String(out);
    }

    /** Upper-cases the first letter: "các sở, ban, ngành" → "Các sở, ban, ngành". */
    static String capitalise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))) + text.substring(Character.charCount(first));
    }
}
