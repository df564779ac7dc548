package vn.dxgov.plans;

import static vn.dxgov.shared.web.Limits.Kind.NAME;
import static vn.dxgov.shared.web.Limits.Kind.TITLE;

import java.time.LocalDate;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.shared.web.YearRange;

/** The metadata a steering official may correct on a plan. */
public record PlanEdit(PlanType type, @MaxChars(NAME) String number, @MaxChars(TITLE) String title,
                       @MaxChars(NAME) String issuer, LocalDate issuedOn, @MaxChars(NAME) String provinceName,
                       @YearRange Integer periodStart, @YearRange Integer periodEnd, @YearRange Integer visionYear,
                       Long parentId) {

    public static PlanEdit of(Plan p) {
        return new PlanEdit(p.type(), p.number(), p.title(), p.issuer(), p.issuedOn(), p.provinceName(),
                p.periodStart(), p.periodEnd(), p.visionYear(), p.parentId());
    }
}
