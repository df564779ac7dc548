package vn.dxgov.opendata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.opendata.Dataset;

/** A dataset as a CKAN package (with its resources, tags, extras and organization), and CKAN's status. */
@Component
class CkanPackages {

    private final OpenDataSettings settings;
    private final PublicUrls urls;
    private final Labels labels;

    CkanPackages(OpenDataSettings settings, PublicUrls urls, Labels labels) {
        this.settings = settings;
        this.urls = urls;
        this.labels = labels;
    }

    /** The organization a dataset belongs to: "province-38", or "national". */
    static String organizationName(Dataset d) {
        return d.provinceCode() == null ? "national" : "province-" + d.provinceCode();
    }

    Map<String, Object> organization(Dataset d) {
        Map<String, Object> o = new LinkedHashMap<>();
        String name = organizationName(d);
        o.put("id", name);
        o.put("name", name);
        o.put("title", d.provinceName() == null ? labels.vi("opendata.publisher.national")
                : labels.vi("opendata.publisher.province", d.provinceName()));
        o.put("description", d.provinceName() == null ? "" : d.provinceName());
        o.put("type", "organization");
        o.put("is_organization", true);
        o.put("state", "active");
        o.put("approval_status", "approved");
        return o;
    }

    Map<String, Object> of(Dataset d, String base) {
        String modified = CkanApi.timestamp(d.modified());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.id());
        p.put("name", d.id());
        p.put("title", d.titleVi());
        p.put("notes", d.descriptionVi());
        p.put("url", urls.landingPage(base, d.id()));
        p.put("type", "dataset");
        p.put("state", "active");
        p.put("private", false);
        p.put("isopen", true);
        p.put("license_id", settings.licenceId());
        p.put("license_title", settings.licenceName());
        p.put("license_url", settings.licenceUrl());
        p.put("metadata_created", modified);
        p.put("metadata_modified", modified);
        p.put("owner_org", organizationName(d));
        p.put("organization", organization(d));
        List<Map<String, Object>> resources = resources(d, base, modified);
        p.put("resources", resources);
        p.put("num_resources", resources.size());
        List<Map<String, Object>> tags = d.keywords().stream().map(k -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", k);
            t.put("display_name", k);
            t.put("state", "active");
            return t;
        }).toList();
        p.put("tags", tags);
        p.put("num_tags", tags.size());
        List<Map<String, String>> extras = new ArrayList<>();
        extra(extras, "identifier", d.id());
        extra(extras, "kind", d.kind().prefix());
        extra(extras, "title_en", d.titleEn());
        extra(extras, "notes_en", d.descriptionEn());
        extra(extras, "language", "vi");
        extra(extras, "spatial_text", d.provinceName());
        extra(extras, "province_code", d.provinceCode());
        extra(extras, "temporal_start", d.from() == null ? null : d.from().toString());
        extra(extras, "temporal_end", d.to() == null ? null : d.to().toString());
        extra(extras, "rows", String.valueOf(d.rows()));
        extra(extras, "demo", String.valueOf(d.demo()));
        extra(extras, "dcat_catalog", base + "/open/catalog.jsonld");
        p.put("extras", extras);
        return p;
    }

    /** One resource per file format. */
    private List<Map<String, Object>> resources(Dataset d, String base, String modified) {
        List<Map<String, Object>> resources = new ArrayList<>();
        int position = 0;
        for (FileFormat f : FileFormat.values()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", d.id() + "-" + f.extension());
            r.put("package_id", d.id());
            r.put("name", d.titleVi() + " (" + f.name() + ")");
            r.put("description", labels.vi("opendata.resource." + f.extension()));
            r.put("url", urls.download(base, d.id(), f));
            r.put("format", f.name());
            r.put("mimetype", f.mediaType);
            r.put("last_modified", modified);
            r.put("state", "active");
            r.put("position", position++);
            resources.add(r);
        }
        return resources;
    }

    private static void extra(List<Map<String, String>> extras, String key, String value) {
        if (value != null) {
            extras.add(Map.of("key", key, "value", value));
        }
    }

    Map<String, Object> status(String base) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ckan_version", "2.10.0");
        s.put("site_url", base);
        s.put("site_title", labels.vi("opendata.catalog.title"));
        s.put("site_description", labels.vi("opendata.catalog.description"));
        s.put("locale_default", "vi");
        s.put("extensions", List.of("dcat"));
        return s;
    }
}
