package vn.dxgov.assessment;

import static vn.dxgov.shared.web.Limits.Kind.NAME;
import static vn.dxgov.shared.web.Limits.Kind.TEXT;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.dxgov.shared.web.Figure;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.shared.web.YearRange;
import vn.dxgov.units.UnitLevel;

/**
 * The content of a criteria set (bộ tiêu chí), as edited, imported and exported (JSON is exactly this record).
 *
 * @param code            stable code of the set across years, e.g. {@code DTI-922-TINH}; (code, year) is one version
 * @param year            the year the version applies to
 * @param level           the level of the units it assesses
 * @param example         true for an editable example that is not an official set
 * @param maxPoints       total maximum points; equals the sum of the top nodes' maximum points
 * @param classifications levels of classification (xếp loại), any order; the highest reached applies
 * @param nodes           the tree: a node with children is a group whose maximum is the sum of its children's; a node
 *                        without children is a criterion and has a rule
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CriteriaSetDocument(@MaxChars(NAME) String code, @YearRange Integer year, @MaxChars(NAME) String name,
                                  UnitLevel level, @MaxChars(TEXT) String description, Boolean example,
                                  @Figure(integerDigits = 10, decimals = 2) BigDecimal maxPoints,
                                  List<@Valid Classification> classifications, List<@Valid Node> nodes) {

    /**
     * A group or a criterion.
     *
     * @param mandatory  a mandatory criterion (tiêu chí bắt buộc) must be met for the levels that require it
     * @param passPoints points a mandatory criterion needs to count as met; null: its maximum
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(@MaxChars(NAME) String code, @MaxChars(TEXT) String name,
                       @Figure(integerDigits = 10, decimals = 2) BigDecimal maxPoints, Boolean mandatory,
                       @Figure(integerDigits = 10, decimals = 2) BigDecimal passPoints, @Valid Rule rule,
                       @MaxChars(TEXT) String note, List<@Valid Node> children) {

        public boolean group() {
            return children != null && !children.isEmpty();
        }

        public boolean isMandatory() {
            return Boolean.TRUE.equals(mandatory);
        }

        public List<Node> kids() {
            return children == null ? List.of() : children;
        }
    }

    /**
     * A scoring rule.
     *
     * @param steps         STEPS: (count reached, points); THRESHOLDS and INDICATOR: (threshold, points)
     * @param indicator     INDICATOR: the indicator's code
     * @param lowerIsBetter THRESHOLDS and INDICATOR: a value at or below a threshold reaches it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(RuleType type, List<@Valid Step> steps, @MaxChars(NAME) String indicator, Boolean lowerIsBetter) {

        public boolean lower() {
            return Boolean.TRUE.equals(lowerIsBetter);
        }

        public List<Step> stepList() {
            return steps == null ? List.of() : steps;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(@Figure(integerDigits = 14, decimals = 4) BigDecimal at,
                       @Figure(integerDigits = 10, decimals = 2) BigDecimal points) {
    }

    /**
     * A classification level, e.g. "Hoàn thành chuyển đổi số" at 80 points or more with every mandatory criterion met.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Classification(@MaxChars(NAME) String code, @MaxChars(NAME) String name,
                                 @Figure(integerDigits = 10, decimals = 2) BigDecimal minPoints, Boolean requiresMandatory) {

        public boolean mandatoryRequired() {
            return Boolean.TRUE.equals(requiresMandatory);
        }
    }

    public boolean isExample() {
        return Boolean.TRUE.equals(example);
    }

    public List<Node> topNodes() {
        return nodes == null ? List.of() : nodes;
    }

    public List<Classification> classificationList() {
        return classifications == null ? List.of() : classifications;
    }

    /** Every node, depth first, parents before children. */
    public List<Node> allNodes() {
        List<Node> out = new ArrayList<>();
        collect(topNodes(), out);
        return out;
    }

    /** The criteria (leaves), in order. */
    public List<Node> criteria() {
        return allNodes().stream().filter(n -> !n.group()).toList();
    }

    private static void collect(List<Node> nodes, List<Node> out) {
        for (Node n : nodes) {
            out.add(n);
            collect(n.kids(), out);
        }
    }
}
