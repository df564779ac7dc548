package vn.dxgov.indicators.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.Formula;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;

/**
 * What an indicator draft must be before {@link JdbcIndicatorCatalog} stores it: normalised (defaults for missing
 * rules), a free code, rules that fit the value type, a formula that reads, refers to existing indicators and closes
 * no cycle, no change that stored values or other formulas contradict. Reads the catalogue, writes nothing.
 */
@Component
class IndicatorDraftRules {

    private final JdbcClient jdbc;

    IndicatorDraftRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the code is free (case-insensitive), ignoring one indicator. */
    boolean codeFree(String code, Long exceptId) {
        return jdbc.sql("select count(*) from indicator where upper(code) = upper(?) and id <> ?")
                .params(code, exceptId == null ? -1L : exceptId).query(Integer.class).single() == 0;
    }

    /** Trims texts, upper-cases the code, fills defaults for missing rules. */
    static IndicatorDraft normalise(IndicatorDraft d) {
        if (d == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of("name: bắt buộc / required"), "error.validation");
        }
        String code = blank(d.code()) == null ? null : d.code().trim().toUpperCase(Locale.ROOT);
        ValueType type = d.valueType() == null ? ValueType.NUMBER : d.valueType();
        UnitAggregation unitAgg = d.unitAggregation() != null ? d.unitAggregation()
                : type == ValueType.RATIO ? UnitAggregation.RATIO : type == ValueType.YES_NO ? UnitAggregation.MEAN : UnitAggregation.SUM;
        PeriodAggregation periodAgg = d.periodAggregation() == null ? PeriodAggregation.LAST : d.periodAggregation();
        Direction direction = d.direction() == null ? Direction.HIGHER : d.direction();
        String name = blank(d.name()) == null ? null : VietText.clean(d.name());
        return new IndicatorDraft(code, name, blank(d.unit()), type, direction, unitAgg, periodAgg, blank(d.formula()),
                d.decimals() == null ? 2 : d.decimals(), blank(d.description()));
    }

    static IndicatorDraft withCode(IndicatorDraft d, String code) {
        return new IndicatorDraft(code, d.name(), d.unit(), d.valueType(), d.direction(), d.unitAggregation(),
                d.periodAggregation(), d.formula(), d.decimals(), d.description());
    }

    /**
     * The problems of a (normalised) draft, one "field: vi / en" line each: code unique and made of letters, digits,
     * '-' and '_'; name required; rules that make sense for the value type; a formula that parses, refers only to
     * existing indicators, not to itself and not through a cycle; no type change that stored values contradict.
     */
    List<String> validate(Indicator current, IndicatorDraft d) {
        List<String> problems = new ArrayList<>();
        Long id = current == null ? null : current.id();
        if (d.code() != null) {
            if (!Formula.CODE.matcher(d.code()).matches()) {
                problems.add("code: chỉ gồm chữ cái không dấu, chữ số, '-' và '_', tối đa 40 ký tự / letters, digits, '-' and '_' only, at most 40");
            } else if (!codeFree(d.code(), id)) {
                problems.add("code: mã " + d.code() + " đã được dùng / code " + d.code() + " is taken");
            }
        }
        if (d.name() == null) {
            problems.add("name: bắt buộc / required");
        } else if (d.name().length() > 500) {
            problems.add("name: tối đa 500 ký tự / at most 500 characters");
        }
        if (d.decimals() < 0 || d.decimals() > 6) {
            problems.add("decimals: từ 0 đến 6 / between 0 and 6");
        }
        if (d.unitAggregation() == UnitAggregation.RATIO && d.valueType() != ValueType.RATIO) {
            problems.add("unitAggregation: cộng tử số và mẫu số chỉ dùng cho chỉ số tỷ lệ / RATIO needs a RATIO indicator");
        }
        if (d.valueType() == ValueType.RATIO && d.unitAggregation() == UnitAggregation.SUM) {
            problems.add("unitAggregation: không cộng các tỷ lệ phần trăm; chọn \"tỷ lệ (Σ tử số / Σ mẫu số)\" / percentages are not summed; choose RATIO");
        }
        if (d.valueType() == ValueType.YES_NO && d.periodAggregation() == PeriodAggregation.SUM) {
            problems.add("periodAggregation: không cộng dồn giá trị có/không theo kỳ / yes/no values are not summed over periods");
        }
        if (d.formula() != null) {
            if (d.valueType() == ValueType.RATIO) {
                problems.add("valueType: chỉ số tính theo công thức không có tử số, mẫu số; chọn \"số\" / a derived indicator is a NUMBER");
            }
            problems.addAll(formulaProblems(current, d));
            if (current != null && !current.derived() && hasValues(current.id())) {
                problems.add("formula: chỉ số đã có số liệu nhập trực tiếp, không chuyển thành chỉ số tính toán / it has stored values");
            }
        }
        if (current != null) {
            if (d.valueType() != current.valueType() && hasValues(current.id())
                    && !(current.valueType() == ValueType.RATIO && d.valueType() == ValueType.NUMBER)) {
                problems.add("valueType: chỉ số đã có số liệu kiểu " + current.valueType() + ", không đổi được / it has stored "
                        + current.valueType() + " values");
            }
            if (!d.code().equals(current.code())) {
                for (String user : usedInFormulas(current.code(), current.id())) {
                    problems.add("code: công thức của chỉ số " + user + " đang dùng mã " + current.code()
                            + " / the formula of " + user + " uses " + current.code());
                }
            }
        }
        return problems;
    }

    private List<String> formulaProblems(Indicator current, IndicatorDraft d) {
        List<String> problems = new ArrayList<>();
        Formula formula;
        try {
            formula = Formula.parse(d.formula());
        } catch (IllegalArgumentException e) {
            problems.add("formula: " + e.getMessage() + " / the formula cannot be read");
            return problems;
        }
        if (formula.references().isEmpty()) {
            problems.add("formula: công thức phải dùng ít nhất một mã chỉ số, ví dụ {A} / {B} * 100 / refer to at least one indicator");
            return problems;
        }
        String self = d.code() != null ? d.code() : current == null ? null : current.code();
        Map<String, String> formulas = new HashMap<>();
        Set<String> codes = new HashSet<>();
        jdbc.sql("select id, code, formula from indicator").query((rs, n) -> {
            if (current == null || rs.getLong(1) != current.id()) {
                codes.add(rs.getString(2));
                if (rs.getString(3) != null) {
                    formulas.put(rs.getString(2), rs.getString(3));
                }
            }
            return null;
        }).list();
        for (String ref : formula.references()) {
            if (ref.equals(self)) {
                problems.add("formula: công thức không được dùng chính mã " + ref + " / a formula cannot refer to its own code");
            } else if (!codes.contains(ref)) {
                problems.add("formula: không có chỉ số mã " + ref + " / no indicator " + ref);
            }
        }
        if (problems.isEmpty() && self != null) {
            List<String> cycle = cycleThrough(self, formula.references(), formulas);
            if (cycle != null) {
                problems.add("formula: vòng lặp " + String.join(" → ", cycle) + " / cycle " + String.join(" → ", cycle));
            }
        }
        return problems;
    }

    /** A path self → ... → self through the formulas, or null. */
    private static List<String> cycleThrough(String self, Set<String> start, Map<String, String> formulas) {
        Map<String, String> cameFrom = new HashMap<>();
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
        for (String s : start) {
            cameFrom.put(s, self);
            queue.add(s);
        }
        while (!queue.isEmpty()) {
            String code = queue.poll();
            String f = formulas.get(code);
            if (f == null) {
                continue;
            }
            Set<String> refs;
            try {
                refs = Formula.parse(f).references();
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (String r : refs) {
                if (r.equals(self)) {
                    List<String> path = new ArrayList<>();
                    path.add(self);
                    for (String c = code; c != null && !c.equals(self); c = cameFrom.get(c)) {
                        path.add(1, c);
                    }
                    path.add(self);
                    return path;
                }
                if (!cameFrom.containsKey(r)) {
                    cameFrom.put(r, code);
                    queue.add(r);
                }
            }
        }
        return null;
    }

    /** The codes of the indicators whose formulas use {@code code}. */
    List<String> usedInFormulas(String code, long exceptId) {
        List<String> users = new ArrayList<>();
        jdbc.sql("select code, formula from indicator where formula is not null and id <> ?").param(exceptId)
                .query((rs, n) -> {
                    try {
                        if (Formula.parse(rs.getString(2)).references().contains(code)) {
                            users.add(rs.getString(1));
                        }
                    } catch (IllegalArgumentException e) {
                        // an unreadable formula uses nothing
                    }
                    return null;
                }).list();
        return users;
    }

    boolean hasValues(long id) {
        return jdbc.sql("select exists (select 1 from data_value where indicator_id = ? and value is not null)")
                .param(id).query(Boolean.class).single();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
