package vn.dxgov.plans.importing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.shared.VietText;

/**
 * Turns an issuing body as written in a header ("CỦA BAN THƯỜNG VỤ TỈNH ỦY", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA",
 * "UBND thành phố Thanh Hóa") into a readable name with its place ("Ban Thường vụ Tỉnh ủy Thanh Hóa",
 * "UBND tỉnh Thanh Hóa").
 */
final class IssuerNames {

    /** A known kind of body: its folded prefix, its readable name and whether it is a provincial body. */
    private record Body(String folded, String name, boolean provincial) {
    }

    private static final List<Body> BODIES = List.of(
            new Body("bo chinh tri", "Bộ Chính trị", false),
            new Body("ban chap hanh trung uong", "Ban Chấp hành Trung ương", false),
            new Body("ban bi thu", "Ban Bí thư", false),
            new Body("uy ban thuong vu quoc hoi", "Ủy ban Thường vụ Quốc hội", false),
            new Body("quoc hoi", "Quốc hội", false),
            new Body("thu tuong chinh phu", "Thủ tướng Chính phủ", false),
            new Body("van phong chinh phu", "Văn phòng Chính phủ", false),
            new Body("chinh phu", "Chính phủ", false),
            new Body("dang uy xa", "Đảng ủy xã", false),
            new Body("dang uy phuong", "Đảng ủy phường", false),
            new Body("dang uy thi tran", "Đảng ủy thị trấn", false),
            new Body("dang uy dac khu", "Đảng ủy đặc khu", false),
            new Body("ban thuong vu tinh uy", "Ban Thường vụ Tỉnh ủy", true),
            new Body("ban thuong vu thanh uy", "Ban Thường vụ Thành ủy", false),
            new Body("ban thuong vu huyen uy", "Ban Thường vụ Huyện ủy", false),
            new Body("ban thuong vu thi uy", "Ban Thường vụ Thị ủy", false),
            new Body("ban chap hanh dang bo tinh", "Ban Chấp hành Đảng bộ tỉnh", true),
            new Body("ban chap hanh dang bo thanh pho", "Ban Chấp hành Đảng bộ thành phố", false),
            new Body("ban chap hanh dang bo huyen", "Ban Chấp hành Đảng bộ huyện", false),
            new Body("ban chap hanh dang bo thi xa", "Ban Chấp hành Đảng bộ thị xã", false),
            new Body("ban can su dang uy ban nhan dan tinh", "Ban cán sự đảng UBND tỉnh", true),
            new Body("ban chi dao", "Ban Chỉ đạo", false),
            new Body("tinh uy", "Tỉnh ủy", true),
            new Body("thanh uy", "Thành ủy", false),
            new Body("huyen uy", "Huyện ủy", false),
            new Body("thi uy", "Thị ủy", false));

    /** People's committee or council followed by its level: "UBND tỉnh", "Ủy ban nhân dân thành phố" (folded). */
    private static final Pattern COMMITTEE = Pattern.compile(
            "^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\\.?\\s*(tinh|thanh pho|tp\\.?|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)?(?![a-z])\\s*(.*)$");
    /** A line that names an issuing body (folded). */
    static final Pattern ORG_LINE = Pattern.compile(
            "^(?:cua\\s+)?(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy"
                    + "|ban thuong vu|ban chap hanh|ban chi dao|ban can su|ban bi thu|dang doan|so (?!hieu|luong|lieu|ky hieu)[a-z]+|bo (?!phan|may|chi so|tieu chi)[a-z]+|chinh phu|thu tuong"
                    + "|quoc hoi|uy ban thuong vu quoc hoi"
                    + "|van phong)(?![a-z])");

    private IssuerNames() {
    }

    static boolean isOrgLine(String folded) {
        return ORG_LINE.matcher(folded).find() && folded.length() <= 110 && !folded.matches(".*\\d{1,2}/\\d{1,2}.*");
    }

    /**
     * A readable issuer. {@code province} (canonical, may be null) completes bodies written without their place.
     */
    static String normalise(String raw, String province, ProvinceLexicon provinces) {
        String name = name(raw, province, provinces);
        return name == null ? null : VietTones.classic(name);
    }

