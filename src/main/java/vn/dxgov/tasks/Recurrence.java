package vn.dxgov.tasks;

/** A task that repeats instead of having an end year ("Hàng năm", "Thực hiện hàng năm"). */
public enum Recurrence {
    ANNUAL
}
