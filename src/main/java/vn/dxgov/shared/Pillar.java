package vn.dxgov.shared;

/** The pillars (trụ cột) of a digital-transformation programme. */
public enum Pillar {
    /** chính quyền số */
    DIGITAL_GOVERNMENT,
    /** kinh tế số */
    DIGITAL_ECONOMY,
    /** xã hội số */
    DIGITAL_SOCIETY,
    /** nền tảng: nhận thức, thể chế, hạ tầng, nhân lực, an toàn thông tin */
    FOUNDATION;

    /** The message key of the pillar's display name. */
    public String messageKey() {
        return "pillar." + name();
    }

    /** Guesses the pillar a heading or sentence is about; {@code null} when it names none. */
    public static Pillar detect(String text) {
        String f = VietText.fold(text);
        if (f.contains("chinh quyen so") || f.contains("chinh quyen dien tu") || f.contains("chinh phu so") || f.contains("chinh phu dien tu")) {
            return DIGITAL_GOVERNMENT;
        }
        if (f.contains("kinh te so")) {
            return DIGITAL_ECONOMY;
        }
        if (f.contains("xa hoi so") || f.contains("do thi thong minh")) {
            return DIGITAL_SOCIETY;
        }
        return null;
    }
}
