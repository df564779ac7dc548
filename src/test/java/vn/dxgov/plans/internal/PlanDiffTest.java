package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dxgov.plans.internal.PlanDiff.Field;
import vn.dxgov.plans.internal.PlanDiff.Item;

/** Differences between two versions' items, worked out by hand. */
class PlanDiffTest {

    static Item item(long id, String code, String text, String value, String lead) {
        Map<Field, String> f = new EnumMap<>(Field.class);
        f.put(Field.VALUE, value);
        f.put(Field.LEAD, lead);
        return new Item(id, code, text, f);
    }

    static List<Item> plan(long firstId) {
        return List.of(
                item(firstId, "1", "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình đạt 80%", "≥ 80", "Văn phòng UBND tỉnh"),
                item(firstId + 1, "2", "Kinh tế số chiếm 20% GRDP", "≥ 20", "Sở Kế hoạch và Đầu tư"),
                item(firstId + 2, "3", "Có thêm 150 doanh nghiệp công nghệ số", "150", "Sở Thông tin và Truyền thông"),
                item(firstId + 3, "4", "Vận hành tổng đài 1022 của tỉnh", null, "Sở Thông tin và Truyền thông"));
    }

    @Test
    void spacingAroundPunctuationIsLayoutNotAChange() {
        // the same cell as Word writes it and as a PDF whose narrow cell wrapped after the hyphen gives it back
        assertThat(PlanDiff.key("giai đoạn 2022 -2025")).isEqualTo(PlanDiff.key("giai đoạn 2022- 2025"))
                .isEqualTo(PlanDiff.key("Giai đoạn 2022-2025"));
        assertThat(PlanDiff.key("Quyết định số 4505/QĐ- UBND")).isEqualTo(PlanDiff.key("Quyết định số 4505/QĐ-UBND"));
        // a different number or word stays a difference
        assertThat(PlanDiff.key("giai đoạn 2022-2025")).isNotEqualTo(PlanDiff.key("giai đoạn 2022-2026"));
        assertThat(PlanDiff.key("nông thôn")).isNotEqualTo(PlanDiff.key("nông; thôn"));
    }

    @Test
    void theSameItemsAreAllUnchangedAndPairedInOrder() {
        PlanDiff.Section s = PlanDiff.compare(plan(1), plan(11));
        assertThat(s.same()).isTrue();
        assertThat(s.unchanged()).isEqualTo(4);
        assertThat(s.unchangedPairs()).containsExactly(Map.entry(1L, 11L), Map.entry(2L, 12L), Map.entry(3L, 13L),
                Map.entry(4L, 14L));
    }

    @Test
    void aValueChangedInTheSentenceIsAValueChangeNotATextChange() {
        List<Item> after = new ArrayList<>(plan(11));
        after.set(1, item(12, "2", "Kinh tế số chiếm 25% GRDP", "≥ 25", "Sở Kế hoạch và Đầu tư"));
        after.set(2, item(13, "3", "Có thêm 150 doanh nghiệp công nghệ số", "150", "Sở Công Thương"));
        PlanDiff.Section s = PlanDiff.compare(plan(1), after);
        assertThat(s.added()).isEmpty();
        assertThat(s.removed()).isEmpty();
        assertThat(s.unchanged()).isEqualTo(2);
        assertThat(s.changed()).hasSize(2);
        PlanDiff.Change value = s.changed().get(0);
        assertThat(value.oldId()).isEqualTo(2);
        assertThat(value.newId()).isEqualTo(12);
        assertThat(value.fields()).containsExactly(new PlanDiff.FieldChange(Field.VALUE, "≥ 20", "≥ 25"));
        assertThat(s.changed().get(1).fields()).containsExactly(
                new PlanDiff.FieldChange(Field.LEAD, "Sở Thông tin và Truyền thông", "Sở Công Thương"));
        assertThat(s.unchangedPairs()).containsOnlyKeys(1L, 4L);
    }

    @Test
    void aReworderedTextIsATextChangeAndSomethingNewIsAddedNotPaired() {
        List<Item> after = new ArrayList<>(plan(11));
        after.set(3, item(14, "4", "Vận hành tổng đài 1022 của tỉnh và mở rộng đến cấp xã", null, "Sở Thông tin và Truyền thông"));
        after.add(item(15, "5", "Dưới 5% dân số trưởng thành chưa có điện thoại thông minh", "< 5", "Sở Công Thương"));
        List<Item> before = new ArrayList<>(plan(1));
        before.remove(0);
        PlanDiff.Section s = PlanDiff.compare(before, after);
        assertThat(s.changed()).singleElement().satisfies(c -> {
            assertThat(c.oldId()).isEqualTo(4);
            assertThat(c.fields()).extracting(PlanDiff.FieldChange::field).containsExactly(Field.TEXT);
        });
        assertThat(s.added()).extracting(PlanDiff.Entry::id).containsExactly(11L, 15L);
        assertThat(s.removed()).isEmpty();
        assertThat(s.unchanged()).isEqualTo(2);
    }

    @Test
    void somethingDroppedIsRemoved() {
        List<Item> after = new ArrayList<>(plan(11));
        after.remove(2);
        PlanDiff.Section s = PlanDiff.compare(plan(1), after);
        assertThat(s.removed()).extracting(PlanDiff.Entry::id).containsExactly(3L);
        assertThat(s.unchanged()).isEqualTo(3);
        assertThat(s.changed()).isEmpty();
    }
}
