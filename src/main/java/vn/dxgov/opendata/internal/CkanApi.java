package vn.dxgov.opendata.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.opendata.Dataset;
import vn.dxgov.opendata.OpenData;
import vn.dxgov.shared.VietText;

/**
 * A read-only CKAN API (version 3) over the open data, for the harvesters of existing portals (CKAN's own
 * ckanext-harvest, the national open data portal): {@code package_list}, {@code package_show}, {@code package_search},
 * {@code current_package_list_with_resources}, {@code organization_list}, {@code organization_show},
 * {@code status_show} under {@code /open/api/3/action/}. Answers in CKAN's envelope
 * {@code {"help": ..., "success": true, "result": ...}}; failures {@code {"success": false, "error": {"__type":
 * "Not Found Error" | "Validation Error", "message": ...}}} with 404 or 400. A package is a dataset (its name is the
 * dataset id), an organization a province (or "national"), a resource one file format.
 */
@RestController
class CkanApi {

    static final int MAX_ROWS = 1000;

    private final OpenData data;
    private final CkanPackages packages;
    private final PublicUrls urls;

    CkanApi(OpenData data, CkanPackages packages, PublicUrls urls) {
        this.data = data;
        this.packages = packages;
        this.urls = urls;
    }

    @GetMapping("/open/api/3/action/{action}")
    ResponseEntity<Map<String, Object>> action(@PathVariable String action,
                                               @RequestParam Map<String, String> params) {
        String base = urls.base();
        String help = base + "/open/api/3/action/help_show?name=" + action;
        try {
            Object result = switch (action) {
                case "package_list" -> data.datasets().stream().map(Dataset::id).toList();
                case "package_show" -> packages.of(required(params, "id").flatMap(this::dataset)
                        .orElseThrow(NotFound::new), base);
                case "package_search" -> search(params, base);
                case "current_package_list_with_resources" -> {
                    int limit = number(params, "limit", MAX_ROWS);
                    int offset = number(params, "offset", 0);
                    yield data.datasets().stream().skip(offset).limit(limit).map(d -> packages.of(d, base)).toList();
                }
                case "organization_list" -> organizations().keySet().stream().toList();
                case "organization_show" -> {
                    String id = required(params, "id").orElseThrow();
                    List<Dataset> of = Optional.ofNullable(organizations().get(id)).orElseThrow(NotFound::new);
                    Map<String, Object> org = new LinkedHashMap<>(packages.organization(of.get(0)));
                    org.put("package_count", of.size());
                    if ("true".equalsIgnoreCase(params.get("include_datasets"))) {
                        org.put("packages", of.stream().map(d -> packages.of(d, base)).toList());
                    }
                    yield org;
                }
                case "status_show" -> packages.status(base);
                default -> throw new NotFound();
            };
            return answer(HttpStatus.OK, envelope(help, true, "result", result));
        } catch (NotFound e) {
            return answer(HttpStatus.NOT_FOUND, envelope(help, false, "error",
                    Map.of("__type", "Not Found Error", "message", "Không tìm thấy / Not found")));
        } catch (Invalid e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("__type", "Validation Error");
            error.put("message", e.getMessage());
            error.put(e.field, List.of(e.getMessage()));
            return answer(HttpStatus.BAD_REQUEST, envelope(help, false, "error", error));
        }
    }

    private Map<String, Object> search(Map<String, String> params, String base) {
        String q = params.getOrDefault("q", "").strip();
        String query = q.equals("*:*") ? "" : q;
        int rows = number(params, "rows", 10);
        int start = number(params, "start", 0);
        List<Dataset> found = data.datasets().stream().filter(d -> query.isEmpty() || VietText.matches(
                String.join(" ", d.id(), d.titleVi(), d.titleEn(), d.descriptionVi(), String.join(" ", d.keywords()),
                        d.provinceName() == null ? "" : d.provinceName()), query)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", found.size());
        out.put("sort", "score desc, metadata_modified desc");
        out.put("facets", Map.of());
        out.put("search_facets", Map.of());
        out.put("results", found.stream().skip(start).limit(rows).map(d -> packages.of(d, base)).toList());
        return out;
    }

    /** Organizations by name, each with its datasets. */
    private Map<String, List<Dataset>> organizations() {
        Map<String, List<Dataset>> out = new TreeMap<>();
        for (Dataset d : data.datasets()) {
            out.computeIfAbsent(CkanPackages.organizationName(d), k -> new ArrayList<>()).add(d);
        }
        return out;
    }

    private Optional<Dataset> dataset(String id) {
        return data.dataset(id);
    }

    private static Optional<String> required(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            throw new Invalid(name, "Missing value");
        }
        return Optional.of(v.strip());
    }

    private static int number(Map<String, String> params, String name, int otherwise) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new Invalid(name, "Must be a natural number");
            }
            return Math.min(n, name.equals("offset") || name.equals("start") ? Integer.MAX_VALUE : MAX_ROWS);
        } catch (NumberFormatException e) {
            throw new Invalid(name, "Invalid integer");
        }
    }

    private static Map<String, Object> envelope(String help, boolean success, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("help", help);
        out.put("success", success);
        out.put(key, value);
        return out;
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(300))
                .cachePublic()).body(body);
    }

    /** CKAN's time stamps: UTC without a zone, microseconds ("2026-12-04T10:15:30.000000"). */
    static final java.time.format.DateTimeFormatter CKAN_TIME = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    static String timestamp(Instant at) {
        return at == null ? null : CKAN_TIME.format(at);
    }

    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private static final class Invalid extends RuntimeException {
        final String field;

        Invalid(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
