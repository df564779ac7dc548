package vn.dxgov.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Criteria sets (bộ tiêu chí), one version per code and year. Every write is validated (an {@code ApiException} 400
 * lists each problem with its row or field; nothing is saved then), audited, and refused for a version that a
 * round uses. Writes need the steering department or an administrator.
 */
public interface CriteriaSets {

    List<CriteriaSet> list();

    Optional<CriteriaSet> find(long id);

    Optional<CriteriaSet> find(String code, int year);

    CriteriaSet create(CriteriaSetDocument document);

    CriteriaSet update(long id, CriteriaSetDocument document);

    void delete(long id);

    /** A new version of a set for another year, with the same content. */
    CriteriaSet copy(long id, int year);

    /** Imports a .xlsx or .json file (by name and content); with {@code replace} an existing (code, year) is replaced. */
    CriteriaSet importFile(String filename, byte[] content, boolean replace);

    byte[] exportXlsx(long id);

    byte[] exportJson(long id);

    /** Validates a document and returns the problems (empty when valid), with JSON field paths. */
    List<String> validate(CriteriaSetDocument document);

    /**
     * Scores inputs against a set: criterion code → what was reported; indicator criteria read the unit's values for
     * the year (unitId may be null, then they score 0).
     */
    SetScore score(CriteriaSetDocument document, Map<String, CriterionInput> inputs, Long unitId, int year);

    /** Totals, ratios, mandatory criteria and classification from final points per criterion code. */
    SetScore total(CriteriaSetDocument document, Map<String, java.math.BigDecimal> criterionPoints);
}
