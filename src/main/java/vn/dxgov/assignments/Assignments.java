package vn.dxgov.assignments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.dxgov.units.UnitLevel;

/**
 * Target assignment (giao chỉ tiêu). A {@link Decision} (e.g. Quyết định 969/QĐ-UBND of Thanh Hóa) has tranches: a
 * level (districts or communes), a year and how many units must complete digital transformation (CĐS) by then; units
 * named in the document are assigned at import, the others by the steering department. An assignment is
 * {@link Status#DONE} when its unit (or, for a unit abolished in the 2025 reform, a successor) reached the highest
 * classification of a published assessment round of the tranche's year or earlier; otherwise {@link Status#PENDING}
 * until the end of that year and {@link Status#OVERDUE} after it.
 *
 * <p>Writes need the steering department or an administrator and are audited; leaders read everything; other users
 * read the decisions and their figures but not the per-unit lists. Refusals are {@code ApiException}s.
 */
public interface Assignments {

    enum Status {
        DONE, PENDING, OVERDUE
    }

    record Decision(long id, String provinceCode, String provinceName, String number, String title, LocalDate issuedOn,
                    String source, Long targetId, String createdBy, Instant createdAt, List<Tranche> tranches) {
    }

    /** @param named true when the document names the units (they are assigned at import) */
    record Tranche(long id, UnitLevel level, int year, int required, boolean named, String source) {
    }

    record Successor(long unitId, String code, String name, String share) {
    }

    /**
     * One unit assigned to a tranche, with its status.
     *
     * @param completedYear the year of the first published round where the unit (or a successor) completed CĐS, even
     *                      when after the tranche's year (then the status is OVERDUE: completed late)
     * @param viaSuccessor  completion was reached by a successor of a unit abolished in the reform
     * @param unitValidTo   last day of the unit (30/6/2025 for the communes merged on 1/7/2025), null while valid
     */
    record Assignment(long id, long decisionId, long trancheId, UnitLevel level, int year, long unitId, String unitCode,
                      String unitName, String namedAs, Status status, Integer completedYear, Long completedRoundId,
                      boolean viaSuccessor, LocalDate unitValidTo, List<Successor> successors, String assignedBy,
                      Instant assignedAt) {
    }

    /**
     * A tranche's figures. {@code done}: assigned units done by the tranche's year; {@code cumulative*}: this tranche
     * and the earlier ones of the same level; {@code completedInRounds}: every unit of the level in the province that
     * completed CĐS in published rounds up to the year, assigned or not (the value written to the count targets).
     */
    record Figure(long trancheId, UnitLevel level, int year, int required, int assigned, int done, int pending,
                  int overdue, int completedLate, int cumulativeRequired, int cumulativeDone, int completedInRounds) {
    }

    /** A decision with its figures; {@code assignments} only for the steering department, leaders and administrators. */
    record Rollup(Decision decision, List<Figure> figures, boolean unitsVisible, List<Assignment> assignments) {
    }

    /** What an import creates: the decision (province code, document number and title, issue date, optional target). */
    record ImportRequest(String provinceCode, String number, String title, LocalDate issuedOn, Long targetId,
                         boolean replace) {
    }

    record ImportResult(Decision decision, boolean created, int tranches, int namedUnits) {
    }

    /** One value written into a target's indicator from published rounds. */
    record FeedWrite(long targetId, long indicatorId, long unitId, String period, BigDecimal value, UnitLevel level,
                     String outcome) {
    }

    List<Decision> decisions();

    Decision decision(long id);

    Rollup rollup(long id);

    /** The assignments of a decision (steering department, leaders, administrators). */
    List<Assignment> assignments(long decisionId);

    /**
     * Imports a CSV ({@code level,year,units_to_complete_dx,unit_names,source}): every problem is named by row and
     * nothing is saved when there is one (400). An existing decision (province, number) is 409 unless {@code replace}.
     */
    ImportResult importCsv(ImportRequest request, String filename, byte[] content);

    /** Assigns units to the decision's tranche of a level and year (409 when over the tranche's count). */
    List<Assignment> assign(long decisionId, UnitLevel level, int year, List<Long> unitIds);

    void unassign(long decisionId, long unitId);

    /** Links the decision to the provincial target it details (null unlinks); that target is then fed by rounds. */
    Decision linkTarget(long decisionId, Long targetId);

    /** Year → units of a level in a province that completed CĐS in published rounds up to that year. */
    java.util.SortedMap<Integer, Integer> completions(String provinceCode, UnitLevel level);

    /** Writes the completions of published rounds into the count targets' indicators now (also done on each publication). */
    List<FeedWrite> feedTargets();
}
