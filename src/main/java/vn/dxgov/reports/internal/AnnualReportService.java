package vn.dxgov.reports.internal;

import org.springframework.stereotype.Service;
import vn.dxgov.reports.AnnualReport;
import vn.dxgov.reports.AnnualReports;

@Service
class AnnualReportService implements AnnualReports {

    private final ReportFacts facts;

    AnnualReportService(ReportFacts facts) {
        this.facts = facts;
    }

    @Override
    public AnnualReport annual(long planId, int year) {
        ReportAccess.require();
        ScorecardService.checkYear(year);
        return AnnualReportBuilder.build(facts.collect(planId, year));
    }

    @Override
    public Document render(long planId, int year, Format format) {
        AnnualReport r = annual(planId, year);
        byte[] bytes = switch (format) {
            case DOCX -> AnnualDocx.render(r);
            case PDF -> AnnualPdf.render(r);
            case XLSX -> AnnualXlsx.render(r);
        };
        String name = "bao-cao-" + year + "-ke-hoach-" + planId + "." + format.extension();
        return new Document(name, format.mediaType(), bytes);
    }
}
