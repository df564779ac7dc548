package vn.dxgov.targets;

/** How the measured value must compare with the target value. */
public enum Comparison {
    /** "đạt 90% trở lên", "tối thiểu 90%", plain "90%": at least */
    AT_LEAST,
    /** "trên 90%": strictly more than */
    MORE_THAN,
    /** "tối đa", "không quá", and rank targets ("nhóm 10": rank 10 or better): at most */
    AT_MOST,
    /** "dưới": strictly less than */
    LESS_THAN,
    /** exactly */
    EQUAL
}
