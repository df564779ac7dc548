package vn.dxgov.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Classification;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.assessment.CriteriaSetDocument.Step;
import vn.dxgov.assessment.RuleType;
import vn.dxgov.shared.Numbers;

/**
 * Checks a criteria set document and reports every problem with where it is: the JSON path of the node
 * ({@code nodes[1].children[0]}), the node's code and the field, so that an importer can name a row and a column.
 */
final class CriteriaValidator {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");

    /** A problem: {@code code} is the node's code when the problem belongs to a node, else null. */
    record Issue(String path, String code, String field, String message) {
        String asJsonPath() {
            return (path.isEmpty() ? field : path + (field == null ? "" : "." + field)) + ": " + message;
        }
    }

    private CriteriaValidator() {
    }

    static List<Issue> validate(CriteriaSetDocument d) {
        List<Issue> out = new ArrayList<>();
        if (d.code() == null || d.code().isBlank()) {
            out.add(new Issue("", null, "code", "thiếu mã bộ tiêu chí"));
        } else if (!CODE.matcher(d.code()).matches()) {
            out.add(new Issue("", null, "code", "mã \"" + d.code() + "\" chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 60 ký tự)"));
        }
        if (d.year() == null || d.year() < 2000 || d.year() > 2100) {
            out.add(new Issue("", null, "year", "năm áp dụng phải từ 2000 đến 2100"));
        }
        if (d.name() == null || d.name().isBlank()) {
            out.add(new Issue("", null, "name", "thiếu tên bộ tiêu chí"));
        }
        if (d.level() == null) {
            out.add(new Issue("", null, "level", "thiếu cấp đánh giá (PROVINCE, DISTRICT, COMMUNE)"));
        }
        if (d.topNodes().isEmpty()) {
            out.add(new Issue("", null, "nodes", "bộ tiêu chí chưa có nhóm hoặc tiêu chí nào"));
        }
        Set<String> codes = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean sumKnown = true;
        for (int i = 0; i < d.topNodes().size(); i++) {
            Node n = d.topNodes().get(i);
            node(n, "nodes[" + i + "]", codes, out);
            if (n == null || n.maxPoints() == null) {
                sumKnown = false;
            } else {
                sum = sum.add(n.maxPoints());
            }
        }
        if (d.maxPoints() == null) {
            out.add(new Issue("", null, "maxPoints", "thiếu tổng điểm tối đa"));
        } else if (sumKnown && d.maxPoints().compareTo(sum) != 0) {
            out.add(new Issue("", null, "maxPoints", "tổng điểm tối đa " + plain(d.maxPoints())
                    + " khác tổng điểm các nhóm, tiêu chí cấp trên cùng (" + plain(sum) + ")"));
        }
        classifications(d, out);
        return out;
    }

    /** Each classification level: a valid, unique code, a name, a minimum from 0 to the set's maximum. */
    private static void classifications(CriteriaSetDocument d, List<Issue> out) {
        Set<String> levelCodes = new HashSet<>();
        for (int i = 0; i < d.classificationList().size(); i++) {
            Classification c = d.classificationList().get(i);
            String path = "classifications[" + i + "]";
            if (c == null) {
                out.add(new Issue(path, null, null, "mức xếp loại trống"));
                continue;
            }
            if (c.code() == null || !CODE.matcher(c.code()).matches()) {
                out.add(new Issue(path, null, "code", "mã mức xếp loại thiếu hoặc không hợp lệ"));
            } else if (!levelCodes.add(c.code())) {
                out.add(new Issue(path, null, "code", "mã mức xếp loại \"" + c.code() + "\" bị trùng"));
            }
            if (c.name() == null || c.name().isBlank()) {
                out.add(new Issue(path, null, "name", "thiếu tên mức xếp loại"));
            }
            if (c.minPoints() == null || c.minPoints().signum() < 0
                    || (d.maxPoints() != null && c.minPoints().compareTo(d.maxPoints()) > 0)) {
                out.add(new Issue(path, null, "minPoints", "điểm tối thiểu phải từ 0 đến tổng điểm tối đa"));
            }
        }
    }

