package vn.dxgov.reporting.internal;

import java.util.Locale;
import java.util.Optional;

/** The forms a batch of data values comes in, by the request's content type. */
enum BatchFormat {
    /** A JSON list of items ({@code application/json}). */
    JSON,
    /** A CSV file with a header row of the item's field names ({@code text/csv}). */
    CSV,
    /** DHIS2's Aggregate Data Exchange XML ({@code application/adx+xml}). */
    ADX;

    static final String CSV_TYPE = "text/csv";
    static final String ADX_TYPE = "application/adx+xml";

    /** The format of a content type (parameters such as charset ignored); empty when dxgov does not read it. */
    static Optional<BatchFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/json" -> Optional.of(JSON);
            case CSV_TYPE -> Optional.of(CSV);
            case ADX_TYPE, "application/xml", "text/xml" -> Optional.of(ADX);
            default -> Optional.empty();
        };
    }
}
