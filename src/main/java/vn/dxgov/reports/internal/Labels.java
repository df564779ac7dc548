package vn.dxgov.reports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.plans.PlanType;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.SplitLevel;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;

/** The Vietnamese words of the documents (administrative documents are Vietnamese only). */
final class Labels {


    private Labels() {
    }

    static String target(TargetStatus s) {
        return switch (s) {
            case ACHIEVED -> "Đã đạt";
            case ON_TRACK -> "Đúng tiến độ";
            case AT_RISK -> "Có nguy cơ không đạt";
            case OFF_TRACK -> "Chậm tiến độ";
            case NO_DATA -> "Chưa có số liệu";
        };
    }

    static String task(TaskProgressStatus s) {
        return switch (s) {
            case NOT_STARTED -> "Chưa triển khai";
            case IN_PROGRESS -> "Đang triển khai";
            case DONE -> "Hoàn thành";
            case DELAYED -> "Chậm tiến độ";
            case STOPPED -> "Dừng";
        };
    }

    static final String NO_REPORT = "Chưa báo cáo";
    static final String OVERDUE = "Quá hạn (chưa hoàn thành)";

    static String planType(PlanType t) {
        return switch (t) {
            case RESOLUTION -> "Nghị quyết";
            case DECISION -> "Quyết định";
            case PROGRAMME -> "Chương trình";
            case PLAN -> "Kế hoạch";
        };
    }

    static String comparison(Comparison c) {
        if (c == null) {
            return "";
        }
        return switch (c) {
            case AT_LEAST -> "≥ ";
            case MORE_THAN -> "> ";
            case AT_MOST -> "≤ ";
            case LESS_THAN -> "< ";
            case EQUAL -> "";
        };
    }

    /** A figure in a document: the Vietnamese number grammar ("1.234,5"; {@link Numbers#value}); null → "". */
    static String number(BigDecimal n) {
        return Numbers.VI.value(n);
    }

    static String withUnit(BigDecimal n, String unit) {
        if (n == null) {
            return "";
        }
        if (unit == null || unit.isBlank()) {
            return number(n);
        }
        return unit.startsWith("%") ? number(n) + unit : number(n) + " " + unit;
    }

    /** "cấp huyện" for a split written without a label; its own label otherwise ("xã, phường, thị trấn", "cấp tỉnh"). */
    static String splitLabel(TargetSplit s) {
        if (s.label() != null && !s.label().isBlank()) {
            return s.label().trim();
        }
        return switch (s.level() == null ? SplitLevel.OTHER : s.level()) {
            case PROVINCE -> "cấp tỉnh";
            case DISTRICT -> "cấp huyện";
            case COMMUNE -> "cấp xã";
            case OTHER -> "khác";
        };
    }

    /**
     * The unit of one split's value: for a count of units of a level ("06 huyện, thị xã, thành phố và 300 xã,
     * phường, thị trấn") the level's own word, "huyện" or "xã", never the first split's unit; otherwise the
     * target's ("%", "doanh nghiệp").
     */
    static String splitUnit(Target t, TargetSplit s) {
        String label = s.label() == null ? "" : VietText.fold(s.label().trim());
        boolean countsUnits = t.kind() == TargetKind.COUNT && !label.startsWith("cap ");
        if (countsUnits && s.level() == SplitLevel.DISTRICT) {
            return "huyện";
        }
        if (countsUnits && s.level() == SplitLevel.COMMUNE) {
            return "xã";
        }
        return t.unit();
    }

    /**
     * A rank target as the documents write it: "nhóm 10" when the target speaks of a group of leading provinces,
     * else "hạng 15 trở lên" (rank 15 or better), "trên hạng 10", "hạng 10".
     */
    static String rankTarget(Comparison c, BigDecimal rank, String text) {
        String n = number(rank);
        boolean group = text != null && VietText.fold(text).matches("(?s).*\\b(nhom|top)\\s+\\d+.*");
        Comparison comparison = c == null ? Comparison.AT_MOST : c;
        return switch (comparison) {
            case AT_MOST -> group ? "nhóm " + n : "hạng " + n + " trở lên";
            case LESS_THAN -> "trên hạng " + n;
            default -> "hạng " + n;
        };
    }

    /** A value in the target's terms: "41,5%", "hạng 12" (never "12 hạng"), "tăng 9%", "Đã hoàn thành", "240 xã". */
    static String value(TargetKind kind, BigDecimal v, String unit) {
        if (v == null) {
            return "";
        }
        if (kind == TargetKind.RANK) {
            return "hạng " + number(v);
        }
        if (kind == TargetKind.YES_NO) {
            if (v.compareTo(BigDecimal.ONE) >= 0) {
                return "Đã hoàn thành";
            }
            if (v.signum() <= 0) {
                return "Chưa hoàn thành";
            }
            return "Hoàn thành " + Numbers.VI.percent(v.multiply(BigDecimal.valueOf(100))) + " số đơn vị";
        }
        if (kind == TargetKind.GROWTH_RATE) {
            // a growth target's value is the year's growth in %, also when the indicator records levels
            return "tăng " + number(v) + "%";
        }
        return withUnit(v, unit);
    }

    /** A date in a table cell: "05/12/2026", "" for none ({@link vn.dxgov.shared.VietDates}, the one rule). */
    static String day(LocalDate d) {
        return vn.dxgov.shared.VietDates.dayOrEmpty(d);
    }

    /** A date in a document's sentence: "ngày 05 tháng 12 năm 2026" (a written report's form), "chưa ghi ngày". */
    static String dayInWords(LocalDate d) {
        return vn.dxgov.shared.VietDates.words(d);
    }
}
