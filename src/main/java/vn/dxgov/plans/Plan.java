package vn.dxgov.plans;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan: an issued document that sets targets and tasks.
 *
 * @param number       document number such as "06-NQ/TU"; null when the document does not show one
 * @param issuedOnText the issue date as written when it is incomplete ("ngày /01/2022")
 * @param provinceCode official code of the province, when known
 * @param parentId     the plan this one implements, when it is in dxgov
 * @param implementsRef the document this plan says it implements, as cited (whether or not it is in dxgov)
 */
public record Plan(long id, PlanStatus status, PlanType type, String number, String title, String issuer,
                   LocalDate issuedOn, String issuedOnText, String provinceCode, String provinceName,
                   Integer periodStart, Integer periodEnd, Integer visionYear, Long parentId,
                   PlanReference implementsRef, String sourceFilename, String sourceMediaType, int sourceSize,
                   String createdBy, Instant createdAt, String publishedBy, Instant publishedAt) {

    public boolean published() {
        return status == PlanStatus.PUBLISHED;
    }
}
