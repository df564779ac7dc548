package vn.dxgov.reports;

/**
 * The steering department's consolidated annual report of a plan (báo cáo tổng hợp hằng năm), as data and as
 * documents in Vietnamese administrative layout (Nghị định 30/2020/NĐ-CP). For STEERING, LEADER and ADMIN.
 */
public interface AnnualReports {

    enum Format {
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        PDF("pdf", "application/pdf"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    record Document(String filename, String mediaType, byte[] bytes) {
    }

    /** The figures of the report. */
    AnnualReport annual(long planId, int year);

    /** The report as a document. */
    Document render(long planId, int year, Format format);
}
