package vn.dxgov.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.plans.PlanStatus;
import vn.dxgov.plans.PlanType;
import vn.dxgov.units.AdminUnit;

/** Plans in memory for the reminder planning tests. */
class FakePlans implements PlanCatalog {

    final List<Plan> plans = new ArrayList<>();

    Plan add(long id, String title, PlanStatus status) {
        Plan p = new Plan(id, status, PlanType.PROGRAMME, null, title, "UBND tỉnh", null, null, "38", "Thanh Hóa",
                2021, 2025, 2030, null, null, "001.txt", "text/plain", 1, "steering", Instant.now(),
                null, null);
        plans.add(p);
        return p;
    }

    @Override
    public List<Plan> list() {
        return List.copyOf(plans);
    }

    /** Like the real catalogue for a leader: drafts are not visible. */
    @Override
    public Optional<Plan> find(long id) {
        return plans.stream().filter(p -> p.id() == id && p.published()).findFirst();
    }

    @Override
    public Optional<String> provinceOf(long id) {
        return plans.stream().filter(p -> p.id() == id).findFirst().map(Plan::provinceCode);
    }

    @Override
    public List<Plan> children(long id) {
        return List.of();
    }

    @Override
    public List<Long> visibleIds() {
        return plans.stream().filter(Plan::published).map(Plan::id).toList();
    }

    @Override
    public Optional<AdminUnit> province(Plan plan, LocalDate on) {
        return Optional.empty();
    }
}
