package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Big or odd inputs finish quickly (no runaway regular expressions). */
class LargeInputTest {

    @Test
    void aPlanTenTimesLongerStillParsesQuickly() {
        String seed = new String(TestDocuments.seedBytes(TestDocuments.SEED_001), StandardCharsets.UTF_8);
        String big = (seed + "\n").repeat(10);
        long start = System.nanoTime();
        ParsedPlan p = TestDocuments.parse("big.txt", big);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(p.tasks()).hasSizeGreaterThanOrEqualTo(103);
    }

    @Test
    void veryLongLinesDoNotHang() {
        String longLine = "- " + "Phấn đấu 10% hồ sơ của Nghị quyết số 06-NQ/TU ngày 10/11/2021 của Ban , ".repeat(3000);
        String text = "KẾ HOẠCH\nChuyển đổi số năm 2024\nII. MỤC TIÊU\n2. Mục tiêu cụ thể năm 2024\n" + longLine + "\n"
                + "x".repeat(200_000) + "\n" + "1".repeat(50_000) + "\n";
        long start = System.nanoTime();
        ParsedPlan p = TestDocuments.parse("long.txt", text);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(p.targets()).isNotEmpty();
    }

    @Test
    void onlyNoiseIsNotAPlan() {
        assertThatThrownBy(() -> TestDocuments.parse("noise.txt", "|||\n\t\t\n***\n---\n"))
                .isInstanceOf(NotAPlanException.class);
    }
}
