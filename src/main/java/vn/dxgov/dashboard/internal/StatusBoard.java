package vn.dxgov.dashboard.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.analytics.TargetStatuses;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.plans.PlanTexts;
import vn.dxgov.reporting.Reporting;
import vn.dxgov.reporting.ReportingPeriod;
import vn.dxgov.shared.Period;
import vn.dxgov.shared.Pillar;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.units.AdminUnit;

/**
 * The targets of a province's published plans by pillar and status, now and at the end of the previous reporting
 * period, and the targets that need a leader's attention (at risk, off track). Approved figures only. One
 * {@link TargetStatuses#assessAll} per plan and day: the analytics aggregate answers from memory, so a province's
 * board costs a few milliseconds (docs/PERFORMANCE.md, notes/dashboard.md).
 */
@Component
class StatusBoard {

    /** The statuses in the order the board shows them. */
    static final List<TargetStatus> ORDER = List.of(TargetStatus.ACHIEVED, TargetStatus.ON_TRACK,
            TargetStatus.AT_RISK, TargetStatus.OFF_TRACK, TargetStatus.NO_DATA);

    /**
     * One pillar's row: counts per status now, and the change since the previous period (now − then) per status.
     *
     * @param pillar null for targets without a pillar
     */
    record PillarRow(Pillar pillar, Map<TargetStatus, Integer> now, Map<TargetStatus, Integer> change, int total) {

        public String labelKey() {
            return pillar == null ? "dashboard.pillar.none" : pillar.messageKey();
        }

        public int count(TargetStatus s) {
            return now.getOrDefault(s, 0);
        }

        public int delta(TargetStatus s) {
            return change.getOrDefault(s, 0);
        }
    }

    /** A target to look at: its status now and before, with the sentence that explains it. */
    record AttentionRow(long targetId, String code, String text, String planLabel, String value, Integer deadlineYear,
                        TargetStatus status, TargetStatus before, String explanation, boolean demo) {
    }

    /**
     * @param comparedWith the day the "before" statuses are judged on: the end of the latest reporting period that
     *                     ended before today (null when no plan had one)
     */
    record Board(List<PillarRow> pillars, PillarRow total, List<AttentionRow> attention, LocalDate comparedWith,
                 boolean demo, int targetCount) {

        /** The statuses in the order the board shows them. */
        public List<TargetStatus> order() {
            return ORDER;
        }
    }

    /** A published plan of the province with the unit its targets are judged for. */
    record JudgedPlan(Plan plan, AdminUnit unit, List<Target> targets, List<StatusAssessment> now,
                      List<StatusAssessment> before, LocalDate beforeDay) {
    }

    private final PlanCatalog plans;
    private final PlanTexts texts;
    private final TargetCatalog targets;
    private final TargetStatuses statuses;
    private final Reporting reporting;

    StatusBoard(PlanCatalog plans, PlanTexts texts, TargetCatalog targets, TargetStatuses statuses,
                Reporting reporting) {
        this.plans = plans;
        this.texts = texts;
        this.targets = targets;
        this.statuses = statuses;
        this.reporting = reporting;
    }

    /** The published plans of a province the user may see, judged now and at the end of the previous period. */
    List<JudgedPlan> judge(List<Plan> provincePlans, LocalDate today) {
        return judge(provincePlans, today, true);
    }

    /** The plans judged now only (the national comparison: one {@code assessAll} per plan). */
    List<JudgedPlan> judgeNow(List<Plan> provincePlans, LocalDate today) {
        return judge(provincePlans, today, false);
    }

    private List<JudgedPlan> judge(List<Plan> provincePlans, LocalDate today, boolean withBefore) {
        List<JudgedPlan> out = new ArrayList<>();
        for (Plan plan : provincePlans) {
            Optional<AdminUnit> unit = plans.province(plan, today);
            if (unit.isEmpty()) {
                continue;
            }
            List<Target> ts = targets.forPlan(plan.id(), TargetFilter.ALL);
            List<Long> ids = ts.stream().map(Target::id).toList();
            List<StatusAssessment> now = statuses.assessAll(ids, unit.get().id(), today);
            if (withBefore) {
                LocalDate before = previousPeriodEnd(plan.id(), today);
                out.add(new JudgedPlan(plan, unit.get(), ts, now, statuses.assessAll(ids, unit.get().id(), before),
                        before));
            } else {
                out.add(new JudgedPlan(plan, unit.get(), ts, now, now, today));
            }
        }
        return out;
    }

