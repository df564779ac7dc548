package vn.dxgov.reports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.plans.PlanType;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.Period;
import vn.dxgov.targets.Comparison;

/** The Vietnamese words of the documents (administrative documents are Vietnamese only). */
final class Labels {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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

    /** "Năm 2025", "6 tháng đầu năm 2025", "Quý III/2025", "Tháng 06/2025". */
    static String period(String code) {
        try {
            Period p = Period.parse(code);
            return switch (p.type()) {
                case YEAR -> "Năm " + p.year();
                case HALF -> (p.index() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + p.year();
                case QUARTER -> "Quý " + "I II III IV".split(" ")[p.index() - 1] + "/" + p.year();
                case MONTH -> String.format("Tháng %02d/%d", p.index(), p.year());
            };
        } catch (IllegalArgumentException e) {
            return code;
        }
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

    static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }
}
