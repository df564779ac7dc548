package vn.dxgov.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;

/** Numbers given to messages are written by the grammar, not by MessageFormat: "năm 2025", never "năm 2.025". */
class NumberArgumentsTest {

    final MessageSource messages = new WebConfig().messageSource();

    @Test
    void yearsAndIdsAreNeverGrouped() {
        assertThat(messages.getMessage("plan.deadline", new Object[]{2025}, VietText.VI)).isEqualTo("Đến năm 2025");
        assertThat(messages.getMessage("import.done", new Object[]{10234L}, VietText.VI)).contains("#10234");
        assertThat(messages.getMessage("error.notFound", new Object[]{"kế hoạch", 12345L}, VietText.VI))
                .isEqualTo("Không tìm thấy kế hoạch 12345.");
    }

    @Test
    void decimalsAreFiguresInTheMessagesLanguage() {
        assertThat(WebConfig.NumberArguments.written(new BigDecimal("1234.5"), VietText.VI)).isEqualTo("1.234,5");
        assertThat(WebConfig.NumberArguments.written(0.25, VietText.VI)).isEqualTo("0,25");
        assertThat(WebConfig.NumberArguments.written(new BigDecimal("1234.5"), Locale.ENGLISH)).isEqualTo("1,234.5");
        assertThat(WebConfig.NumberArguments.written(2025, Locale.ENGLISH)).isEqualTo("2025");
    }

    @Test
    void aLargeCountIsPassedGrouped() {
        assertThat(messages.getMessage("units.count", new Object[]{Numbers.VI.count(3355)}, VietText.VI))
                .isEqualTo("3.355 đơn vị");
    }
}