    /**
     * The end of the latest reporting period of the plan that ended before today; without a schedule, the end of
     * last year (plans report yearly by default).
     */
    LocalDate previousPeriodEnd(long planId, LocalDate today) {
        LocalDate best = null;
        for (ReportingPeriod p : reporting.periods(planId)) {
            LocalDate end = Period.parse(p.period()).end();
            if (end.isBefore(today) && (best == null || end.isAfter(best))) {
                best = end;
            }
        }
        return best != null ? best : LocalDate.of(today.getYear() - 1, 12, 31);
    }

    Board board(List<JudgedPlan> judged, Locale locale) {
        Map<Pillar, int[][]> byPillar = new LinkedHashMap<>();
        for (Pillar p : Pillar.values()) {
            byPillar.put(p, new int[2][ORDER.size()]);
        }
        int[][] none = new int[2][ORDER.size()];
        int[][] all = new int[2][ORDER.size()];
        List<AttentionRow> attention = new ArrayList<>();
        boolean demo = false;
        LocalDate compared = null;
        int count = 0;
        for (JudgedPlan jp : judged) {
            compared = compared == null || jp.beforeDay().isAfter(compared) ? jp.beforeDay() : compared;
            for (int i = 0; i < jp.targets().size(); i++) {
                Target t = jp.targets().get(i);
                StatusAssessment now = jp.now().get(i);
                StatusAssessment then = jp.before().get(i);
                int[][] cells = t.pillar() == null ? none : byPillar.get(t.pillar());
                cells[0][ORDER.indexOf(now.status())]++;
                cells[1][ORDER.indexOf(then.status())]++;
                all[0][ORDER.indexOf(now.status())]++;
                all[1][ORDER.indexOf(then.status())]++;
                demo |= now.demo();
                count++;
                if (now.status() == TargetStatus.AT_RISK || now.status() == TargetStatus.OFF_TRACK) {
                    attention.add(new AttentionRow(t.id(), t.code(), t.text(), planLabel(jp.plan()),
                            texts.targetValue(t, locale), t.deadlineYear(), now.status(), then.status(),
                            now.explanation(), now.demo()));
                }
            }
        }
        List<PillarRow> rows = new ArrayList<>();
        byPillar.forEach((p, cells) -> rows.add(row(p, cells)));
        if (total(none) > 0) {
            rows.add(row(null, none));
        }
        // off track first, then at risk; within, the nearest deadline first
        attention.sort(Comparator.comparing((AttentionRow a) -> a.status() == TargetStatus.OFF_TRACK ? 0 : 1)
                .thenComparing(a -> a.deadlineYear() == null ? Integer.MAX_VALUE : a.deadlineYear()));
        return new Board(rows, row(null, all), attention, compared, demo, count);
    }

    private static PillarRow row(Pillar pillar, int[][] cells) {
        Map<TargetStatus, Integer> now = new EnumMap<>(TargetStatus.class);
        Map<TargetStatus, Integer> change = new EnumMap<>(TargetStatus.class);
        for (int i = 0; i < ORDER.size(); i++) {
            now.put(ORDER.get(i), cells[0][i]);
            change.put(ORDER.get(i), cells[0][i] - cells[1][i]);
        }
        return new PillarRow(pillar, now, change, total(cells));
    }

    private static int total(int[][] cells) {
        int n = 0;
        for (int c : cells[0]) {
            n += c;
        }
        return n;
    }

    /** "06-NQ/TU", or the title when the document shows no number. */
    static String planLabel(Plan plan) {
        return plan.number() != null && !plan.number().isBlank() ? plan.number() : plan.title();
    }
}
