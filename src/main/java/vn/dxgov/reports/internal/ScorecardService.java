package vn.dxgov.reports.internal;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.dxgov.plans.Plan;
import vn.dxgov.reports.Scorecard;
import vn.dxgov.reports.Scorecards;
import vn.dxgov.shared.web.ApiException;

@Service
class ScorecardService implements Scorecards {

    private final ReportFacts facts;

    ScorecardService(ReportFacts facts) {
        this.facts = facts;
    }

    @Override
    public Scorecard forPlan(long planId, int year) {
        ReportAccess.require();
        checkYear(year);
        PlanYear py = facts.collect(planId, year);
        return ScorecardCalculator.compute(py.plan().title(), year, List.of(py));
    }

    @Override
    public Scorecard forProvince(String provinceCode, int year) {
        ReportAccess.require();
        checkYear(year);
        List<Plan> plans = facts.plansOfProvince(provinceCode);
        if (plans.isEmpty()) {
            throw ApiException.notFound("province", provinceCode);
        }
        List<PlanYear> years = plans.stream().map(p -> facts.collect(p.id(), year)).toList();
        String scope = plans.get(0).provinceName() != null ? plans.get(0).provinceName() : provinceCode;
        return ScorecardCalculator.compute(scope, year, years);
    }

    static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "reports.error.year", String.valueOf(year));
        }
    }
}
