package vn.dxgov.assignments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.dxgov.assignments.Assignments.ImportRequest;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.units.AdminUnits;

/**
 * Loads Thanh Hóa's Quyết định 969/QĐ-UBND (18/3/2022) at start, through the ordinary CSV import, when the seed plans
 * of Thanh Hóa and the units are there. Idempotent: a decision already loaded is left as it is (with the communes the
 * steering department assigned since). {@code dxgov.seed.assignments=false} turns it off.
 */
@Component
class AssignmentSeeder {

    static final String FILE = "seed/assignments/thanhhoa-qd969-2022-dx-assignments.csv";
    static final String NUMBER = "969/QĐ-UBND";
    static final String TITLE = "Giao chỉ tiêu hoàn thành chuyển đổi số cấp huyện, cấp xã giai đoạn 2022-2025 (Quyết định 969/QĐ-UBND ngày 18/3/2022 của UBND tỉnh Thanh Hóa)";

    private static final Logger log = LoggerFactory.getLogger(AssignmentSeeder.class);

    private final DecisionRepository decisions;
    private final AssignmentImport importer;
    private final PlanCatalog plans;
    private final AdminUnits units;
    private final TargetCatalog targets;
    private final boolean enabled;

    AssignmentSeeder(DecisionRepository decisions, AssignmentImport importer, PlanCatalog plans, AdminUnits units,
                     TargetCatalog targets, @Value("${dxgov.seed.assignments:${dxgov.seed.plans:true}}") boolean enabled) {
        this.decisions = decisions;
        this.importer = importer;
        this.plans = plans;
        this.units = units;
        this.targets = targets;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(50)
    public void seed() {
        if (enabled) {
            load();
        }
    }

    /** Loads QĐ 969 unless it is there; false when the seed plans of Thanh Hóa or the units are missing. */
    boolean load() {
        boolean thanhHoaPlans = plans.list().stream().anyMatch(p -> "38".equals(p.provinceCode()) && p.published());
        if (!thanhHoaPlans || units.find("38", JdbcAssignments.LAST_DISTRICT_DAY).isEmpty()) {
            log.info("QĐ 969/QĐ-UBND not loaded: the seed plans of Thanh Hóa or the units are missing");
            return false;
        }
        if (decisions.find("38", NUMBER).isPresent()) {
            return true;
        }
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            Long target = seedTarget();
            importer.importCsv(new ImportRequest("38", NUMBER, TITLE, LocalDate.of(2022, 3, 18), target, false),
                    "thanhhoa-qd969-2022-dx-assignments.csv", in.readAllBytes());
            log.info("Assignments of QĐ 969/QĐ-UBND (Thanh Hóa) loaded");
            return true;
        } catch (vn.dxgov.shared.web.ApiException e) {
            log.warn("QĐ 969/QĐ-UBND not loaded: {} {}", e.messageKey(), e.details());
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + FILE, e);
        }
    }

    /** The provincial target QĐ 969 details: "06 huyện ... và 300 xã ... hoàn thành chuyển đổi số" of the resolution. */
    private Long seedTarget() {
        for (Plan p : plans.list()) {
            if (!"38".equals(p.provinceCode()) || !p.published() || p.type() != vn.dxgov.plans.PlanType.RESOLUTION) {
                continue;
            }
            for (Target t : targets.forPlan(p.id(), new TargetFilter(null, null, null, "hoàn thành chuyển đổi số"))) {
                if (t.kind() == TargetKind.COUNT && RoundFeed.level(t) != null) {
                    return t.id();
                }
            }
        }
        return null;
    }
}
