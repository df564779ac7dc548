package vn.dxgov.opendata.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The open data settings: the licence every dataset is published under (default Creative Commons Attribution 4.0),
 * the publisher's name for a national dataset, and the installation's public address for the absolute URLs of the
 * catalogue (empty: taken from each request, behind a trusted proxy from its X-Forwarded headers).
 */
@Component
class OpenDataSettings {

    private final String licenceUrl;
    private final String licenceName;
    private final String licenceId;
    private final String publicUrl;

    OpenDataSettings(@Value("${dxgov.opendata.licence-url:https://creativecommons.org/licenses/by/4.0/}") String licenceUrl,
                     @Value("${dxgov.opendata.licence-name:Creative Commons Attribution 4.0 (CC BY 4.0)}") String licenceName,
                     @Value("${dxgov.opendata.licence-id:cc-by-4.0}") String licenceId,
                     @Value("${dxgov.public-url:}") String publicUrl) {
        this.licenceUrl = licenceUrl;
        this.licenceName = licenceName;
        this.licenceId = licenceId;
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    String licenceUrl() {
        return licenceUrl;
    }

    String licenceName() {
        return licenceName;
    }

    /** The licence's id for CKAN's {@code license_id}. */
    String licenceId() {
        return licenceId;
    }

    /** The configured public address without a trailing slash; empty when the request decides. */
    String publicUrl() {
        return publicUrl;
    }
}
