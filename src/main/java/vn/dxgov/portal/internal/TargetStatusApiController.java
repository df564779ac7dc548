package vn.dxgov.portal.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import vn.dxgov.analytics.SplitAssessment;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.analytics.ValueView;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.plans.ReadStamps;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;

/**
 * Targets seen through their indicators: the indicator behind a target and the status of a target or of all the
 * targets of a plan (judged for the plan's province unless a unit is given). A plan's visibility (drafts only for
 * the steering department) decides who may ask, through {@link PlanCatalog}; the judgement is the analytics
 * module's.
 *
 * <p>Judged once per {@link ReadStamps stamp} of the database (issue 13): the same question asked again before
 * anything was written reuses the judgement (the analytics walk was the widest frame of the API under load), and the
 * answer carries a weak {@code ETag}, so a client that sends it back ({@code If-None-Match}) gets 304 without any
 * judging. Who may ask is checked on every request, before either.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Target status", description = "Tình trạng chỉ tiêu: đã đạt, đúng tiến độ, có nguy cơ, chậm tiến độ, chưa có số liệu")
class TargetStatusApiController {

    /**
     * A target's status with what it was judged on; {@code splits}: for a compound count target judged for a
     * province ("06 huyện ... và 300 xã ..."), each split judged on its own indicator (empty otherwise).
     * {@code latest} is the latest value of the deadline year or before; {@code afterDeadline} (and its year) the
     * latest value of a later year, shown and never judged (null when there is none).
     */
    record StatusView(long targetId, String targetCode, String targetText, Long indicatorId, String indicatorCode,
                      long unitId, String unitName, LocalDate asOf, TargetStatus status, BigDecimal target,
                      Integer deadlineYear, BigDecimal baseline, Integer baselineYear, BigDecimal latest,
                      Integer latestYear, BigDecimal expected, BigDecimal forecast, BigDecimal forecastLow,
                      BigDecimal forecastHigh, BigDecimal afterDeadline, Integer afterDeadlineYear, boolean demo,
                      String explanation, List<SplitAssessment> splits, boolean pending) {
    }

    /** @param view APPROVED figures (the default), or the steering department's PENDING preview */
    record PlanStatusView(long planId, long unitId, String unitName, LocalDate asOf, Map<TargetStatus, Integer> counts,
                          List<StatusView> targets, ValueView view) {
    }

    private final PlanCatalog plans;
    private final TargetCatalog targets;
    private final TargetStatuses statuses;
    private final IndicatorCatalog indicators;
    private final AdminUnits units;
    private final ReadStamps stamps;

    /** What was judged, for which question, under which stamp; a question under an older stamp is never reused. */
    private record Key(String what, long id, long unit, LocalDate day, ValueView view, Locale locale,
                       ReadStamps.Stamp stamp) {
    }

    private static final int KEPT = 256;
    private final Map<Key, Object> kept = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > KEPT;
        }
    });

    TargetStatusApiController(PlanCatalog plans, TargetCatalog targets, TargetStatuses statuses,
                              IndicatorCatalog indicators, AdminUnits units, ReadStamps stamps) {
        this.plans = plans;
        this.targets = targets;
        this.statuses = statuses;
        this.indicators = indicators;
        this.units = units;
        this.stamps = stamps;
    }

    @GetMapping("/targets/{id}/indicator")
    @Operation(summary = "The indicator that measures a target (404 when none is linked)")
    Indicator indicator(@PathVariable long id) {
        Target t = visibleTarget(id);
        return indicators.forTarget(t.id()).orElseThrow(() -> ApiException.notFound("indicator of target", id));
    }

    @GetMapping("/targets/{id}/status")
    @Operation(summary = "A target's status for a unit on a day (default: the plan's province, today), with the latest "
            + "value, the straight path to the target, the forecast at the deadline and its 80% interval; judged on the "
            + "deadline year and before, a later year's value given apart as afterDeadline (method: docs/METHODS.md)")
    StatusView targetStatus(@PathVariable long id,
                            @Parameter(description = "unit id; default the plan's province on asOf")
                            @RequestParam(required = false) Long unit,
                            @RequestParam(required = false) LocalDate asOf,
                            @Parameter(description = "APPROVED (default) or PENDING: the steering department's preview "
                                    + "with submitted, not yet approved figures, each judgement they change marked pending")
                            @RequestParam(defaultValue = "APPROVED") ValueView view,
                            HttpServletRequest request, HttpServletResponse response, ServletWebRequest web) {
        view.requireAllowed();
        Target t = visibleTarget(id);
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        ReadStamps.Stamp stamp = stamps.now();
        String etag = notModified(stamp, request, web, day);
        if (etag == NOT_MODIFIED) {
            return null;
        }
        AdminUnit u = unit != null ? units.find(unit).orElseThrow(() -> ApiException.notFound("unit", unit))
                : province(plan(t.planId()), day);
        Indicator i = t.indicatorId() == null ? null : indicators.find(t.indicatorId()).orElse(null);
        StatusAssessment a = judged(new Key("target", t.id(), u.id(), day, view, LocaleContextHolder.getLocale(), stamp),
                () -> statuses.assess(t.id(), u.id(), day, view));
        tag(stamp, etag, response);
        return view(t, i, u, day, a);
    }

    @GetMapping("/plans/{id}/status")
    @Operation(summary = "The status of every target of a plan for the plan's province on a day, with counts by status")
    PlanStatusView planStatus(@PathVariable long id, @RequestParam(required = false) LocalDate asOf,
                            @Parameter(description = "APPROVED (default) or PENDING: the steering department's preview "
                                    + "with submitted, not yet approved figures, each judgement they change marked pending")
                            @RequestParam(defaultValue = "APPROVED") ValueView view,
                            HttpServletRequest request, HttpServletResponse response, ServletWebRequest web) {
        view.requireAllowed();
        Plan plan = plan(id);
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        ReadStamps.Stamp stamp = stamps.now();
        String etag = notModified(stamp, request, web, day);
        if (etag == NOT_MODIFIED) {
            return null;
        }
        AdminUnit u = province(plan, day);
        List<Target> list = targets.forPlan(id, TargetFilter.ALL);
        Map<Long, Indicator> byTarget = indicators.forTargets(list.stream().map(Target::id).toList());
        List<Long> ids = list.stream().map(Target::id).toList();
        List<StatusAssessment> assessed = judged(new Key("plan:" + ids, id, u.id(), day, view,
                LocaleContextHolder.getLocale(), stamp), () -> statuses.assessAll(ids, u.id(), day, view));
        tag(stamp, etag, response);
        Map<TargetStatus, Integer> counts = new EnumMap<>(TargetStatus.class);
        for (TargetStatus s : TargetStatus.values()) {
            counts.put(s, 0);
        }
        List<StatusView> views = new java.util.ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            StatusAssessment a = assessed.get(k);
            counts.merge(a.status(), 1, Integer::sum);
            views.add(view(list.get(k), byTarget.get(list.get(k).id()), u, day, a));
        }
        return new PlanStatusView(id, u.id(), u.name(), day, counts, views, view);
    }

    /** Marks "answered 304" (the client's copy is current); compared by identity. */
    private static final String NOT_MODIFIED = new String("304");

    /** The answer's tag, or {@link #NOT_MODIFIED} when the client's copy still matches (304 sent). */
    private String notModified(ReadStamps.Stamp stamp, HttpServletRequest request, ServletWebRequest web,
                               LocalDate day) {
        String etag = stamps.etag(stamp, request, LocaleContextHolder.getLocale(), day);
        if (stamps.matches(request.getHeader("If-None-Match"), etag) && web.checkNotModified(etag)) {
            web.getResponse().setHeader("Cache-Control", "private, no-cache");
            return NOT_MODIFIED;
        }
        return etag;
    }

    /** Tags the answer when nothing was written while it was made. */
    private void tag(ReadStamps.Stamp stamp, String etag, HttpServletResponse response) {
        if (etag != null && stamps.unchanged(stamp)) {
            response.setHeader("ETag", etag);
            response.setHeader("Cache-Control", "private, no-cache");
        }
    }

    /** A judgement kept while its stamp is the current one; without a stamp judged afresh and not kept. */
    @SuppressWarnings("unchecked")
    private <T> T judged(Key key, Supplier<T> judge) {
        if (key.stamp() == null) {
            return judge.get();
        }
        Object done = kept.get(key);
        if (done != null) {
            return (T) done;
        }
        T fresh = judge.get();
        if (stamps.unchanged(key.stamp())) {
            synchronized (kept) {
                kept.keySet().removeIf(k -> !k.stamp().equals(key.stamp()));
                kept.put(key, fresh);
            }
        }
        return fresh;
    }

    private AdminUnit province(Plan plan, LocalDate day) {
        return plans.province(plan, day).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                "targetStatus.noProvince", plan.provinceCode() == null ? "" : plan.provinceCode(), day));
    }

    private Target visibleTarget(long id) {
        Target t = targets.find(id).orElseThrow(() -> ApiException.notFound("target", id));
        plan(t.planId());
        return t;
    }

    /** A plan the current user may see, or a 404. */
    private Plan plan(long id) {
        return plans.find(id).orElseThrow(() -> ApiException.notFound("plan", id));
    }

    private static StatusView view(Target t, Indicator i, AdminUnit u, LocalDate day, StatusAssessment a) {
        return new StatusView(t.id(), t.code(), t.text(), i == null ? null : i.id(), i == null ? null : i.code(), u.id(),
                u.name(), day, a.status(), t.value(), t.deadlineYear(), a.baseline(), a.baselineYear(), a.latest(),
                a.latestYear(), a.expected(), a.forecast(), a.forecastLow(), a.forecastHigh(), a.afterDeadline(),
                a.afterDeadlineYear(), a.demo(), a.explanation(), a.splits(), a.pending());
    }
}