    private static void node(Node n, String path, Set<String> codes, List<Issue> out) {
        if (n == null) {
            out.add(new Issue(path, null, null, "nút trống"));
            return;
        }
        String code = n.code();
        if (code == null || code.isBlank()) {
            out.add(new Issue(path, null, "code", "thiếu mã"));
        } else if (!CODE.matcher(code).matches()) {
            out.add(new Issue(path, code, "code", "mã \"" + code + "\" chỉ gồm chữ không dấu, số, dấu chấm, gạch (tối đa 60 ký tự)"));
        } else if (!codes.add(code)) {
            out.add(new Issue(path, code, "code", "mã \"" + code + "\" bị trùng"));
        }
        if (n.name() == null || n.name().isBlank()) {
            out.add(new Issue(path, code, "name", "thiếu tên"));
        }
        BigDecimal max = n.maxPoints();
        if (max == null || max.signum() < 0) {
            out.add(new Issue(path, code, "maxPoints", "điểm tối đa phải là số không âm"));
            max = null;
        }
        if (n.group()) {
            group(n, path, max, codes, out);
        } else {
            criterion(n, path, max, out);
        }
    }

    /** A group: no rule, not mandatory, its children checked, its maximum the sum of theirs ({@code max} null: unknown). */
    private static void group(Node n, String path, BigDecimal max, Set<String> codes, List<Issue> out) {
        String code = n.code();
        if (n.rule() != null) {
            out.add(new Issue(path, code, "rule", "nhóm có tiêu chí con không có quy tắc chấm điểm riêng"));
        }
        if (n.isMandatory()) {
            out.add(new Issue(path, code, "mandatory", "chỉ tiêu chí (không phải nhóm) mới là bắt buộc"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean known = true;
        for (int i = 0; i < n.kids().size(); i++) {
            Node c = n.kids().get(i);
            node(c, path + ".children[" + i + "]", codes, out);
            if (c == null || c.maxPoints() == null) {
                known = false;
            } else {
                sum = sum.add(c.maxPoints());
            }
        }
        if (known && max != null && sum.compareTo(max) != 0) {
            out.add(new Issue(path, code, "maxPoints", "điểm tối đa của nhóm (" + plain(max)
                    + ") khác tổng điểm tối đa các tiêu chí con (" + plain(sum) + ")"));
        }
    }

    /** A criterion: a rule, steps where the rule needs them, an indicator for INDICATOR, a pass mark within the maximum. */
    private static void criterion(Node n, String path, BigDecimal max, List<Issue> out) {
        String code = n.code();
        if (n.rule() == null || n.rule().type() == null) {
            out.add(new Issue(path, code, "rule", "thiếu quy tắc chấm điểm (YES_NO, STEPS, RATIO, THRESHOLDS, INDICATOR, MANUAL)"));
            return;
        }
        RuleType type = n.rule().type();
        List<Step> steps = n.rule().stepList();
        if ((type == RuleType.STEPS || type == RuleType.THRESHOLDS) && steps.isEmpty()) {
            out.add(new Issue(path, code, "rule.steps", "quy tắc " + type + " cần ít nhất một bậc (ví dụ 4=20; 3=15)"));
        }
        if (type != RuleType.STEPS && type != RuleType.THRESHOLDS && type != RuleType.INDICATOR && !steps.isEmpty()) {
            out.add(new Issue(path, code, "rule.steps", "quy tắc " + type + " không dùng bậc điểm"));
        }
        steps(steps, path, code, max, out);
        if (type == RuleType.INDICATOR && (n.rule().indicator() == null || n.rule().indicator().isBlank())) {
            out.add(new Issue(path, code, "rule.indicator", "quy tắc INDICATOR cần mã chỉ số"));
        }
        if (n.passPoints() != null && (n.passPoints().signum() < 0 || (max != null && n.passPoints().compareTo(max) > 0))) {
            out.add(new Issue(path, code, "passPoints", "điểm đạt phải từ 0 đến điểm tối đa"));
        }
    }

    /** Each step complete, its level not repeated, its points from 0 to the criterion's maximum. */
    private static void steps(List<Step> steps, String path, String code, BigDecimal max, List<Issue> out) {
        Set<BigDecimal> ats = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String f = "rule.steps[" + i + "]";
            if (s == null || s.at() == null || s.points() == null) {
                out.add(new Issue(path, code, f, "mỗi bậc cần mức và số điểm"));
                continue;
            }
            if (!ats.add(s.at().stripTrailingZeros())) {
                out.add(new Issue(path, code, f, "mức " + plain(s.at()) + " bị lặp"));
            }
            if (s.points().signum() < 0 || (max != null && s.points().compareTo(max) > 0)) {
                out.add(new Issue(path, code, f, "điểm của bậc (" + plain(s.points()) + ") phải từ 0 đến điểm tối đa "
                        + (max == null ? "" : plain(max))));
            }
        }
    }

    /** A number in a (Vietnamese) problem message: the Vietnamese grammar ("1.000", "12,5"). */
    static String plain(BigDecimal v) {
        return Numbers.VI.value(v);
    }
}
