package vn.dxgov.plans;

import java.util.List;

/**
 * Published (within the import's transaction) when a document becomes a draft plan, with the reporting duties the
 * document states, so that the reporting module can set up the plan's schedule.
 *
 * @param provinceCode the plan's province, when known
 * @param duties       the recurring reporting obligations the document states, in document order
 */
public record PlanImported(long planId, String provinceCode, Integer periodStart, Integer periodEnd,
                           java.time.LocalDate issuedOn, List<Duty> duties) {

    /**
     * @param who          the agency that reports, when the document says so ("gửi Sở Thông tin và Truyền thông" is the
     *                     recipient, not who)
     * @param frequency    ANNUAL, SEMI_ANNUAL, QUARTERLY or MONTHLY
     * @param dueDayMonths due days as "dd/MM", possibly empty
     */
    public record Duty(int line, String text, String who, String frequency, List<String> dueDayMonths) {
    }
}
