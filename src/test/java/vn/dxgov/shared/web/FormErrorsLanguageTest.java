package vn.dxgov.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.dxgov.shared.VietText;

/** A service's bilingual problem line as a page shows it: one language, no batch item number (issue 14). */
class FormErrorsLanguageTest {

    static final String LINE = "#2 (Tỷ lệ hồ sơ trực tuyến · Tỉnh Thanh Hóa · năm 2026): tử số (120) lớn hơn mẫu số"
            + " (100), tức tỷ lệ trên 100%; kiểm tra lại hai số / the numerator (120) is larger than the denominator"
            + " (100), a rate above 100%; check both figures";

    @Test
    void vietnameseReadsVietnameseOnly() {
        assertThat(FormErrors.inLanguage(LINE, VietText.VI)).isEqualTo("Tỷ lệ hồ sơ trực tuyến · Tỉnh Thanh Hóa · năm 2026:"
                + " tử số (120) lớn hơn mẫu số (100), tức tỷ lệ trên 100%; kiểm tra lại hai số");
    }

    @Test
    void englishReadsEnglishAfterTheNames() {
        assertThat(FormErrors.inLanguage(LINE, Locale.ENGLISH)).isEqualTo("Tỷ lệ hồ sơ trực tuyến · Tỉnh Thanh Hóa · năm 2026:"
                + " the numerator (120) is larger than the denominator (100), a rate above 100%; check both figures");
    }

    @Test
    void aLineInOneLanguageStaysWhole() {
        assertThat(FormErrors.inLanguage(List.of("Tiêu chí NT.2: không đọc được số \"ba\""), VietText.VI))
                .containsExactly("Tiêu chí NT.2: không đọc được số \"ba\"");
    }
}
