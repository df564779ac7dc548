package vn.dxgov.open.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;

/** The portal's pure parts: addresses (slugs, ids) and the chart's geometry, computed by hand. */
class OpenPartsTest {

    @Test
    void slugsAndIds() {
        assertThat(VietText.slug("Thanh Hóa")).isEqualTo("thanh-hoa");
        assertThat(VietText.slug("Bà Rịa – Vũng Tàu")).isEqualTo("ba-ria-vung-tau");
        assertThat(VietText.slug("  Đắk Lắk!! ")).isEqualTo("dak-lak");
        assertThat(VietText.slug("—")).isEmpty();
        String longTitle = OpenReader.slug("Chương trình hành động thực hiện Nghị quyết số 06-NQ/TU ngày 10/11/2021 "
                + "của Ban Thường vụ Tỉnh ủy về chuyển đổi số tỉnh Thanh Hóa");
        assertThat(longTitle).hasSizeLessThanOrEqualTo(60).startsWith("chuong-trinh-hanh-dong").doesNotEndWith("-");
        assertThat(OpenReader.slug("?!")).isEqualTo("x");
        assertThat(OpenLinks.id("12-ke-hoach")).hasValue(12L);
        assertThat(OpenLinks.id("12")).hasValue(12L);
        assertThat(OpenLinks.id("12ab")).isEmpty();
        assertThat(OpenLinks.id("ab-12")).isEmpty();
        assertThat(OpenLinks.id("99999999999999999999999")).isEmpty();
    }

    @Test
    void chartPlacesValuesPathAndTarget() {
        // 2021..2025 over x 56..624 (142 px a year); values 0..110 (100 + 8% headroom = 108 → 0..108) over y 248..16
        List<TrendChart.Value> values = List.of(new TrendChart.Value(2021, new BigDecimal("40"), false),
                new TrendChart.Value(2023, new BigDecimal("60.5"), true));
        TrendChart.Shapes c = TrendChart.chart(values, 2021, new BigDecimal("40"), 2025, new BigDecimal("100"),
                Numbers.VI);
        assertThat(c.dots()).extracting(TrendChart.Dot::x).containsExactly(56L, 340L);
        assertThat(c.dots()).extracting(TrendChart.Dot::label).containsExactly("40", "60,5");
        assertThat(c.dots().get(1).demo()).isTrue();
        assertThat(c.values()).isEqualTo("56,162 340,118");
        assertThat(c.target()).isEqualTo(new TrendChart.Line(56, 33, 624, 33));
        assertThat(c.path()).isEqualTo(new TrendChart.Line(56, 162, 624, 33));
        assertThat(c.deadline().x1()).isEqualTo(624);
        assertThat(c.xTicks()).extracting(TrendChart.Tick::label).containsExactly("2021", "2022", "2023", "2024", "2025");
        assertThat(c.yTicks()).extracting(TrendChart.Tick::label).containsExactly("0", "50", "100");
        assertThat(TrendChart.chart(List.of(), null, null, null, null, Numbers.VI).empty()).isTrue();
        assertThat(TrendChart.niceStep(27)).isEqualTo(50);
        assertThat(TrendChart.niceStep(0.3)).isEqualTo(0.5);
    }
}
