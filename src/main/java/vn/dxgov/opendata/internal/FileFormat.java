package vn.dxgov.opendata.internal;

import java.util.Locale;
import java.util.Optional;

/** The formats every dataset is downloadable in, with what DCAT and CKAN call them. */
enum FileFormat {
    CSV("text/csv", "text/csv;charset=UTF-8", "http://publications.europa.eu/resource/authority/file-type/CSV"),
    JSON("application/json", "application/json;charset=UTF-8",
            "http://publications.europa.eu/resource/authority/file-type/JSON"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "http://publications.europa.eu/resource/authority/file-type/XLSX");

    /** The IANA media type (for dcat:mediaType, as https://www.iana.org/assignments/media-types/ + this). */
    final String mediaType;
    /** The Content-Type of the answer. */
    final String contentType;
    /** The EU file-type vocabulary's concept (dct:format, as DCAT-AP recommends). */
    final String euFileType;

    FileFormat(String mediaType, String contentType, String euFileType) {
        this.mediaType = mediaType;
        this.contentType = contentType;
        this.euFileType = euFileType;
    }

    /** "csv", "json", "xlsx": the file name extension. */
    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    String ianaUri() {
        return "https://www.iana.org/assignments/media-types/" + mediaType;
    }

    static Optional<FileFormat> of(String extension) {
        for (FileFormat f : values()) {
            if (f.extension().equalsIgnoreCase(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
