package vn.dxgov.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanReference;
import vn.dxgov.plans.PlanType;
import org.junit.jupiter.api.Test;

/** Which plan in dxgov a citation names, including a programme cited without its number. */
class PlanLinksTest {

    private static final PlanReference UNNUMBERED_PROGRAMME = new PlanReference(PlanType.PROGRAMME, null, null,
            "Chính phủ", "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị");

    @Test
    void anUnnumberedProgrammeLinksToTheResolutionItImplements() {
        assertThat(PlanLinks.citedThrough(UNNUMBERED_PROGRAMME.text(), plan("57-NQ/TW"))).isTrue();
        assertThat(PlanLinks.citedThrough(UNNUMBERED_PROGRAMME.text(), plan("57 -NQ/TW"))).isTrue();
    }

    @Test
    void anotherNumberOrOneThatOnlyContainsItIsNotCited() {
        assertThat(PlanLinks.citedThrough(UNNUMBERED_PROGRAMME.text(), plan("157-NQ/TW"))).isFalse();
        assertThat(PlanLinks.citedThrough(UNNUMBERED_PROGRAMME.text(), plan("57-NQ/TU"))).isFalse();
        assertThat(PlanLinks.citedThrough(UNNUMBERED_PROGRAMME.text(), plan(null))).isFalse();
        assertThat(PlanLinks.citedThrough(null, plan("57-NQ/TW"))).isFalse();
    }

    private static Plan plan(String number) {
        return new Plan(1, vn.dxgov.plans.PlanStatus.PUBLISHED, PlanType.RESOLUTION, number,
                "Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", "Bộ Chính trị",
                LocalDate.of(2024, 12, 22), null, null, null, 2025, 2030, 2045, null, null, "57.txt", "text/plain", 1,
                "admin", null, null, null);
    }
}
