package vn.dxgov.plans;

import java.time.LocalDate;

/** A document a plan cites as the one it implements ("Thực hiện Nghị quyết số 06-NQ/TU ngày 10/11/2021 ..."). */
public record PlanReference(PlanType type, String number, LocalDate date, String issuer, String text) {
}
