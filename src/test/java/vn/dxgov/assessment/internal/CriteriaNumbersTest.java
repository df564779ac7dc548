package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dxgov.assessment.CriteriaSetDocument.Step;
import vn.dxgov.shared.Numbers;

/** Criteria files and forms read numbers with the number grammar: Vietnamese in files, the person's language in forms. */
class CriteriaNumbersTest {

    @Test
    void filesAreVietnamese() {
        List<String> errors = new ArrayList<>();
        assertThat(CriteriaValues.parseNumber("1.000", "Tiêu chí, dòng 2, cột Điểm tối đa", errors)).isEqualByComparingTo("1000");
        assertThat(CriteriaValues.parseNumber("12,5", "x", errors)).isEqualByComparingTo("12.5");
        assertThat(CriteriaValues.parseNumber(" ", "x", errors)).isNull();
        assertThat(errors).isEmpty();
        assertThat(CriteriaValues.parseNumber("12.5", "Tiêu chí, dòng 3, cột Điểm đạt", errors)).isNull();
        assertThat(errors).containsExactly("Tiêu chí, dòng 3, cột Điểm đạt: “12.5” không phải là số viết kiểu Việt Nam: "
                + "viết 12.500 (mười hai nghìn năm trăm) hoặc 12,5 (mười hai phẩy năm). Dấu chấm tách từng nhóm ba chữ số "
                + "hàng nghìn, dấu phẩy là dấu thập phân.");
    }

    @Test
    void stepsReadAndWriteInTheSameGrammar() {
        List<String> errors = new ArrayList<>();
        List<Step> steps = CriteriaValues.steps("4=20; 0,5=2,5; 1.000=100", "Bậc điểm", errors);
        assertThat(errors).isEmpty();
        assertThat(steps).extracting(Step::at).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("4"), new BigDecimal("0.5"), new BigDecimal("1000"));
        assertThat(CriteriaValues.stepsText(steps)).isEqualTo("4=20; 0,5=2,5; 1.000=100");
        String english = CriteriaValues.stepsText(steps, Numbers.EN);
        assertThat(english).isEqualTo("4=20; 0.5=2.5; 1,000=100");
        assertThat(CriteriaValues.steps(english, "Steps", errors, Numbers.EN)).isEqualTo(steps);
        assertThat(errors).isEmpty();
    }

    @Test
    void validatorMessagesWriteVietnameseNumbers() {
        assertThat(CriteriaValidator.plain(new BigDecimal("1000.50"))).isEqualTo("1.000,5");
    }
}
