package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates as people read them, and never a sentence with a hole where the date should be (issue 14). */
class VietDatesTest {

    static final Locale EN = Locale.ENGLISH;

    @Test
    void aDayIsDayFirstAndNoneIsADash() {
        assertThat(VietDates.day(LocalDate.of(2026, 12, 5))).isEqualTo("05/12/2026");
        assertThat(VietDates.day(null)).isEqualTo("—");
        assertThat(VietDates.dayOrEmpty(null)).isEmpty();
        assertThat(VietDates.time(Instant.parse("2026-12-05T03:00:00Z"))).isEqualTo("05/12/2026 10:00");
    }

    @Test
    void inADocumentTheDateIsWords() {
        assertThat(VietDates.words(LocalDate.of(2026, 12, 5))).isEqualTo("ngày 05 tháng 12 năm 2026");
        assertThat(VietDates.words(null)).isEqualTo("chưa ghi ngày");
        assertThat(VietDates.words(LocalDate.of(2026, 12, 5), EN)).isEqualTo("5 December 2026");
    }

    @Test
    void anIncompleteDateSaysWhatItKnowsNeverItsHoles() {
        Locale vi = VietText.VI;
        assertThat(VietDates.dayOrWritten(null, "ngày /01/2022", vi)).isEqualTo("tháng 01/2022 (chưa ghi ngày)");
        assertThat(VietDates.dayOrWritten(null, "ngày tháng năm 2021", vi)).isEqualTo("năm 2021 (chưa ghi ngày)");
        assertThat(VietDates.dayOrWritten(null, "ngày    tháng 3 năm 2024", vi)).isEqualTo("tháng 03/2024 (chưa ghi ngày)");
        assertThat(VietDates.dayOrWritten(null, "ngày tháng năm", vi)).isEqualTo("chưa ghi ngày");
        assertThat(VietDates.dayOrWritten(null, null, vi)).isEqualTo("—");
        assertThat(VietDates.dayOrWritten(LocalDate.of(2021, 11, 10), "ngày tháng năm 2021", vi)).isEqualTo("10/11/2021");
        assertThat(VietDates.dayOrWritten(null, "ngày /01/2022", EN)).isEqualTo("January 2022 (no day given)");
        assertThat(VietDates.dayOrWritten(null, "ngày tháng năm 2021", EN)).isEqualTo("2021 (no day given)");
        for (String written : new String[]{"ngày /01/2022", "ngày tháng năm 2021", "ngày  tháng  năm"}) {
            assertThat(VietDates.dayOrWritten(null, written, vi)).doesNotContain("ngày /").doesNotContain("ngày tháng");
        }
    }
}
