package vn.dxgov.reporting.excel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.dxgov.reporting.TaskProgressStatus;
import vn.dxgov.shared.VietText;

/** The Vietnamese labels of task statuses used in the Excel form's drop-down list, and their reading back. */
final class TaskStatusLabels {

    private static final Map<TaskProgressStatus, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(TaskProgressStatus.NOT_STARTED, "Chưa triển khai");
        LABELS.put(TaskProgressStatus.IN_PROGRESS, "Đang triển khai");
        LABELS.put(TaskProgressStatus.DONE, "Hoàn thành");
        LABELS.put(TaskProgressStatus.DELAYED, "Chậm tiến độ");
        LABELS.put(TaskProgressStatus.STOPPED, "Dừng");
    }

    private TaskStatusLabels() {
    }

    static String label(TaskProgressStatus status) {
        return status == null ? "" : LABELS.get(status);
    }

    static List<String> labels() {
        return List.copyOf(LABELS.values());
    }

    /**
     * The status a cell means: a label ignoring case, diacritics and spacing ("hoan thanh", "Hoàn Thành"), or the
     * code ("DONE").
     */
    static Optional<TaskProgressStatus> parse(String text) {
        String folded = VietText.fold(text);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<TaskProgressStatus, String> e : LABELS.entrySet()) {
            if (VietText.fold(e.getValue()).equals(folded) || e.getKey().name().equalsIgnoreCase(text.trim())) {
                return Optional.of(e.getKey());
            }
        }
        if (folded.equals("da hoan thanh")) {
            return Optional.of(TaskProgressStatus.DONE);
        }
        if (folded.equals("dung trien khai") || folded.equals("tam dung")) {
            return Optional.of(TaskProgressStatus.STOPPED);
        }
        return Optional.empty();
    }
}
