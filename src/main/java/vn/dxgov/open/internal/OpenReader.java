package vn.dxgov.open.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.analytics.Analytics;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.analytics.ValueView;
import vn.dxgov.open.internal.OpenProvinces.Province;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanTexts;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;

/**
 * What the portal's pages show of targets, read as the visitor: the targets of published plans, judged from
 * approved figures ({@link ValueView#APPROVED}, said on every call, never a preview), with their latest approved
 * yearly value and a small trend. A province without a known unit judges nothing: its targets have no data.
 */
@Component
class OpenReader {

    /**
     * A target as the lists show it.
     *
     * @param value    what it commits to ("≥ 90%")
     * @param latest   the latest approved yearly value, written for the reader; null when none
     * @param demo     the latest value or the judgement uses demonstration data
     */
    record TargetRow(Target target, String slug, String value, TargetStatus status, String explanation, String latest,
                     Integer latestYear, boolean demo, TrendChart.Shapes spark, List<TrendChart.Value> years) {
    }

    /** How many targets of a set stand where. */
    record Tally(int targets, int judged, int onTrack, String share, Map<TargetStatus, Integer> byStatus) {

        /** The number of targets of each status, in the order of {@link TargetStatus#values()}. */
        public List<Integer> counts() {
            return java.util.Arrays.stream(TargetStatus.values()).map(byStatus::get).toList();
        }
    }

    private final TargetCatalog targets;
    private final TargetStatuses statuses;
    private final Analytics analytics;
    private final PlanTexts texts;

    private final vn.dxgov.indicators.IndicatorCatalog indicators;

    OpenReader(TargetCatalog targets, TargetStatuses statuses, Analytics analytics, PlanTexts texts,
               vn.dxgov.indicators.IndicatorCatalog indicators) {
        this.indicators = indicators;
        this.targets = targets;
        this.statuses = statuses;
        this.analytics = analytics;
        this.texts = texts;
    }

    /** A published plan's targets in document order, with their status and latest approved value. */
    List<TargetRow> targets(Province province, Plan plan, LocalDate today, Locale locale) {
        return rows(province, targets.forPlan(plan.id(), TargetFilter.ALL), today, locale);
    }

    List<TargetRow> rows(Province province, List<Target> list, LocalDate today, Locale locale) {
        Map<Long, StatusAssessment> judged = new HashMap<>();
        if (province.unitId() != null && !list.isEmpty()) {
            for (StatusAssessment a : statuses.assessAll(list.stream().map(Target::id).toList(), province.unitId(),
                    today, ValueView.APPROVED)) {
                judged.put(a.targetId(), a);
            }
        }
        Numbers numbers = Numbers.of(locale);
        List<TargetRow> out = new ArrayList<>();
        for (Target t : list) {
            StatusAssessment a = judged.get(t.id());
            List<TrendChart.Value> years = years(province, t, today);
            TrendChart.Value last = years.isEmpty() ? null : years.get(years.size() - 1);
            boolean demo = (a != null && a.demo()) || years.stream().anyMatch(TrendChart.Value::demo);
            out.add(new TargetRow(t, slug(t.text()), texts.targetValue(t, locale),
                    a == null ? TargetStatus.NO_DATA : a.status(), a == null ? null : a.explanation(),
                    last == null ? null : numbers.value(last.value()), last == null ? null : last.year(), demo,
                    TrendChart.spark(years, t.deadlineYear(), t.value(), numbers), years));
        }
        return out;
    }

    /** The approved yearly values of a target's indicator for the province, up to this year. */
    List<TrendChart.Value> years(Province province, Target t, LocalDate today) {
        if (t.indicatorId() == null || province.unitId() == null) {
            return List.of();
        }
        int to = today.getYear();
        int from = Math.min(to - 10, t.baselineYear() == null ? to : t.baselineYear());
        // shown with the indicator's decimals but never fewer than two, so a figure as an agency reports it (37,25)
        // shows as reported, while a ratio computed from its numerator and denominator (93,036695) reads 93,04
        int decimals = Math.max(2, indicators.find(t.indicatorId()).map(vn.dxgov.indicators.Indicator::decimals).orElse(2));
        List<TrendChart.Value> out = new ArrayList<>();
        for (Analytics.Point p : analytics.series(t.indicatorId(), province.unitId(), Period.Type.YEAR, from, to,
                ValueView.APPROVED)) {
            if (p.value().value() != null && !p.value().pending()) {
                out.add(new TrendChart.Value(p.period().year(),
                        p.value().value().setScale(Math.min(decimals, 6), java.math.RoundingMode.HALF_UP),
                        p.value().demo()));
            }
        }
        return out;
    }

    /** How a set of targets stands: judged (not "no data"), achieved or on track, and the share of the judged. */
    static Tally tally(List<TargetRow> rows, Locale locale) {
        Map<TargetStatus, Integer> by = new EnumMap<>(TargetStatus.class);
        for (TargetStatus s : TargetStatus.values()) {
            by.put(s, 0);
        }
        rows.forEach(r -> by.merge(r.status(), 1, Integer::sum));
        int judged = rows.size() - by.get(TargetStatus.NO_DATA);
        int onTrack = by.get(TargetStatus.ACHIEVED) + by.get(TargetStatus.ON_TRACK);
        String share = judged == 0 ? null : Numbers.of(locale).percent(BigDecimal.valueOf(onTrack * 100L)
                .divide(BigDecimal.valueOf(judged), 1, RoundingMode.HALF_UP));
        return new Tally(rows.size(), judged, onTrack, share, by);
    }

    /** Targets by pillar (document pillars first, targets without one last) and status. */
    static Map<String, Tally> byPillar(List<TargetRow> rows, Locale locale) {
        Map<String, List<TargetRow>> groups = new LinkedHashMap<>();
        for (Pillar p : Pillar.values()) {
            groups.put(p.messageKey(), new ArrayList<>());
        }
        groups.put("open.pillar.none", new ArrayList<>());
        for (TargetRow r : rows) {
            groups.get(r.target().pillar() == null ? "open.pillar.none" : r.target().pillar().messageKey()).add(r);
        }
        Map<String, Tally> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, tally(v, locale));
            }
        });
        return out;
    }

    /** A readable address piece of a title or text: its first words, at most 60 characters. */
    static String slug(String text) {
        String s = VietText.slug(text);
        if (s.length() > 60) {
            int cut = s.lastIndexOf('-', 60);
            s = s.substring(0, cut > 20 ? cut : 60);
        }
        return s.isEmpty() ? "x" : s;
    }
}
