package vn.dxgov.indicators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.dxgov.indicators.DataValue;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.Period;
import vn.dxgov.units.AdminUnit;

/**
 * What a batch of data values must be before anything is written: known indicator and unit, a period, figures that
 * fit the column and the indicator's type (a ratio's numerator and denominator, yes/no as 1 or 0), no line twice.
 * Every problem is one bilingual line naming the item ("#3 (1.2 · xã Định Tân · 2025)"); no database, no writes:
 * {@link JdbcDataValueStore} looks up the indicators and units and writes what passes.
 */
final class DataValueCheck {

    static final int SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal LIMIT = new BigDecimal("1e18");

    private DataValueCheck() {
    }

    /** A normalised, valid input. */
    record Clean(int index, long indicatorId, long unitId, String period, BigDecimal value,
                         BigDecimal numerator, BigDecimal denominator, String comment, Long agencyId,
                         boolean contribution, Integer version) {
        boolean delete() {
            return value == null;
        }

        Key key() {
            return new Key(indicatorId, unitId, period, contribution ? agencyId : 0L);
        }
    }

    /** A line: the official one ({@code contributor} 0) or an agency's contribution. */
    record Key(long indicatorId, long unitId, String period, long contributor) {
        static Key of(DataValue v) {
            return new Key(v.indicatorId(), v.unitId(), v.period(), v.contribution() ? v.agencyId() : 0L);
        }
    }

    /** The indicators and units a batch names (null values for unknown ids). */
    record Lookups(Map<Long, Indicator> indicators, Map<Long, AdminUnit> units) {
    }

