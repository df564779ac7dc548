package vn.dxgov.plans.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanEdit;
import vn.dxgov.plans.PlanType;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.Pillar;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.Target;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;

/**
 * The review forms of the plan page as the browser posts them (every value a string, so that a wrong number comes
 * back to the form with a message instead of a binding failure), and the problems found in them, keyed by field.
 */
final class ReviewForms {

    private ReviewForms() {
    }

    /** Problems of a submitted form: per field, plus those that belong to no field; the headline message. */
    static final class Problems {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();
        private final List<String> general = new ArrayList<>();
        private String message;

        void add(String field, String problem) {
            byField.computeIfAbsent(field, k -> new ArrayList<>()).add(problem);
        }

        /**
         * Adds the details of a service's validation failure ("value: tỷ lệ ... / a percentage ..."): the field before
         * the colon, and of a bilingual text the half in the user's language.
         */
        void addDetails(List<String> details, Map<String, String> fieldNames, Locale locale) {
            for (String d : details) {
                int colon = d.indexOf(": ");
                String field = colon > 0 ? d.substring(0, colon) : null;
                String text = colon > 0 ? d.substring(colon + 2) : d;
                int slash = text.indexOf(" / ");
                if (slash > 0) {
                    text = "en".equals(locale.getLanguage()) ? text.substring(slash + 3) : text.substring(0, slash);
                }
                String mapped = field == null ? null : fieldNames.getOrDefault(field, null);
                if (mapped != null) {
                    add(mapped, text);
                } else {
                    general.add(text);
                }
            }
        }

        void general(String problem) {
            general.add(problem);
        }

        boolean isEmpty() {
            return byField.isEmpty() && general.isEmpty();
        }

        public boolean has(String field) {
            return byField.containsKey(field);
        }

        public List<String> of(String field) {
            return byField.getOrDefault(field, List.of());
        }

        public List<String> getGeneral() {
            return general;
        }

        public String getMessage() {
            return message;
        }

        void setMessage(String message) {
            this.message = message;
        }
    }

    /**
     * A number in the grammar of the reviewer's language ({@link Numbers}): "3.000" and "9,6" in Vietnamese; what does
     * not fit ("1.3", "9.6") is refused with the grammar's message, which shows how to write it.
     */
    static BigDecimal decimal(String s, String field, Problems p, Numbers grammar, boolean percent) {
        Numbers.Reading r = percent ? grammar.parsePercent(s) : grammar.parse(s);
        if (!r.ok()) {
            p.add(field, r.problem().message());
        }
        return r.value();
    }

