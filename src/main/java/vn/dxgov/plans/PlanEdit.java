package vn.dxgov.plans;

import java.time.LocalDate;

/** The metadata a steering official may correct on a plan. */
public record PlanEdit(PlanType type, String number, String title, String issuer, LocalDate issuedOn,
                       String provinceName, Integer periodStart, Integer periodEnd, Integer visionYear, Long parentId) {

    public static PlanEdit of(Plan p) {
        return new PlanEdit(p.type(), p.number(), p.title(), p.issuer(), p.issuedOn(), p.provinceName(),
                p.periodStart(), p.periodEnd(), p.visionYear(), p.parentId());
    }
}
