package vn.dxgov.units.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import vn.dxgov.units.AgencyKind;

/**
 * Agency names as documents write them: splitting a cell into names ({@link AgencySplitter}), the canonical form of a name, the keys it is
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
        return AgencySplitter.split(cell, text -> isStandardName(text) || alsoKnown.test(text));
    }

    private boolean isStandardName(String text) {
        String key = AgencyText.key(text);
        return catalogue.exact(key).isPresent();
    }

    // ===== canonical form and keys

    /**
     * The name as dxgov shows it when it knows no better: abbreviations written out except UBND and HĐND
     * ("Trung tâm Phục vụ HCC tỉnh" → "Trung tâm Phục vụ hành chính công tỉnh"), first letter upper case.
     */
    public String canonical(String name) {
        String s = AgencyText.expandForDisplay(name);
        s = s.replaceAll("\\s+,", ",").replaceAll("\\s*[-–]\\s*", " - ");
        return AgencyText.capitalise(AgencySplitter.TRAILING_PUNCTUATION.matcher(s).replaceFirst("").trim());
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
                if (!AgencySplitter.ENDS_WITH_UNIT_TYPE.matcher(rest).find()) {
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
