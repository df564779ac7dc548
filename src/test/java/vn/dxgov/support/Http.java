package vn.dxgov.support;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Calls to the running test server with HTTP Basic: JSON answers, file downloads and multipart uploads. */
public final class Http {

    public static final String PASSWORD = "dxgov-demo";

    private final String base;
    private final ObjectMapper json;

    public Http(int port, ObjectMapper json) {
        this.base = "http://localhost:" + port;
        this.json = json;
    }

    public record Answer(int status, JsonNode body, byte[] bytes, String contentType, String disposition) {
        public String text() {
            return body == null ? new String(bytes, StandardCharsets.UTF_8) : body.toString();
        }
    }

    public Answer call(String user, String method, String path, Object body) {
        var spec = RestClient.create(base).method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, PASSWORD);
                    }
                });
        if (body != null) {
            spec = spec.contentType(body instanceof LinkedMultiValueMap ? MediaType.MULTIPART_FORM_DATA
                    : MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            MediaType type = res.getHeaders().getContentType();
            JsonNode node = null;
            if (bytes.length > 0 && type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                node = json.readTree(bytes);
            }
            return new Answer(res.getStatusCode().value(), node, bytes, type == null ? null : type.toString(),
                    res.getHeaders().getFirst("Content-Disposition"));
        });
    }

    public Answer get(String user, String path) {
        return call(user, "GET", path, null);
    }

    /** POSTs a file in the multipart field "file". */
    public Answer upload(String user, String path, String filename, byte[] bytes) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return call(user, "POST", path, form);
    }
}
