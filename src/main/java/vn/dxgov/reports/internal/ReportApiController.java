package vn.dxgov.reports.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.reports.AnnualReport;
import vn.dxgov.reports.AnnualReports;
import vn.dxgov.reports.Scorecard;
import vn.dxgov.reports.Scorecards;
import vn.dxgov.shared.web.ApiException;

/** The scorecard and the consolidated report for machine clients (STEERING, LEADER, ADMIN). */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Bảng xếp hạng cơ quan và báo cáo tổng hợp / agency scorecard and annual report")
class ReportApiController {

    private final Scorecards scorecards;
    private final AnnualReports annual;

    ReportApiController(Scorecards scorecards, AnnualReports annual) {
        this.scorecards = scorecards;
        this.annual = annual;
    }

    @GetMapping("/scorecard")
    @Operation(summary = "League table of agencies for a plan (plan=) or all plans of a province (province=, official "
            + "code) in a year, best first")
    Scorecard scorecard(@RequestParam(required = false) Long plan, @RequestParam(required = false) String province,
                        @RequestParam int year) {
        return compute(plan, province, year);
    }

    @GetMapping("/scorecard.xlsx")
    @Operation(summary = "The league table as .xlsx")
    ResponseEntity<byte[]> scorecardXlsx(@RequestParam(required = false) Long plan,
                                         @RequestParam(required = false) String province, @RequestParam int year) {
        Scorecard sc = compute(plan, province, year);
        String scope = plan != null ? "ke-hoach-" + plan : "tinh-" + province;
        return ReportPages.file("xep-hang-" + year + "-" + scope + ".xlsx", AnnualReports.Format.XLSX.mediaType(),
                ScorecardXlsx.render(sc));
    }

    private Scorecard compute(Long plan, String province, int year) {
        if (plan != null) {
            return scorecards.forPlan(plan, year);
        }
        if (province != null && !province.isBlank()) {
            return scorecards.forProvince(province.trim(), year);
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "reports.error.scope");
    }

    @GetMapping("/plans/{id}/annual/{year:\\d{4}}")
    @Operation(summary = "The figures of a plan's consolidated annual report")
    AnnualReport annual(@PathVariable long id, @PathVariable int year) {
        return annual.annual(id, year);
    }

    @GetMapping("/plans/{id}/annual/{year:\\d{4}}.{format:docx|pdf|xlsx}")
    @Operation(summary = "The consolidated annual report as .docx or .pdf (Vietnamese administrative layout) or .xlsx")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable int year, @PathVariable String format) {
        AnnualReports.Document d = annual.render(id, year, AnnualReports.Format.valueOf(format.toUpperCase()));
        return ReportPages.file(d.filename(), d.mediaType(), d.bytes());
    }
}
