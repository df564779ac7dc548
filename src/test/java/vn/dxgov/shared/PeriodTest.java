package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesAndPrintsEveryForm() {
        for (String code : new String[]{"2025", "2025S1", "2025S2", "2025Q3", "2025-06", "2024-12"}) {
            assertThat(Period.parse(code).code()).isEqualTo(code);
        }
        assertThat(Period.parse(" 2025q3 ").code()).isEqualTo("2025Q3");
        assertThat(Period.parse("2025-06").type()).isEqualTo(Period.Type.MONTH);
    }

    @Test
    void refusesBadCodesWithAMessage() {
        for (String bad : new String[]{"", "25", "2025Q5", "2025S3", "2025-13", "2025-00", "năm 2025", "2025/06"}) {
            assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2025");
        }
    }

    @Test
    void knowsItsDaysAndNesting() {
        Period q3 = Period.parse("2025Q3");
        assertThat(q3.start()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(q3.end()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(Period.parse("2025S1").end()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(Period.year(2025).contains(q3)).isTrue();
        assertThat(Period.parse("2025S2").contains(q3)).isTrue();
        assertThat(Period.parse("2025S1").contains(q3)).isFalse();
        assertThat(q3.split(Period.Type.MONTH)).extracting(Period::code).containsExactly("2025-07", "2025-08", "2025-09");
        assertThat(Period.parse("2025-08").within(Period.Type.QUARTER)).isEqualTo(q3);
        assertThat(Period.containing(Period.Type.HALF, LocalDate.of(2025, 12, 5)).code()).isEqualTo("2025S2");
        assertThat(Period.parse("2025Q4").next().code()).isEqualTo("2026Q1");
        assertThat(Period.parse("2025-01").previous().code()).isEqualTo("2024-12");
        assertThat(Period.year(2025).compareTo(Period.parse("2025Q1"))).isNegative();
    }

    @Test
    void isNamedInVietnameseAndEnglish() {
        Locale vi = Locale.forLanguageTag("vi-VN");
        assertThat(Period.parse("2025").label(vi)).isEqualTo("Năm 2025");
        assertThat(Period.parse("2025S1").label(vi)).isEqualTo("6 tháng đầu năm 2025");
        assertThat(Period.parse("2025S2").label(vi)).isEqualTo("6 tháng cuối năm 2025");
        assertThat(Period.parse("2025Q3").label(vi)).isEqualTo("Quý III/2025");
        assertThat(Period.parse("2025Q4").label(vi)).isEqualTo("Quý IV/2025");
        assertThat(Period.parse("2025-06").label(vi)).isEqualTo("Tháng 06/2025");
        assertThat(Period.parse("2025").label(Locale.ENGLISH)).isEqualTo("Year 2025");
        assertThat(Period.parse("2025S1").label(Locale.ENGLISH)).isEqualTo("First half of 2025");
        assertThat(Period.parse("2025S2").label(Locale.ENGLISH)).isEqualTo("Second half of 2025");
        assertThat(Period.parse("2025Q3").label(Locale.ENGLISH)).isEqualTo("Q3 2025");
        assertThat(Period.parse("2025-06").label(Locale.ENGLISH)).isEqualTo("June 2025");
        // a code that is no period is shown as written
        assertThat(Period.label("2025Q3", vi)).isEqualTo("Quý III/2025");
        assertThat(Period.label("khác", vi)).isEqualTo("khác");
    }
}