    static Integer integer(String s, String field, Problems p, String problem) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            p.add(field, problem);
            return null;
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<Long> ids(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** A target as edited on the plan page. */
    public static class TargetForm {
        private String text = "";
        private String kind = "";
        private String comparison = "";
        private String value = "";
        private String unit = "";
        private String deadlineYear = "";
        private String pillar = "";
        private List<Long> lead = new ArrayList<>();
        private List<Long> cooperating = new ArrayList<>();

        /** The form of a target; its value written with all its decimals in the grammar of {@code locale}. */
        static TargetForm of(Target t, Locale locale) {
            TargetForm f = new TargetForm();
            f.text = t.text();
            f.kind = str(t.kind());
            f.comparison = str(t.comparison());
            f.value = Numbers.of(locale).exact(t.value());
            f.unit = str(t.unit());
            f.deadlineYear = str(t.deadlineYear());
            f.pillar = str(t.pillar());
            f.lead = new ArrayList<>(t.leadAgencyIds());
            f.cooperating = new ArrayList<>(t.cooperatingAgencyIds());
            return f;
        }

        /** The edit for the review service; fields the form does not show keep the target's values. */
        PlanReview.TargetEdit toEdit(Target current, Problems p, Locale locale, org.springframework.context.MessageSource m) {
            BigDecimal v = decimal(value, "value", p, Numbers.of(locale), unit != null && unit.strip().startsWith("%"));
            Integer year = integer(deadlineYear, "deadlineYear", p, m.getMessage("review.error.year", null, locale));
            return new PlanReview.TargetEdit(current.code(), text, enumOf(TargetKind.class, kind),
                    enumOf(Comparison.class, comparison), v, unit, year, current.baseline(), current.baselineYear(),
                    enumOf(Pillar.class, pillar), current.splits(), ids(lead), ids(cooperating));
        }

        static final Map<String, String> FIELDS = Map.of("text", "text", "kind", "kind", "comparison", "comparison",
                "value", "value", "unit", "unit", "deadlineYear", "deadlineYear", "pillar", "pillar",
                "leadAgencyIds", "lead", "cooperatingAgencyIds", "cooperating", "baselineYear", "deadlineYear");

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getComparison() { return comparison; }
        public void setComparison(String comparison) { this.comparison = comparison; }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public String getDeadlineYear() { return deadlineYear; }
        public void setDeadlineYear(String deadlineYear) { this.deadlineYear = deadlineYear; }
        public String getPillar() { return pillar; }
        public void setPillar(String pillar) { this.pillar = pillar; }
        public List<Long> getLead() { return lead; }
        public void setLead(List<Long> lead) { this.lead = lead; }
        public List<Long> getCooperating() { return cooperating; }
        public void setCooperating(List<Long> cooperating) { this.cooperating = cooperating; }
    }

    /** A task as edited on the plan page. */
    public static class TaskForm {
        private String code = "";
        private String title = "";
        private String timeFrame = "";
        private String startYear = "";
        private String endYear = "";
        private boolean annual;
        private String pillar = "";
        private List<Long> lead = new ArrayList<>();
        private List<Long> cooperating = new ArrayList<>();
        private String scope = "";

        static TaskForm of(Task t) {
            TaskForm f = new TaskForm();
            f.code = str(t.code());
            f.title = t.title();
            f.timeFrame = str(t.timeFrameText());
            f.startYear = str(t.startYear());
            f.endYear = str(t.endYear());
            f.annual = t.recurrence() == Recurrence.ANNUAL;
            f.pillar = str(t.pillar());
            f.lead = new ArrayList<>(t.leadAgencyIds());
            f.cooperating = new ArrayList<>(t.cooperatingAgencyIds());
            f.scope = str(t.scope());
            return f;
        }

        PlanReview.TaskEdit toEdit(Task current, Problems p, Locale locale, org.springframework.context.MessageSource m) {
            String yearProblem = m.getMessage("review.error.year", null, locale);
            Integer start = integer(startYear, "startYear", p, yearProblem);
            Integer end = integer(endYear, "endYear", p, yearProblem);
            return new PlanReview.TaskEdit(code, current.section(), current.sectionTitle(), current.groupTitle(), title,
                    timeFrame, start, end, annual ? Recurrence.ANNUAL : null, scope, current.legalBasis(),
                    enumOf(Pillar.class, pillar), ids(lead), ids(cooperating));
        }

        static final Map<String, String> FIELDS = Map.of("title", "title", "code", "code", "timeFrame", "timeFrame",
                "startYear", "startYear", "endYear", "endYear", "pillar", "pillar", "scope", "scope",
                "leadAgencyIds", "lead", "cooperatingAgencyIds", "cooperating");

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getTimeFrame() { return timeFrame; }
        public void setTimeFrame(String timeFrame) { this.timeFrame = timeFrame; }
        public String getStartYear() { return startYear; }
        public void setStartYear(String startYear) { this.startYear = startYear; }
        public String getEndYear() { return endYear; }
        public void setEndYear(String endYear) { this.endYear = endYear; }
        public boolean isAnnual() { return annual; }
        public void setAnnual(boolean annual) { this.annual = annual; }
        public String getPillar() { return pillar; }
        public void setPillar(String pillar) { this.pillar = pillar; }
        public List<Long> getLead() { return lead; }
        public void setLead(List<Long> lead) { this.lead = lead; }
        public List<Long> getCooperating() { return cooperating; }
        public void setCooperating(List<Long> cooperating) { this.cooperating = cooperating; }
        public String getScope() { return scope; }
        public void setScope(String scope) { this.scope = scope; }
    }

    /** A plan's metadata as edited. */
    public static class PlanForm {
        private String type = "";
        private String number = "";
        private String title = "";
        private String issuer = "";
        private String issuedOn = "";
        private String provinceName = "";
        private String periodStart = "";
        private String periodEnd = "";
        private String visionYear = "";
        private String parentId = "";

        static PlanForm of(Plan p) {
            PlanForm f = new PlanForm();
            f.type = str(p.type());
            f.number = str(p.number());
            f.title = p.title();
            f.issuer = str(p.issuer());
            f.issuedOn = str(p.issuedOn());
            f.provinceName = str(p.provinceName());
            f.periodStart = str(p.periodStart());
            f.periodEnd = str(p.periodEnd());
            f.visionYear = str(p.visionYear());
            f.parentId = str(p.parentId());
            return f;
        }

        PlanEdit toEdit(Problems p, Locale locale, org.springframework.context.MessageSource m) {
            String yearProblem = m.getMessage("review.error.year", null, locale);
            LocalDate date = null;
            if (issuedOn != null && !issuedOn.isBlank()) {
                try {
                    date = LocalDate.parse(issuedOn.trim());
                } catch (DateTimeParseException e) {
                    try {
                        date = LocalDate.parse(issuedOn.trim(), PlanPageModel.DATE);
                    } catch (DateTimeParseException e2) {
                        p.add("issuedOn", m.getMessage("review.error.date", null, locale));
                    }
                }
            }
            PlanType t = enumOf(PlanType.class, type);
            if (t == null) {
                p.add("type", m.getMessage("review.error.required", null, locale));
            }
            if (title == null || title.isBlank()) {
                p.add("title", m.getMessage("review.error.required", null, locale));
            }
            Integer parent = integer(parentId, "parentId", p, yearProblem);
            return new PlanEdit(t, number, title, issuer, date, provinceName,
                    integer(periodStart, "periodStart", p, yearProblem), integer(periodEnd, "periodEnd", p, yearProblem),
                    integer(visionYear, "visionYear", p, yearProblem), parent == null ? null : parent.longValue());
        }

        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getNumber() { return number; }
        public void setNumber(String number) { this.number = number; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getIssuer() { return issuer; }
        public void setIssuer(String issuer) { this.issuer = issuer; }
        public String getIssuedOn() { return issuedOn; }
        public void setIssuedOn(String issuedOn) { this.issuedOn = issuedOn; }
        public String getProvinceName() { return provinceName; }
        public void setProvinceName(String provinceName) { this.provinceName = provinceName; }
        public String getPeriodStart() { return periodStart; }
        public void setPeriodStart(String periodStart) { this.periodStart = periodStart; }
        public String getPeriodEnd() { return periodEnd; }
        public void setPeriodEnd(String periodEnd) { this.periodEnd = periodEnd; }
        public String getVisionYear() { return visionYear; }
        public void setVisionYear(String visionYear) { this.visionYear = visionYear; }
        public String getParentId() { return parentId; }
        public void setParentId(String parentId) { this.parentId = parentId; }
    }
}
