package vn.dxgov.open.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.plans.PlanType;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.UnitLevel;

/**
 * Provinces on the portal after the 2025 reform: a plan of Bắc Kạn (merged into Thái Nguyên on 1/7/2025) is Thái
 * Nguyên's, under {@code /open/thai-nguyen}, and the old address {@code /open/bac-kan} still finds it; drafts and
 * national plans are not on the portal. Plans come from a fixed catalogue (what {@link PlanCatalog} answers).
 */
class OpenProvincesTest {

    static final AdminUnit THAI_NGUYEN = new AdminUnit(900, "19", "Tỉnh Thái Nguyên", UnitLevel.PROVINCE, "Tỉnh", null,
            LocalDate.of(2025, 7, 1), null);

    static Plan plan(long id, PlanStatus status, String code, String name) {
        return new Plan(id, status, PlanType.PLAN, null, "Kế hoạch " + id, null, LocalDate.of(2021, 1, 1), null, code,
                name, 2021, 2025, null, null, null, null, null, 0, "x", Instant.EPOCH, null, null);
    }

    @Test
    void aMergedProvincesPlansLiveUnderItsSuccessorAndTheOldAddressFindsThem() {
        List<Plan> list = List.of(plan(1, PlanStatus.PUBLISHED, "06", "Bắc Kạn"),
                plan(2, PlanStatus.PUBLISHED, "19", "Thái Nguyên"), plan(3, PlanStatus.DRAFT, "19", "Thái Nguyên"),
                plan(4, PlanStatus.PUBLISHED, null, null));
        PlanCatalog catalog = new PlanCatalog() {
            public List<Plan> list() {
                return list;
            }

            public Optional<Plan> find(long id) {
                return list.stream().filter(p -> p.id() == id).findFirst();
            }

            public Optional<String> provinceOf(long id) {
                return find(id).map(Plan::provinceCode);
            }

            public List<Plan> children(long id) {
                return List.of();
            }

            public List<Long> visibleIds() {
                return list.stream().map(Plan::id).toList();
            }

            public Optional<AdminUnit> province(Plan plan, LocalDate on) {
                return plan.provinceCode() == null ? Optional.empty() : Optional.of(THAI_NGUYEN);
            }
        };
        Clock august = Clock.fixed(Instant.parse("2025-08-01T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        OpenProvinces provinces = new OpenProvinces(catalog, Optional.of(august));
        List<OpenProvinces.Province> all = provinces.all();
        assertThat(all).hasSize(1);
        OpenProvinces.Province tn = all.get(0);
        assertThat(tn.slug()).isEqualTo("thai-nguyen");
        assertThat(tn.name()).isEqualTo("Thái Nguyên");
        assertThat(tn.code()).isEqualTo("19");
        assertThat(tn.plans()).extracting(Plan::id).containsExactly(1L, 2L);
        assertThat(tn.oldSlugs()).containsExactly("bac-kan");
        assertThat(provinces.find("bac-kan")).map(OpenProvinces.Province::slug).hasValue("thai-nguyen");
        assertThat(provinces.find("ha-noi")).isEmpty();
        assertThat(provinces.ofPlan(1)).isPresent();
        assertThat(provinces.ofPlan(3)).isEmpty();
        assertThat(provinces.ofPlan(4)).isEmpty();
        assertThat(OpenLinks.plan(tn, tn.plans().get(0))).isEqualTo("/open/thai-nguyen/plans/1-ke-hoach-1");
    }
}
