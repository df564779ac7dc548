package vn.dxgov.units.internal;

import java.util.List;

/** Administrative-unit files that cannot be loaded, with every problem found ("units.csv, dòng 12: ..."). */
public class UnitCsvException extends RuntimeException {

    private static final int SHOWN = 20;
    private final List<String> problems;

    public UnitCsvException(List<String> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each, in file and line order. */
    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        StringBuilder sb = new StringBuilder("Không nạp dữ liệu đơn vị hành chính, không có gì thay đổi; ")
                .append(problems.size()).append(" lỗi:");
        problems.stream().limit(SHOWN).forEach(p -> sb.append("\n  ").append(p));
        if (problems.size() > SHOWN) {
            sb.append("\n  ... và ").append(problems.size() - SHOWN).append(" lỗi khác");
        }
        return sb.toString();
    }
}
