package vn.dxgov.plans.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanTexts;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.VietText;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.targets.TargetSplit;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;

/**
 * What the plan pages show, ready for the templates: display texts of dates, periods, target values and task time
 * frames in the user's language, targets grouped by pillar then deadline year, tasks grouped by section.
 */
@Component
class PlanPageModel implements PlanTexts {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A plan in the plan tree; depth 0 for a root. */
    record PlanRow(PlanViews.PlanSummary plan, int depth, String issued, String period) {
    }

    record TargetRow(PlanViews.TargetView target, String value, boolean split) {
    }

    record YearGroup(Integer year, List<TargetRow> targets) {
    }

    record PillarGroup(Pillar pillar, int count, List<YearGroup> years) {
    }

    /**
     * A task, with the group heading to show above it when the heading changes, and its pillar's badge (class and
     * label) ready: the plan page renders a hundred of these, and each expression or message lookup the template no
     * longer makes per row is CPU saved on every full render (issue 13).
     */
    record TaskRow(PlanViews.TaskView task, String timeFrame, String groupHeading, String pillarClass,
                   String pillarLabel) {
    }

    record TaskSection(String section, String title, List<TaskRow> tasks) {
    }

    private final MessageSource messages;

    PlanPageModel(MessageSource messages) {
        this.messages = messages;
    }

    // ----- plans

    List<PlanRow> tree(List<PlanViews.PlanSummary> plans, Locale locale) {
        Map<Long, PlanViews.PlanSummary> byId = new HashMap<>();
        plans.forEach(p -> byId.put(p.id(), p));
        List<PlanRow> rows = new ArrayList<>();
        for (PlanViews.PlanSummary p : plans) {
            int depth = 0;
            Long parent = p.parentId();
            while (parent != null && byId.containsKey(parent) && depth < 10) {
                depth++;
                parent = byId.get(parent).parentId();
            }
            rows.add(new PlanRow(p, depth, issued(p.issuedOn(), p.issuedOnText(), locale),
                    period(p.periodStart(), p.periodEnd(), p.visionYear(), locale)));
        }
        return rows;
    }

    PlanRow row(Plan p, Locale locale) {
        return new PlanRow(null, 0, issued(p.issuedOn(), p.issuedOnText(), locale),
                period(p.periodStart(), p.periodEnd(), p.visionYear(), locale));
    }

    /**
     * The issue date: "10/11/2021", or what an incomplete one says ("tháng 01/2022 (chưa ghi ngày)" for "ngày
     * /01/2022", never the written text with its holes, issue 14), or null for none (the page shows "—").
     */
    static String issued(LocalDate on, String asWritten, Locale locale) {
        if (on == null && (asWritten == null || asWritten.isBlank())) {
            return null;
        }
        return vn.dxgov.shared.VietDates.dayOrWritten(on, asWritten, locale);
    }

    String period(Integer start, Integer end, Integer vision, Locale locale) {
        String years = null;
        if (start != null && end != null) {
            years = start + "–" + end;
        } else if (end != null) {
            years = msg("plan.period.until", locale, String.valueOf(end));
        } else if (start != null) {
            years = msg("plan.period.from", locale, String.valueOf(start));
        }
        if (vision == null) {
            return years;
        }
        String v = msg("plan.period.vision", locale, String.valueOf(vision));
        return years == null ? v : years + ", " + v;
    }

    // ----- targets

    TargetRow targetRow(PlanViews.TargetView t, Locale locale) {
        return new TargetRow(t, value(t, locale), t.splits() != null && !t.splits().isEmpty());
    }

