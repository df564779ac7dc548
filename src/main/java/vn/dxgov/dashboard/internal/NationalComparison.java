package vn.dxgov.dashboard.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.analytics.StatusAssessment;
import vn.dxgov.analytics.TargetStatus;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanTexts;
import vn.dxgov.plans.TargetCascade;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.units.AdminUnit;

/**
 * The national view: the provinces' published plans side by side, one row per {@link ComparedKind}, one column per
 * province; a cell is the province's target of that kind (its committed value and deadline), the latest approved
 * value and its status. A target linked to a national target ({@link TargetCascade}) is of that target's kind; else
 * {@link TargetKinds} reads its text. When a province has several targets of a kind (2025 and 2030), the cell shows
 * the one with the nearest deadline not yet passed, else the latest one.
 */
@Component
class NationalComparison {

    record Province(String code, String name) {
    }

    record Cell(long targetId, String planLabel, String value, Integer deadlineYear, BigDecimal latest,
                Integer latestYear, String unit, TargetStatus status, boolean demo, int others) {
    }

    record Row(ComparedKind kind, Map<String, Cell> cells) {

        public String labelKey() {
            return kind.messageKey();
        }

        public Cell cell(String provinceCode) {
            return cells.get(provinceCode);
        }
    }

    record Comparison(List<Province> provinces, List<Row> rows, boolean demo) {
    }

    private final StatusBoard board;
    private final TargetCascade cascade;
    private final TargetCatalog targets;
    private final PlanTexts texts;

    NationalComparison(StatusBoard board, TargetCascade cascade, TargetCatalog targets, PlanTexts texts) {
        this.board = board;
        this.cascade = cascade;
        this.targets = targets;
        this.texts = texts;
    }

    /** Compares the provinces of these published plans (plans without a province are left out). */
    Comparison compare(List<Plan> published, LocalDate today, Locale locale) {
        Map<String, List<Plan>> byProvince = new LinkedHashMap<>();
        for (Plan p : published) {
            if (p.provinceCode() != null && !p.provinceCode().isBlank()) {
                byProvince.computeIfAbsent(p.provinceCode(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<ComparedKind, Map<String, List<Cell>>> found = new EnumMap<>(ComparedKind.class);
        Map<String, String> names = new HashMap<>();
        boolean demo = false;
        for (var e : byProvince.entrySet()) {
            for (StatusBoard.JudgedPlan jp : board.judgeNow(e.getValue(), today)) {
                names.putIfAbsent(e.getKey(), jp.unit().shortName());
                Map<Long, ComparedKind> kinds = kinds(jp.targets());
                for (int i = 0; i < jp.targets().size(); i++) {
                    Target t = jp.targets().get(i);
                    ComparedKind kind = kinds.get(t.id());
                    if (kind != null) {
                        StatusAssessment s = jp.now().get(i);
                        demo |= s.demo();
                        found.computeIfAbsent(kind, k -> new HashMap<>())
                                .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                .add(cell(jp.plan(), t, s, locale));
                    }
                }
            }
        }
        List<Province> provinces = names.entrySet().stream().map(n -> new Province(n.getKey(), n.getValue()))
                .sorted(Comparator.comparing(Province::name, VietText.collator())).toList();
        List<Row> rows = new ArrayList<>();
        found.forEach((kind, byCode) -> {
            Map<String, Cell> cells = new HashMap<>();
            byCode.forEach((code, list) -> cells.put(code, pick(list, today.getYear())));
            rows.add(new Row(kind, cells));
        });
        return new Comparison(provinces, rows, demo);
    }

    /** The kind of each target: its confirmed national target's, else its own text's. */
    private Map<Long, ComparedKind> kinds(List<Target> ts) {
        Map<Long, Long> national = cascade.confirmedNationalTargets(ts.stream().map(Target::id).toList());
        Map<Long, String> nationalText = new HashMap<>();
        if (!national.isEmpty()) {
            for (Target n : targets.findAll(national.values())) {
                nationalText.put(n.id(), n.text());
            }
        }
        Map<Long, ComparedKind> out = new HashMap<>();
        for (Target t : ts) {
            Long n = national.get(t.id());
            ComparedKind k = TargetKinds.classify(n == null ? null : nationalText.get(n), t.text());
            if (k != null) {
                out.put(t.id(), k);
            }
        }
        return out;
    }

    private Cell cell(Plan plan, Target t, StatusAssessment s, Locale locale) {
        return new Cell(t.id(), StatusBoard.planLabel(plan), texts.targetValue(t, locale), t.deadlineYear(),
                s.latest(), s.latestYear(), t.unit(), s.status(), s.demo(), 0);
    }

    /**
     * The target a cell shows: among those with figures (any status but no data) when there are, the nearest
     * deadline from this year on, else the latest; {@code others}: how many more of the kind. A province's 2030
     * target often has its own indicator without figures yet while its 2025 one is judged: the judged one tells more.
     */
    static Cell pick(List<Cell> cells, int year) {
        List<Cell> judged = cells.stream().filter(c -> c.status() != TargetStatus.NO_DATA).toList();
        List<Cell> from = judged.isEmpty() ? cells : judged;
        Comparator<Cell> byDeadline = Comparator.comparing(c -> c.deadlineYear() == null ? Integer.MAX_VALUE
                : c.deadlineYear());
        Cell best = from.stream().filter(c -> c.deadlineYear() == null || c.deadlineYear() >= year)
                .min(byDeadline).orElseGet(() -> from.stream().max(byDeadline).orElseThrow());
        return new Cell(best.targetId(), best.planLabel(), best.value(), best.deadlineYear(), best.latest(),
                best.latestYear(), best.unit(), best.status(), best.demo(), cells.size() - 1);
    }

    /** The provinces a national user may pick: those with a published plan. */
    static List<Province> provinces(List<Plan> published, java.util.function.Function<Plan, AdminUnit> unit) {
        Map<String, Province> out = new LinkedHashMap<>();
        for (Plan p : published) {
            if (p.provinceCode() != null && !p.provinceCode().isBlank() && !out.containsKey(p.provinceCode())) {
                AdminUnit u = unit.apply(p);
                out.put(p.provinceCode(), new Province(p.provinceCode(),
                        u != null ? u.shortName() : p.provinceName() != null ? p.provinceName() : p.provinceCode()));
            }
        }
        return out.values().stream().sorted(Comparator.comparing(Province::name, VietText.collator())).toList();
    }
}
