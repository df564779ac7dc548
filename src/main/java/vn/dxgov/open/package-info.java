/**
 * The public progress portal (cổng thông tin tiến độ chuyển đổi số) at {@code /open}, for visitors without a login:
 * for each province with published plans, its plans, every target with its latest <b>approved</b> value, status and
 * trajectory chart (one page per target with the method, the source document, the indicator and download links, the
 * Open SDG idea), the tasks with their approved progress, the published assessment rounds with the map, and the
 * agencies' reporting record when the province chooses to publish it ({@code /settings/open}, its steering
 * department). Plus {@code /sitemap.xml} and {@code /robots.txt}.
 *
 * <p>Everything is read through the public APIs of the modules below as the anonymous visitor
 * ({@link vn.dxgov.security.CurrentUser#anonymous()}): published plans only (a draft or a superseded version is not
 * found), approved figures only ({@link vn.dxgov.analytics.ValueView#APPROVED}), approved task progress without its
 * narrative or evidence ({@link vn.dxgov.reporting.PublicReports}), published rounds ({@link
 * vn.dxgov.assessment.PublicResults}). Demonstration data is shown with its label. No public API: nothing depends
 * on this module. The downloads are the open-data catalogue's ({@code /open/data/...}), linked, not served, here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public progress portal",
        allowedDependencies = {"analytics", "assessment", "indicators", "opendata", "plans", "reporting", "security", "shared",
                "targets", "tasks", "units"})
package vn.dxgov.open;
