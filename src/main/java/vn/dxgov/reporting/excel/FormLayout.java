package vn.dxgov.reporting.excel;

import org.apache.poi.ss.util.CellReference;

/**
 * Where everything sits in the Excel form: sheet names, columns and the hidden identification sheet. The writer and
 * the reader share it, so that a downloaded form always reads back.
 */
final class FormLayout {

    private FormLayout() {
    }

    static final String INFO = "Thông tin";
    static final String TARGETS = "Chỉ tiêu";
    static final String TASKS = "Nhiệm vụ";
    /** very hidden: the form's identity and its checksum */
    static final String META = "dxgov";

    /** the first row of data (0-based); row 0 is the header */
    static final int FIRST_ROW = 1;

    // ----- "Chỉ tiêu" -----
    static final int T_ID = 0;
    static final int T_CODE = 1;
    static final int T_TEXT = 2;
    static final int T_INDICATOR = 3;
    static final int T_UNIT = 4;
    static final int T_REQUIRED = 5;
    static final int T_VALUE = 6;
    static final int T_NUMERATOR = 7;
    static final int T_DENOMINATOR = 8;
    static final int T_PERCENT = 9;
    static final int T_COMMENT = 10;
    static final String[] T_HEADERS = {"ID chỉ tiêu", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Chỉ số", "Đơn vị",
            "Bắt buộc", "Giá trị", "Tử số", "Mẫu số", "Tỷ lệ (%)", "Ghi chú"};
    static final int[] T_WIDTHS = {11, 11, 60, 32, 11, 10, 14, 14, 14, 11, 40};

    // ----- "Nhiệm vụ" -----
    static final int K_ID = 0;
    static final int K_CODE = 1;
    static final int K_TITLE = 2;
    static final int K_TIME = 3;
    static final int K_REQUIRED = 4;
    static final int K_STATUS = 5;
    static final int K_PERCENT = 6;
    static final int K_NARRATIVE = 7;
    static final String[] K_HEADERS = {"ID nhiệm vụ", "Mã nhiệm vụ", "Nội dung nhiệm vụ", "Thời gian thực hiện",
            "Bắt buộc", "Trạng thái", "% hoàn thành", "Diễn giải"};
    static final int[] K_WIDTHS = {11, 12, 60, 16, 10, 18, 13, 50};

    // ----- "Thông tin": label in A, value in B; the narrative is the only input -----
    static final int INFO_NARRATIVE_ROW = 9;

    // ----- hidden sheet: key in A, value in B -----
    static final String KIND = "dxgov.report-form";
    static final String FORMAT = "1";

    static final String YES = "Có";
    static final String NO = "Không";

    static final int MAX_COMMENT = 4000;

    /** "G7" for a 0-based row and column. */
    static String ref(int row, int col) {
        return CellReference.convertNumToColString(col) + (row + 1);
    }

    static String column(int col) {
        return CellReference.convertNumToColString(col);
    }
}
