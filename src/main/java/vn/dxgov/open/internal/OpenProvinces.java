package vn.dxgov.open.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.shared.VietText;
import vn.dxgov.units.AdminUnit;

/**
 * The provinces the portal shows: those with a published plan, each with its published plans (parents first). A
 * plan belongs to the province that judges its targets today ({@link PlanCatalog#province}): a plan of Bắc Kạn (merged
 * on 1/7/2025) is Thái Nguyên's. The province's address is its name without diacritics ({@link VietText#slug},
 * "thanh-hoa"); the names a plan gives its province, when they differ (an old province), stay as old addresses that
 * redirect to the new one. National plans (no province) are not on the portal.
 */
@Component
class OpenProvinces {

    /**
     * A province on the portal.
     *
     * @param code     official code of the province today ("38")
     * @param unitId   the administrative unit its targets are judged for, null when none is known
     * @param oldSlugs addresses of names its plans use that are not its name today
     */
    record Province(String slug, String code, String name, Long unitId, Set<String> oldSlugs, List<Plan> plans) {
    }

    private final PlanCatalog plans;
    private final Clock clock;
    /**
     * The province a plan's province code and dates resolve to on a day: the same for every plan of a province, read
     * from the units on every page otherwise (a reform of units takes effect the next day, or at a restart).
     */
    private final Map<String, Optional<AdminUnit>> resolved = new java.util.concurrent.ConcurrentHashMap<>();

    OpenProvinces(PlanCatalog plans, Optional<Clock> clock) {
        this.plans = plans;
        this.clock = clock.orElse(Clock.system(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every province with a published plan, in Vietnamese order of names. */
    List<Province> all() {
        LocalDate today = today();
        Map<String, Province> byCode = new LinkedHashMap<>();
        for (Plan p : plans.list()) {
            if (!p.published() || p.provinceCode() == null || p.provinceCode().isBlank()) {
                continue;
            }
            Optional<AdminUnit> unit = province(p, today);
            String code = unit.map(AdminUnit::code).orElse(p.provinceCode());
            String name = unit.map(AdminUnit::shortName)
                    .orElse(p.provinceName() == null || p.provinceName().isBlank() ? code : p.provinceName());
            Province pr = byCode.computeIfAbsent(code, c -> new Province(VietText.slug(name), c, name,
                    unit.map(AdminUnit::id).orElse(null), new LinkedHashSet<>(), new ArrayList<>()));
            pr.plans().add(p);
            String old = VietText.slug(p.provinceName());
            if (!old.isEmpty() && !old.equals(pr.slug())) {
                pr.oldSlugs().add(old);
            }
        }
        List<Province> out = new ArrayList<>(byCode.values());
        out.sort(Comparator.comparing(Province::name, VietText.collator()));
        return out;
    }

    private Optional<AdminUnit> province(Plan p, LocalDate today) {
        if (resolved.size() > 10_000) {
            resolved.clear();
        }
        String key = p.provinceCode() + "|" + p.issuedOn() + "|" + p.periodStart() + "|" + today;
        return resolved.computeIfAbsent(key, k -> plans.province(p, today));
    }

    /** The province at an address, or at one of its old addresses. */
    Optional<Province> find(String slug) {
        List<Province> all = all();
        return all.stream().filter(p -> p.slug().equals(slug)).findFirst()
                .or(() -> all.stream().filter(p -> p.oldSlugs().contains(slug)).findFirst());
    }

    /** The province of a published plan, when the plan is on the portal. */
    Optional<Province> ofPlan(long planId) {
        return all().stream().filter(p -> p.plans().stream().anyMatch(x -> x.id() == planId)).findFirst();
    }
}
