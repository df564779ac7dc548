/**
 * The open data catalogue (dữ liệu mở): every public figure as part of a dataset, one per published plan
 * ({@code plan-{id}}: its targets with status and approved yearly values), per indicator with public values
 * ({@code indicator-{id}}: approved values by administrative unit and period) and per published assessment round
 * ({@code round-{id}}: ranks, scores, classifications, points per group); each downloadable as CSV (UTF-8 with BOM),
 * JSON and XLSX under {@code /open/data/{id}.{csv|json|xlsx}}, with a licence and a "last updated", described by a
 * DCAT-AP catalogue ({@code /open/catalog.jsonld}, {@code /open/catalog.ttl}) and a CKAN-compatible read API
 * ({@code /open/api/3/action/...}) for portal harvesters. Pages: {@code /open/data}, {@code /open/data/{id}}.
 *
 * <p>Only what is public goes in: published plans (a superseded version is left out: its targets live on in the
 * version that replaced it), approved figures, published rounds; never drafts, submitted figures, narratives,
 * evidence or who entered what. Demonstration figures are flagged in a {@code demo} column. Every dataset is read as
 * an anonymous visitor would read it ({@code CurrentUser.anonymous()}), whoever asks, so that the catalogue is the
 * same for everyone. Public API: {@link vn.dxgov.opendata.OpenData} and its records; nothing depends on it (the
 * portal links to its URLs).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open data catalogue",
        allowedDependencies = {"analytics", "assessment", "indicators", "plans", "security", "shared", "targets",
                "units"})
package vn.dxgov.opendata;
