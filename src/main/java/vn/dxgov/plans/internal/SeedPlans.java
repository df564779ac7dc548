package vn.dxgov.plans.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Imports and publishes the seed plans (src/main/resources/seed/plans) at start through the ordinary import path,
 * so a newcomer sees real plans at once. Idempotent: a plan imported before is left as it is.
 */
@Component
class SeedPlans {

    private static final Logger log = LoggerFactory.getLogger(SeedPlans.class);

    private final PlanImportService importer;
    private final ImportRepository imports;
    private final PlanService plans;
    private final boolean enabled;

    SeedPlans(PlanImportService importer, ImportRepository imports, PlanService plans,
              @Value("${dxgov.seed.plans:true}") boolean enabled) {
        this.importer = importer;
        this.imports = imports;
        this.plans = plans;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void seed() {
        if (enabled) {
            importAll("classpath:seed/plans/*.txt");
        }
    }

    /** Imports and publishes every document matching the pattern, in file-name order. */
    public List<Long> importAll(String pattern) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        SecurityContextHolder.setContext(system);
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            return Arrays.stream(files).map(this::importOne).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list seed plans " + pattern, e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private Long importOne(Resource file) {
        try {
            byte[] bytes = file.getContentAsByteArray();
            PlanImportService.Outcome outcome = importer.importDocument(file.getFilename(), bytes, PlanImportService.Progress.NONE);
            if (outcome.created()) {
                long importId = imports.start(file.getFilename(), bytes.length, "system");
                imports.finish(importId, vn.dxgov.plans.ImportStatus.SUCCEEDED, outcome.planId(),
                        "Kế hoạch mẫu đã được nhập và công bố khi khởi động.", List.of(), outcome.report());
                plans.publish(outcome.planId());
                log.info("Seed plan {} imported and published as plan #{}", file.getFilename(), outcome.planId());
            }
            return outcome.planId();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read seed plan " + file.getFilename(), e);
        }
    }
}
