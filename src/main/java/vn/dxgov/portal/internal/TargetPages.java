package vn.dxgov.portal.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.plans.PlanTexts;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * A target's own page: what it commits to, its indicator, its status for the plan's province with the explanation,
 * the yearly values against the straight path to the target (ECharts), and the values as a table.
 */
@Controller
class TargetPages implements PortalPage {

    /**
     * A yearly value as the page lists it ({@code text}, {@code ratio}: written for the reader's language);
     * {@code afterDeadline}: a year after the target's deadline year, shown but not judged.
     */
    record YearValue(int year, BigDecimal value, String text, String ratio, boolean demo, boolean carried,
                     boolean afterDeadline, boolean pending) {
    }

    /** The figures of a status written for the reader: latest, expected, forecast, interval, value after the deadline. */
    record Figures(String latest, String expected, String forecast, String interval, String afterDeadline) {
    }

    private final PlanCatalog plans;
    private final PlanTexts texts;
    private final TargetCatalog targets;
    private final AgencyDirectory agencies;
    private final IndicatorCatalog indicators;
    private final Analytics analytics;
    private final TargetStatuses statuses;
    private final ObjectMapper json;

    TargetPages(PlanCatalog plans, PlanTexts texts, TargetCatalog targets, AgencyDirectory agencies,
                IndicatorCatalog indicators, Analytics analytics, TargetStatuses statuses, ObjectMapper json) {
        this.plans = plans;
        this.texts = texts;
        this.targets = targets;
        this.agencies = agencies;
        this.indicators = indicators;
        this.analytics = analytics;
        this.statuses = statuses;
        this.json = json;
    }

    @GetMapping("/targets/{id}")
    String target(@PathVariable long id, @RequestParam(required = false) LocalDate asOf,
                  @RequestParam(name = "view", required = false) vn.dxgov.analytics.ValueView figures, Model m,
                  Locale locale) {
        Target t = targets.find(id).orElseThrow(() -> ApiException.notFound("target", id));
        // the steering department's preview with submitted, not yet approved figures; everyone else: approved ones
        vn.dxgov.analytics.ValueView shown = figures == vn.dxgov.analytics.ValueView.PENDING && CurrentUser.steering()
                ? vn.dxgov.analytics.ValueView.PENDING : vn.dxgov.analytics.ValueView.APPROVED;
        Plan plan = plans.find(t.planId()).orElseThrow(() -> ApiException.notFound("plan", t.planId()));
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        Indicator indicator = t.indicatorId() == null ? null : indicators.find(t.indicatorId()).orElse(null);
        Optional<AdminUnit> province = plans.province(plan, day);
        StatusAssessment status = province.map(u -> statuses.assess(t.id(), u.id(), day, shown)).orElse(null);
        List<YearValue> years = new ArrayList<>();
        if (indicator != null && province.isPresent()) {
            int to = day.getYear();
            int from = Math.min(to - 10, t.baselineYear() == null ? to : t.baselineYear());
            for (Analytics.Point p : analytics.series(indicator.id(), province.get().id(), Period.Type.YEAR, from, to,
                    shown)) {
                var v = p.value();
                years.add(new YearValue(p.period().year(), v.value(), number(v.value(), locale),
                        v.numerator() == null ? null : number(v.numerator(), locale) + " / "
                                + number(v.denominator(), locale), v.demo(), v.carried(),
                        t.deadlineYear() != null && p.period().year() > t.deadlineYear(), v.pending()));
            }
        }
        m.addAttribute("plan", plan);
        m.addAttribute("target", t);
        m.addAttribute("leadAgencies", leadAgencies(t));
        m.addAttribute("targetValue", texts.targetValue(t, locale));
        m.addAttribute("indicator", indicator);
        m.addAttribute("province", province.orElse(null));
        m.addAttribute("status", status);
        m.addAttribute("figures", status == null ? null : figures(status, locale));
        m.addAttribute("years", years);
        m.addAttribute("demo", years.stream().anyMatch(YearValue::demo));
        m.addAttribute("asOf", day);
        m.addAttribute("preview", shown == vn.dxgov.analytics.ValueView.PENDING);
        m.addAttribute("reviewer", CurrentUser.steering());
        m.addAttribute("chart", vn.dxgov.shared.web.JsonIsland.of(json, chart(t, years, status)));
        return "targets/target";
    }

    /** The target's lead agencies in the target's order (an id no longer in the directory is left out). */
    private List<Agency> leadAgencies(Target t) {
        if (t.leadAgencyIds().isEmpty()) {
            return List.of();
        }
        Map<Long, Agency> found = agencies.findAll(t.leadAgencyIds());
        return t.leadAgencyIds().stream().filter(found::containsKey).map(found::get).toList();
    }

    /** A figure written in the reader's language ({@link vn.dxgov.shared.Numbers#value}). */
    private static String number(BigDecimal value, Locale locale) {
        return vn.dxgov.shared.Numbers.of(locale).value(value);
    }

    static Figures figures(StatusAssessment s, Locale locale) {
        return new Figures(s.latest() == null ? null : number(s.latest(), locale),
                rounded(s.expected(), locale), rounded(s.forecast(), locale),
                s.forecastLow() == null ? null : rounded(s.forecastLow(), locale) + "–" + rounded(s.forecastHigh(), locale),
                s.afterDeadline() == null ? null : number(s.afterDeadline(), locale));
    }

    /** An estimate (expected value, forecast and its interval): at most one decimal. */
    private static String rounded(BigDecimal v, Locale locale) {
        return v == null ? null : vn.dxgov.shared.Numbers.of(locale).rounded(v, 1);
    }

    /** What the chart draws: yearly values, the straight path to the target, the forecast with its interval. */
    static Map<String, Object> chart(Target t, List<YearValue> years, StatusAssessment s) {
        Map<String, Object> c = new LinkedHashMap<>();
        List<Object[]> values = new ArrayList<>();
        years.forEach(y -> values.add(new Object[]{String.valueOf(y.year()), y.value()}));
        c.put("values", values);
        List<Object[]> path = new ArrayList<>();
        if (t.deadlineYear() != null && t.value() != null) {
            if (t.baseline() != null && t.baselineYear() != null) {
                path.add(new Object[]{String.valueOf(t.baselineYear()), t.baseline()});
            } else if (!years.isEmpty()) {
                path.add(new Object[]{String.valueOf(years.get(0).year()), years.get(0).value()});
            }
            path.add(new Object[]{String.valueOf(t.deadlineYear()), t.value()});
        }
        c.put("path", path);
        if (s != null && s.forecast() != null && t.deadlineYear() != null) {
            c.put("forecast", new Object[]{String.valueOf(t.deadlineYear()), s.forecast()});
            c.put("low", s.forecastLow());
            c.put("high", s.forecastHigh());
        }
        c.put("target", t.value());
        c.put("deadline", t.deadlineYear());
        c.put("unit", t.unit());
        List<String> axis = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (YearValue y : years) {
            first = Math.min(first, y.year());
            last = Math.max(last, y.year());
        }
        if (t.baselineYear() != null) {
            first = Math.min(first, t.baselineYear());
            last = Math.max(last, t.baselineYear());
        }
        if (t.deadlineYear() != null) {
            first = Math.min(first, t.deadlineYear());
            last = Math.max(last, t.deadlineYear());
        }
        for (int y = first; y <= last && last - first <= 60; y++) {
            axis.add(String.valueOf(y));
        }
        c.put("years", axis);
        return c;
    }
}