    /**
     * The problems of a batch, one line each; the valid inputs (the first of duplicates) go to {@code out} when given.
     * Items are numbered {@code numbering[i]} (1-based; i + 1 when null).
     */
    static List<String> check(List<DataValueInput> inputs, int[] numbering, List<Clean> out, Lookups found) {
        Map<Long, Indicator> byId = found.indicators();
        Map<Long, AdminUnit> unitById = found.units();
        List<String> problems = new ArrayList<>();
        Map<Key, Integer> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            DataValueInput in = inputs.get(i);
            int number = numbering == null ? i + 1 : numbering[i];
            Clean c = validate(number, in, byId.get(in.indicatorId()), unitById.get(in.unitId()), problems);
            if (c != null) {
                Integer first = seen.putIfAbsent(c.key(), c.index());
                if (first != null) {
                    problems.add(label(c.index(), byId.get(c.indicatorId()), unitById.get(c.unitId()), c.period())
                            + ": trùng với mục #" + first + " (cùng chỉ số, đơn vị, kỳ) / duplicates item #" + first);
                } else if (out != null) {
                    out.add(c);
                }
            }
        }
        return problems;
    }

    /** One input: its problems added to {@code problems}, the normalised input returned when it has none. */
    static Clean validate(int index, DataValueInput in, Indicator indicator, AdminUnit unit, List<String> problems) {
        String where = label(index, indicator, unit, in.period());
        int before = problems.size();
        known(where, in, indicator, unit, problems);
        String period = null;
        try {
            period = Period.parse(in.period()).code();
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage() + " / invalid period");
        }
        String comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().trim();
        if (comment != null && comment.length() > 4000) {
            problems.add(where + ": ghi chú tối đa 4000 ký tự / comment too long");
        }
        BigDecimal value = round(in.value());
        BigDecimal num = round(in.numerator());
        BigDecimal den = round(in.denominator());
        magnitudes(where, new BigDecimal[]{in.value(), in.numerator(), in.denominator()},
                new BigDecimal[]{value, num, den}, problems);
        boolean delete = value == null && num == null && den == null;
        if (indicator != null && !delete) {
            value = switch (indicator.valueType()) {
                case RATIO -> ratioFigures(where, indicator, value, num, den, problems);
                case YES_NO -> yesNoFigure(where, value, num, den, problems);
                case NUMBER -> numberFigure(where, value, num, den, problems);
            };
        }
        if (problems.size() > before || indicator == null || unit == null) {
            return null;
        }
        if (delete || indicator.valueType() != ValueType.RATIO) {
            num = null;
            den = null;
        }
        if (in.version() != null && in.version() < 0) {
            problems.add(where + ": phiên bản phải ≥ 0 / version must be ≥ 0");
            return null;
        }
        return new Clean(index, indicator.id(), unit.id(), period, delete ? null : value, num, den, comment,
                in.agencyId(), in.contribution(), in.version());
    }

    /** The indicator and the unit exist, and the indicator is entered (not derived). */
    private static void known(String where, DataValueInput in, Indicator indicator, AdminUnit unit,
                              List<String> problems) {
        if (indicator == null) {
            problems.add(where + ": không có chỉ số #" + in.indicatorId() + " / no indicator " + in.indicatorId());
        } else if (indicator.derived()) {
            problems.add(where + ": chỉ số " + indicator.code() + " được tính theo công thức, không nhập trực tiếp / "
                    + "a derived indicator is computed, not entered");
        }
        if (unit == null) {
            problems.add(where + ": không có đơn vị hành chính #" + in.unitId() + " / no administrative unit " + in.unitId());
        }
    }

    /** The figures fit the column: under 10^18, and not turned into 0 by the 6 decimals kept (one problem at most). */
    private static void magnitudes(String where, BigDecimal[] given, BigDecimal[] kept, List<String> problems) {
        for (int k = 0; k < 3; k++) {
            if (kept[k] != null && kept[k].abs().compareTo(LIMIT) >= 0) {
                problems.add(where + ": số quá lớn (tối đa 18 chữ số phần nguyên) / number too large (at most 18 digits"
                        + " before the decimal mark)");
                return;
            }
            // a figure that is not zero must not become zero by the 6 decimals kept (1e-308 was stored as 0)
            if (kept[k] != null && kept[k].signum() == 0 && given[k].signum() != 0) {
                problems.add(where + ": số quá nhỏ: chỉ lưu được 6 chữ số thập phân, số này sẽ thành 0 / number too"
                        + " small: 6 decimals are kept and it would become 0");
                return;
            }
        }
    }

    /** A RATIO: numerator ≥ 0, denominator &gt; 0, a given value agreeing with them; returns the computed value. */
    private static BigDecimal ratioFigures(String where, Indicator indicator, BigDecimal value, BigDecimal num,
                                           BigDecimal den, List<String> problems) {
        if (num == null || den == null) {
            problems.add(where + ": chỉ số tỷ lệ cần cả tử số và mẫu số / a ratio needs numerator and denominator");
            return value;
        }
        if (num.signum() < 0) {
            problems.add(where + ": tử số phải ≥ 0 / numerator must be ≥ 0");
        }
        if (den.signum() <= 0) {
            problems.add(where + ": mẫu số phải > 0 / denominator must be > 0");
        } else if (num.compareTo(den) > 0 && isPercent(indicator)) {
            problems.add(where + ": tử số (" + plain(num) + ") lớn hơn mẫu số (" + plain(den) + "), tức tỷ lệ trên 100%;"
                    + " kiểm tra lại hai số / the numerator (" + plain(num) + ") is larger than the denominator ("
                    + plain(den) + "), a rate above 100%; check both figures");
        }
        if (den.signum() <= 0 || num.signum() < 0) {
            return value;
        }
        BigDecimal computed = ratio(num, den);
        if (value != null && value.subtract(computed).abs().compareTo(new BigDecimal("0.01")) > 0) {
            problems.add(where + ": giá trị " + plain(value) + " khác 100 × tử số ÷ mẫu số = "
                    + plain(computed) + " / value differs from 100 × numerator ÷ denominator");
        }
        return computed;
    }

    /** A YES_NO: 1 or 0, no numerator or denominator. */
    private static BigDecimal yesNoFigure(String where, BigDecimal value, BigDecimal num, BigDecimal den,
                                          List<String> problems) {
        if (num != null || den != null) {
            problems.add(where + ": chỉ số có/không không có tử số, mẫu số / a yes/no indicator takes a value only");
        }
        if (value == null || (value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0)) {
            problems.add(where + ": chỉ nhận 1 (đã hoàn thành) hoặc 0 (chưa) / must be 1 (done) or 0 (not done)");
        }
        return value;
    }

    /** A NUMBER: a value, no numerator or denominator. */
    private static BigDecimal numberFigure(String where, BigDecimal value, BigDecimal num, BigDecimal den,
                                           List<String> problems) {
        if (num != null || den != null) {
            problems.add(where + ": chỉ số này không phải tỷ lệ: chỉ nhập giá trị / not a ratio: give the value only");
        }
        if (value == null) {
            problems.add(where + ": thiếu giá trị / value missing");
        }
        return value;
    }

    /** A RATIO whose unit is "%" (or none) stays within 0–100; "thuê bao/100 dân" and the like may exceed it. */
    private static boolean isPercent(Indicator i) {
        return i.unit() == null || i.unit().isBlank() || i.unit().trim().startsWith("%");
    }

    static BigDecimal ratio(BigDecimal num, BigDecimal den) {
        return num.multiply(HUNDRED).divide(den, SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal v) {
        return v == null ? null : v.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /**
     * The item a problem is about, in words a person reads (issue 14): its number in the batch, the indicator's name,
     * the unit's name and the period as people name it: "#2 (Tỷ lệ hồ sơ trực tuyến · Tỉnh Thanh Hóa · năm 2026)".
     * Pages drop the number ({@code shared.web.FormErrors#inLanguage}); API clients keep it to find the item.
     */
    static String label(int index, Indicator indicator, AdminUnit unit, String period) {
        String what = indicator == null ? "?" : indicator.name() == null || indicator.name().isBlank() ? indicator.code()
                : indicator.name().strip();
        String when = period == null ? "?" : Period.label(period, vn.dxgov.shared.VietText.VI);
        if (!when.isEmpty() && !when.equals(period)) {
            when = Character.toLowerCase(when.charAt(0)) + when.substring(1);
        }
        return "#" + index + " (" + what + " · " + (unit == null ? "?" : unit.name()) + " · " + when + ")";
    }

    /** A number in a message: the number grammar of the request's language ("1.250.300,5" in Vietnamese). */
    private static String plain(BigDecimal b) {
        return Numbers.current().value(b);
    }
}
