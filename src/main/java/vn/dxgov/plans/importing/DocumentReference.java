package vn.dxgov.plans.importing;

import java.time.LocalDate;
import vn.dxgov.plans.PlanType;

/**
 * A document cited by the plan, e.g. the resolution it implements ("Nghị quyết số 06-NQ/TU ngày 10/11/2021 của Ban
 * Thường vụ Tỉnh ủy").
 *
 * @param type   its type when it is one of the plan types, else null (Chỉ thị, Luật, ...)
 * @param number its number, spaces removed ("06-NQ/TU")
 * @param text   the citation as written
 */
public record DocumentReference(PlanType type, String number, LocalDate date, String issuer, String text) {
}