    /** Targets by pillar (in pillar order), then by deadline year (earliest first, none last), in document order. */
    List<PillarGroup> groupTargets(List<PlanViews.TargetView> targets, Locale locale) {
        List<PillarGroup> out = new ArrayList<>();
        for (Pillar pillar : Pillar.values()) {
            List<PlanViews.TargetView> ofPillar = targets.stream().filter(t -> t.pillar() == pillar).toList();
            if (ofPillar.isEmpty()) {
                continue;
            }
            Map<Integer, List<TargetRow>> byYear = new LinkedHashMap<>();
            ofPillar.stream().map(PlanViews.TargetView::deadlineYear).distinct()
                    .sorted(Comparator.nullsLast(Comparator.naturalOrder()))
                    .forEach(y -> byYear.put(y, new ArrayList<>()));
            ofPillar.forEach(t -> byYear.get(t.deadlineYear()).add(targetRow(t, locale)));
            List<YearGroup> years = new ArrayList<>();
            byYear.forEach((y, rows) -> years.add(new YearGroup(y, rows)));
            out.add(new PillarGroup(pillar, ofPillar.size(), years));
        }
        return out;
    }

    /** "≥ 90%", "Top 10", "Hoàn thành", "Tỉnh 90% · Huyện 80% · Xã 60%", "≥ 3.000 doanh nghiệp". */
    String value(PlanViews.TargetView t, Locale locale) {
        return value(t.kind(), t.comparison(), t.value(), t.unit(), t.splits(), locale);
    }

    @Override
    public String targetValue(Target t, Locale locale) {
        return value(t.kind(), t.comparison(), t.value(), t.unit(), t.splits(), locale);
    }

    private String value(TargetKind kind, Comparison comparison, BigDecimal value, String unit,
                         List<TargetSplit> splits, Locale locale) {
        if (splits != null && !splits.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (TargetSplit s : splits) {
                String symbol = s.comparison() == null || s.comparison() == Comparison.AT_LEAST
                        || s.comparison() == Comparison.EQUAL ? "" : symbol(s.comparison()) + " ";
                String written = s.label() == null ? "" : s.label().trim();
                if (!written.isEmpty() && !VietText.fold(written).startsWith("cap ") && kind != TargetKind.PERCENT) {
                    // "06 huyện, thị xã, thành phố · 300 xã, phường, thị trấn": the label is what is counted
                    parts.add(symbol + number(s.value(), locale) + " " + written);
                    continue;
                }
                String label = s.level() == null || s.level() == vn.dxgov.targets.SplitLevel.OTHER
                        ? capitalise(written) : msg("split." + s.level().name(), locale);
                parts.add((label == null ? "" : label + " ") + symbol + amount(s.value(), unit, locale));
            }
            return String.join(" · ", parts);
        }
        if (kind == TargetKind.YES_NO) {
            return msg("target.done", locale);
        }
        if (value == null) {
            return "—";
        }
        if (kind == TargetKind.RANK) {
            return msg("target.rank", locale, number(value, locale));
        }
        String symbol = symbol(comparison);
        return (symbol.isEmpty() ? "" : symbol + " ") + amount(value, unit, locale);
    }

    static String symbol(Comparison c) {
        if (c == null) {
            return "";
        }
        return switch (c) {
            case AT_LEAST -> "≥";
            case MORE_THAN -> ">";
            case AT_MOST -> "≤";
            case LESS_THAN -> "<";
            case EQUAL -> "=";
        };
    }

    static String amount(BigDecimal value, String unit, Locale locale) {
        String n = number(value, locale);
        if (unit == null || unit.isBlank()) {
            return n;
        }
        return unit.startsWith("%") ? n + unit : n + " " + unit;
    }

    /** 3000 → "3.000" in Vietnamese, "3,000" in English; 9.6 → "9,6" / "9.6" (the number grammar, {@link Numbers}). */
    static String number(BigDecimal value, Locale locale) {
        return Numbers.of(locale).value(value);
    }

    // ----- tasks

    TaskRow taskRow(PlanViews.TaskView t, String groupHeading, Locale locale) {
        return new TaskRow(t, timeFrame(t, locale), groupHeading, "badge rounded-pill small badge-pillar-" + t.pillar(),
                msg(t.pillar().messageKey(), locale));
    }