    private static String name(String raw, String province, ProvinceLexicon provinces) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = withoutNationalMotto(VietText.clean(raw.replaceAll("[\\s.:;,)(|]+$", "")));
        if (s.isEmpty()) {
            return null;
        }
        if (VietText.fold(s).startsWith("cua ")) {
            s = s.substring(s.indexOf(' ') + 1).strip();
        }
        Matcher title = TITLE_AFTER_ISSUER.matcher(VietText.foldAligned(s));
        if (title.find() && title.start() > 0) {
            s = s.substring(0, title.start()).strip(); // "CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW"
        }
        String folded = VietText.fold(s);
        String[] words = s.split(" ");
        Matcher c = COMMITTEE.matcher(folded);
        if (c.matches()) {
            String body = folded.startsWith("h") ? "HĐND" : "UBND";
            String level = c.group(2) == null ? null : readableLevel(c.group(2));
            String place = placeName(tail(words, wordCount(folded) - wordCount(c.group(3))), provinces);
            if (level == null) {
                return place.isEmpty() ? (province == null ? body + " tỉnh" : body + " tỉnh " + province) : body + " " + place;
            }
            if (place.isEmpty()) {
                return "tỉnh".equals(level) && province != null ? body + " tỉnh " + province : body + " " + level;
            }
            return body + " " + level + " " + place;
        }
        for (Body b : BODIES) {
            if (folded.equals(b.folded()) || folded.startsWith(b.folded() + " ")) {
                String place = placeName(tail(words, wordCount(b.folded())), provinces);
                if (place.isEmpty() && b.provincial() && province != null) {
                    place = province;
                }
                return place.isEmpty() ? b.name() : b.name() + " " + place;
            }
        }
        if (isUpper(s) && (folded.startsWith("bo ") || folded.startsWith("so "))) {
            return agencyCase(s); // "BỘ KHOA HỌC VÀ CÔNG NGHỆ" → "Bộ Khoa học và Công nghệ"
        }
        return isUpper(s) ? sentenceCase(s) : s;
    }

    /** Where a title goes on after the issuer on one line: "... thực hiện ...", "... triển khai ..." (folded). */
    private static final Pattern TITLE_AFTER_ISSUER = Pattern.compile("\\s(thuc hien|trien khai)\\s");

    /** Words of the header that a PDF or web copy puts on the issuer's line: the national name, the motto, the Party. */
    private static final Pattern MOTTO = Pattern.compile(
            "\\s*(cong hoa xa hoi chu nghia viet nam|doc lap\\s*[-–]\\s*tu do\\s*[-–]\\s*hanh phuc|dang cong san viet nam)\\s*");

    /** The issuer without the national name or the Party's name written beside it ("CHÍNH PHỦ CỘNG HÒA XÃ HỘI ..."). */
    static String withoutNationalMotto(String s) {
        String out = s;
        Matcher m = MOTTO.matcher(VietText.foldAligned(out));
        while (m.find()) {
            out = (out.substring(0, m.start()) + " " + out.substring(m.end())).strip();
            m = MOTTO.matcher(VietText.foldAligned(out));
        }
        return out.replaceAll("^[\\s|*-]+|[\\s|*-]+$", "");
    }

    /** A ministry or department in capitals, as it is written in running text. */
    private static String agencyCase(String s) {
        String[] words = s.toLowerCase(VietText.VI).split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean capital = i <= 1 || "và".equals(words[i - 1]) || words[i - 1].endsWith(",");
            sb.append(i == 0 ? "" : " ").append(capital && !w.isEmpty() ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return sb.toString();
    }

    private static String readableLevel(String foldedLevel) {
        return switch (foldedLevel.replace(".", "")) {
            case "tinh" -> "tỉnh";
            case "thanh pho", "tp" -> "thành phố";
            case "huyen" -> "huyện";
            case "quan" -> "quận";
            case "thi xa" -> "thị xã";
            case "xa" -> "xã";
            case "phuong" -> "phường";
            case "thi tran" -> "thị trấn";
            case "dac khu" -> "đặc khu";
            default -> foldedLevel;
        };
    }

    /** The place as a canonical province name when it is one, else in title case when written in capitals. */
    private static String placeName(String place, ProvinceLexicon provinces) {
        String p = place.strip();
        if (p.isEmpty()) {
            return "";
        }
        if (provinces != null) {
            var found = provinces.find(p);
            if (found.isPresent() && VietText.fold(found.get()).equals(VietText.fold(p))) {
                return found.get();
            }
        }
        return isUpper(p) ? titleCase(p) : p;
    }

    private static int wordCount(String s) {
        return s == null || s.isBlank() ? 0 : s.strip().split(" ").length;
    }

    private static String tail(String[] words, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, from); i < words.length; i++) {
            sb.append(sb.length() == 0 ? "" : " ").append(words[i]);
        }
        return sb.toString();
    }

    static boolean isUpper(String s) {
        boolean letters = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters = true;
                if (Character.isLowerCase(c)) {
                    return false;
                }
            }
        }
        return letters;
    }

    static String titleCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (String w : s.toLowerCase(VietText.VI).split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }

    private static String sentenceCase(String s) {
        String l = s.toLowerCase(VietText.VI);
        return l.isEmpty() ? l : Character.toUpperCase(l.charAt(0)) + l.substring(1);
    }
}
