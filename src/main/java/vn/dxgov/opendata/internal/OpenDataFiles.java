package vn.dxgov.opendata.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import vn.dxgov.opendata.Dataset;
import vn.dxgov.opendata.DatasetTable;
import vn.dxgov.opendata.OpenData;
import vn.dxgov.shared.web.ApiException;

/**
 * The files of the open data: each dataset as {@code /open/data/{id}.csv|.json|.xlsx} and the DCAT-AP catalogue as
 * {@code /open/catalog.jsonld} and {@code /open/catalog.ttl}. Public (GET and HEAD without a login), cacheable for
 * five minutes, with {@code Last-Modified} (the dataset's last publication or approval) and an {@code ETag} of the
 * content, answering 304 to a conditional request that already has it. Files are written straight to the answer.
 */
@Controller
class OpenDataFiles {

    static final String CACHE = "public, max-age=300";

    private final OpenData data;
    private final DatasetFiles files;
    private final DcatCatalog dcat;
    private final PublicUrls urls;
    private final OpenDataSettings settings;

    OpenDataFiles(OpenData data, DatasetFiles files, DcatCatalog dcat, PublicUrls urls, OpenDataSettings settings) {
        this.data = data;
        this.files = files;
        this.dcat = dcat;
        this.urls = urls;
        this.settings = settings;
    }

    @GetMapping("/open/data/{id:(?:plan|indicator|round)-\\d{1,18}}.{ext:csv|json|xlsx}")
    void download(@PathVariable String id, @PathVariable String ext, ServletWebRequest request,
                  HttpServletResponse response) throws IOException {
        FileFormat format = FileFormat.of(ext).orElseThrow();
        DatasetTable table = data.table(id).orElseThrow(() -> ApiException.notFound("dataset", id));
        Dataset d = table.dataset();
        String etag = etag(format.name(), settings.licenceUrl(), table.columns(), table.rows(), d.modified());
        if (request.checkNotModified(etag, millis(d.modified()))) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE);
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(format.contentType);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dxgov-" + id + "."
                + format.extension() + "\"");
        if ("HEAD".equals(request.getHttpMethod().name())) {
            return;
        }
        String base = urls.base();
        try (OutputStream out = response.getOutputStream()) {
            files.write(format, table, urls.landingPage(base, id), out);
        }
    }

    @GetMapping("/open/catalog.jsonld")
    void jsonLd(ServletWebRequest request, HttpServletResponse response) throws IOException {
        catalog(request, response, RDFFormat.JSONLD11_PRETTY, "application/ld+json;charset=UTF-8");
    }

    @GetMapping("/open/catalog.ttl")
    void turtle(ServletWebRequest request, HttpServletResponse response) throws IOException {
        catalog(request, response, RDFFormat.TURTLE_PRETTY, "text/turtle;charset=UTF-8");
    }

    private void catalog(ServletWebRequest request, HttpServletResponse response, RDFFormat format,
                         String contentType) throws IOException {
        List<Dataset> datasets = data.datasets();
        String base = urls.base();
        Instant latest = datasets.stream().map(Dataset::modified).filter(Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
        String etag = etag(contentType, base, settings.licenceUrl(), datasets);
        if (request.checkNotModified(etag, millis(latest))) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE);
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE);
        if ("HEAD".equals(request.getHttpMethod().name())) {
            return;
        }
        Serialised cached = serialised.get(format.toString());
        if (cached == null || !cached.etag().equals(etag)) {
            // JSON-LD 1.1 compaction of the seeds' catalogue takes about a second: once per change, not per request
            Model model = dcat.model(datasets, base);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 20);
            RDFDataMgr.write(bytes, model, format);
            cached = new Serialised(etag, bytes.toByteArray());
            serialised.put(format.toString(), cached);
        }
        response.setContentLength(cached.bytes().length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(cached.bytes());
        }
    }

    /** The last catalogue written in a format, by its ETag (which covers the datasets, the address and licence). */
    private record Serialised(String etag, byte[] bytes) {
    }

    private final java.util.Map<String, Serialised> serialised = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An ETag of what the answer is made of: a hash of its parts (lists and records hash by content), so that the same
     * content gives the same tag on every node and any change of a figure, a row or the licence gives another.
     */
    static String etag(Object... parts) {
        return "\"" + HexFormat.of().toHexDigits(java.util.Arrays.deepHashCode(parts)) + "\"";
    }

    private static long millis(Instant at) {
        return at == null ? -1 : at.toEpochMilli();
    }
}