    /** Tasks by section in document order; a group heading is set on the first task of each group. */
    List<TaskSection> groupTasks(List<PlanViews.TaskView> tasks, Locale locale) {
        Map<String, List<PlanViews.TaskView>> bySection = new LinkedHashMap<>();
        Map<String, String> titles = new HashMap<>();
        for (PlanViews.TaskView t : tasks) {
            String key = t.section() == null ? "" : t.section();
            bySection.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
            if (t.sectionTitle() != null) {
                titles.putIfAbsent(key, t.sectionTitle());
            }
        }
        List<TaskSection> out = new ArrayList<>();
        bySection.forEach((section, list) -> {
            List<TaskRow> rows = new ArrayList<>();
            String previous = null;
            for (PlanViews.TaskView t : list) {
                String heading = t.groupTitle() != null && !t.groupTitle().equals(previous) ? t.groupTitle() : null;
                previous = t.groupTitle();
                rows.add(taskRow(t, heading, locale));
            }
            out.add(new TaskSection(section.isEmpty() ? null : section, titles.get(section), rows));
        });
        return out;
    }

    /** "Hằng năm", "2022–2025", "2023", or the time frame as written. */
    String timeFrame(PlanViews.TaskView t, Locale locale) {
        return timeFrame(t.startYear(), t.endYear(), t.recurrence(), t.timeFrame(), locale);
    }

    @Override
    public String timeFrame(Task t, Locale locale) {
        return timeFrame(t.startYear(), t.endYear(), t.recurrence(), t.timeFrameText(), locale);
    }

    private String timeFrame(Integer start, Integer end, Recurrence recurrence, String written, Locale locale) {
        String years = null;
        if (start != null && end != null && !start.equals(end)) {
            years = start + "–" + end;
        } else if (start != null || end != null) {
            years = String.valueOf(start != null ? start : end);
        }
        if (recurrence == Recurrence.ANNUAL) {
            String annual = msg("task.annual", locale);
            return years == null ? annual : annual + " (" + years + ")";
        }
        if (years != null) {
            return years;
        }
        return written == null ? "" : written;
    }

    // ----- filters

    /** The years a filter may pick: deadline years of the targets and the years the tasks run in. */
    static List<Integer> years(List<PlanViews.TargetView> targets, List<PlanViews.TaskView> tasks) {
        TreeSet<Integer> years = new TreeSet<>();
        targets.stream().map(PlanViews.TargetView::deadlineYear).filter(Objects::nonNull).forEach(years::add);
        for (PlanViews.TaskView t : tasks) {
            if (t.startYear() != null && t.endYear() != null && t.endYear() - t.startYear() <= 50) {
                for (int y = t.startYear(); y <= t.endYear(); y++) {
                    years.add(y);
                }
            } else if (t.startYear() != null) {
                years.add(t.startYear());
            } else if (t.endYear() != null) {
                years.add(t.endYear());
            }
        }
        return List.copyOf(years);
    }

    /** The agencies named anywhere in a plan, sorted as a Vietnamese reader expects. */
    static List<PlanViews.AgencyRef> agencies(List<PlanViews.TargetView> targets, List<PlanViews.TaskView> tasks) {
        Map<Long, PlanViews.AgencyRef> byId = new LinkedHashMap<>();
        targets.forEach(t -> {
            t.leadAgencies().forEach(a -> byId.putIfAbsent(a.id(), a));
            t.cooperatingAgencies().forEach(a -> byId.putIfAbsent(a.id(), a));
        });
        tasks.forEach(t -> {
            t.leadAgencies().forEach(a -> byId.putIfAbsent(a.id(), a));
            t.cooperatingAgencies().forEach(a -> byId.putIfAbsent(a.id(), a));
        });
        List<PlanViews.AgencyRef> list = new ArrayList<>(byId.values());
        Comparator<String> collator = VietText.collator();
        list.sort((a, b) -> collator.compare(a.name(), b.name()));
        return list;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String capitalise(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim().replaceFirst("^(?i)cấp\\s+", "");
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
