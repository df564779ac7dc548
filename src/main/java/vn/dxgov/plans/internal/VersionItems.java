package vn.dxgov.plans.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.dxgov.plans.Plan;
import vn.dxgov.shared.Numbers;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.tasks.Task;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;

/**
 * Targets and tasks described for {@link PlanDiff}: each compared field as the review page shows it, in Vietnamese
 * form (values "1.250,5", agencies by name, in the order written).
 */
@Component
class VersionItems {

    private final AgencyDirectory agencies;
    private final PlanRepository plans;

    VersionItems(AgencyDirectory agencies, PlanRepository plans) {
        this.agencies = agencies;
        this.plans = plans;
    }

    Plan header(long planId) {
        return plans.find(planId).orElseThrow();
    }

    @SafeVarargs
    final Map<Long, String> agencyNames(Collection<? extends Object>... lists) {
        Set<Long> ids = new HashSet<>();
        for (Collection<?> list : lists) {
            for (Object o : list) {
                if (o instanceof Target t) {
                    ids.addAll(t.leadAgencyIds());
                    ids.addAll(t.cooperatingAgencyIds());
                } else if (o instanceof Task t) {
                    ids.addAll(t.leadAgencyIds());
                    ids.addAll(t.cooperatingAgencyIds());
                }
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        return agencies.findAll(ids).values().stream().collect(Collectors.toMap(Agency::id, Agency::name));
    }

    List<PlanDiff.Item> ofTargets(List<Target> list, Map<Long, String> names) {
        List<PlanDiff.Item> out = new ArrayList<>();
        for (Target t : list) {
            Map<PlanDiff.Field, String> f = new EnumMap<>(PlanDiff.Field.class);
            f.put(PlanDiff.Field.VALUE, value(t));
            f.put(PlanDiff.Field.UNIT, t.unit());
            f.put(PlanDiff.Field.DEADLINE, t.deadlineYear() == null ? null : t.deadlineYear().toString());
            f.put(PlanDiff.Field.LEAD, agencies(t.leadAgencyIds(), names));
            f.put(PlanDiff.Field.COOPERATING, agencies(t.cooperatingAgencyIds(), names));
            out.add(new PlanDiff.Item(t.id(), t.code(), t.text(), f));
        }
        return out;
    }

    List<PlanDiff.Item> ofTasks(List<Task> list, Map<Long, String> names) {
        List<PlanDiff.Item> out = new ArrayList<>();
        for (Task t : list) {
            Map<PlanDiff.Field, String> f = new EnumMap<>(PlanDiff.Field.class);
            f.put(PlanDiff.Field.LEAD, agencies(t.leadAgencyIds(), names));
            f.put(PlanDiff.Field.COOPERATING, agencies(t.cooperatingAgencyIds(), names));
            f.put(PlanDiff.Field.TIME_FRAME, timeFrame(t));
            out.add(new PlanDiff.Item(t.id(), t.code(), t.title(), f));
        }
        return out;
    }

    private static String value(Target t) {
        if (t.splits() != null && t.splits().size() > 1) {
            List<String> parts = new ArrayList<>();
            for (TargetSplit s : t.splits()) {
                parts.add((s.label() == null ? s.level().name() : s.label()) + ": " + figure(s.comparison(), s.value()));
            }
            return String.join("; ", parts);
        }
        return t.value() == null ? null : figure(t.comparison(), t.value());
    }

    private static String figure(Comparison c, BigDecimal v) {
        if (v == null) {
            return "";
        }
        String sign = c == null ? "" : switch (c) {
            case AT_LEAST -> "≥ ";
            case MORE_THAN -> "> ";
            case AT_MOST -> "≤ ";
            case LESS_THAN -> "< ";
            case EQUAL -> "= ";
        };
        return sign + Numbers.VI.exact(v);
    }

    private static String timeFrame(Task t) {
        if (t.timeFrameText() != null && !t.timeFrameText().isBlank()) {
            return t.timeFrameText().trim();
        }
        if (t.startYear() == null && t.endYear() == null) {
            return null;
        }
        return t.startYear() == null ? t.endYear().toString()
                : t.endYear() == null || t.endYear().equals(t.startYear()) ? t.startYear().toString()
                : t.startYear() + "–" + t.endYear();
    }

    private static String agencies(List<Long> ids, Map<Long, String> names) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        return ids.stream().map(id -> names.getOrDefault(id, "#" + id)).collect(Collectors.joining("; "));
    }
}
