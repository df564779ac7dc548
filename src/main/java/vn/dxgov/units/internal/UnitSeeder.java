package vn.dxgov.units.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the administrative units of Vietnam bundled in {@code seed/units/} when the application is ready and the
 * admin_unit table is empty ({@code dxgov.seed.units}, default true). Runs before the other seeders, which need
 * the provinces to place plans.
 */
@Component
class UnitSeeder {

    private final UnitCsvLoader loader;
    private final boolean enabled;

    UnitSeeder(UnitCsvLoader loader, @Value("${dxgov.seed.units:true}") boolean enabled) {
        this.loader = loader;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onReady() {
        if (enabled) {
            loader.loadBundledIfEmpty();
        }
    }
}
