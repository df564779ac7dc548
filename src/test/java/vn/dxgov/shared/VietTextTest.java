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
