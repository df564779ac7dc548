package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietTextTest {

    @Test
    void foldIgnoresCaseDiacriticsToneAndSpaces() {
        assertThat(VietText.fold("Thanh Hóa")).isEqualTo("thanh hoa");
        assertThat(VietText.fold("THANH HOÁ")).isEqualTo("thanh hoa");
        assertThat(VietText.fold("Đắk Lắk")).isEqualTo("dak lak");
        assertThat(VietText.fold(" Sở\u00a0Thông\u2003tin\u200B  và ")).isEqualTo("so thong tin va");
        assertThat(VietText.fold(null)).isEmpty();
    }

    @Test
    void foldAlignedFoldsCharacterByCharacterKeepingPositions() {
        String text = "Kế hoạch  ĐẨY MẠNH\tchuyển đổi số";
        String folded = VietText.foldAligned(text);
        assertThat(folded).isEqualTo("ke hoach  day manh\tchuyen doi so").hasSameSizeAs(text);
        int at = folded.indexOf("chuyen doi so");
        assertThat(text.substring(at, at + "chuyen doi so".length())).isEqualTo("chuyển đổi số");
        assertThat(VietText.foldAligned("Đđ")).isEqualTo("dd");
        assertThat(VietText.foldAligned(null)).isEmpty();
    }

    @Test
    void foldAlignedAgreesWithFoldOnEveryVietnameseLetter() {
        // every vowel with every tone, upper and lower case, in NFC as documents hold them; đ and the consonants
        StringBuilder letters = new StringBuilder("bcdđghklmnpqrstvx");
        for (String vowel : List.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")) {
            for (String tone : List.of("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")) {
                letters.append(java.text.Normalizer.normalize(vowel + tone, java.text.Normalizer.Form.NFC));
            }
        }
        String all = letters + " " + letters.toString().toUpperCase(VietText.VI);
        for (int i = 0; i < all.length(); i++) {
            String c = all.substring(i, i + 1);
            assertThat(VietText.foldAligned(c)).as(c).isEqualTo(c.isBlank() ? c : VietText.fold(c));
        }
        assertThat(VietText.foldAligned(all).replaceAll("\\s+", " ")).isEqualTo(VietText.fold(all));
        assertThat(VietText.fold(all)).matches("[a-z ]+");
    }

    @Test
    void matchesNeedsEveryWord() {
        assertThat(VietText.matches("Kinh tế số chiếm 20% GRDP", "kinh te grdp")).isTrue();
        assertThat(VietText.matches("Kinh tế số chiếm 20% GRDP", "kinh te xa hoi")).isFalse();
        assertThat(VietText.matches("anything", "  ")).isTrue();
    }

    @Test
    void collatorSortsTheVietnameseWay() {
        List<String> names = new ArrayList<>(List.of("Đà Nẵng", "Điện Biên", "Bắc Giang", "An Giang", "Dak Nông", "Bà Rịa"));
        names.sort(VietText.collator());
        // Vietnamese order: a < ă < â ... d < đ
        assertThat(names).containsExactly("An Giang", "Bà Rịa", "Bắc Giang", "Dak Nông", "Đà Nẵng", "Điện Biên");
    }

    @Test
    void pillarsAreDetectedFromHeadings() {
        assertThat(Pillar.detect("a) Phát triển chính quyền số, nâng cao hiệu quả")).isEqualTo(Pillar.DIGITAL_GOVERNMENT);
        assertThat(Pillar.detect("Xây dựng Chính phủ điện tử")).isEqualTo(Pillar.DIGITAL_GOVERNMENT);
        assertThat(Pillar.detect("b, Về kinh tế số:")).isEqualTo(Pillar.DIGITAL_ECONOMY);
        assertThat(Pillar.detect("c) Phát triển xã hội số, thu hẹp khoảng cách số")).isEqualTo(Pillar.DIGITAL_SOCIETY);
        assertThat(Pillar.detect("Bảo đảm an toàn, an ninh mạng")).isNull();
    }
}
