package vn.dxgov.opendata.internal;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute addresses of the catalogue, its datasets and their files: under {@code dxgov.public-url} when set,
 * else under the address of the current request (the proxy's, through the trusted X-Forwarded headers).
 */
@Component
class PublicUrls {

    private final OpenDataSettings settings;

    PublicUrls(OpenDataSettings settings) {
        this.settings = settings;
    }

    /** The installation's public address without a trailing slash, such as "https://dxgov.thanhhoa.gov.vn". */
    String base() {
        if (!settings.publicUrl().isEmpty()) {
            return settings.publicUrl();
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString().replaceAll("/+$", "");
    }

    String landingPage(String base, String datasetId) {
        return base + "/open/data/" + datasetId;
    }

    String download(String base, String datasetId, FileFormat format) {
        return base + "/open/data/" + datasetId + "." + format.extension();
    }
}
