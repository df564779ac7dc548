package vn.dxgov.plans.internal;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanEdit;
import vn.dxgov.plans.PlanType;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.web.EnumName;
import vn.dxgov.shared.web.FormErrors;
import vn.dxgov.shared.web.Limits;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.shared.web.WholeNumber;
import vn.dxgov.shared.web.YearRange;
import vn.dxgov.targets.Comparison;
import vn.dxgov.targets.TargetKind;
import vn.dxgov.tasks.Recurrence;
import vn.dxgov.tasks.Task;

/**
 * The review forms of the plan page as the browser posts them: every value a string, so that a wrong number comes
 * back to the form with the person's input and a message instead of a binding failure. Each form states what it
 * accepts with Bean Validation constraints; the page controllers validate it with {@code @Valid} and re-render it
 * from the {@link org.springframework.validation.BindingResult} (a message per field, the service's own refusals
 * added there by {@link vn.dxgov.shared.web.FormErrors}). Numbers are read with the grammar of the reviewer's
 * language ({@link Numbers}), whose message says how to write them.
 */
final class ReviewForms {

    private ReviewForms() {
    }

    /**
     * A target's value written in the number grammar of the reviewer's language ("3.000", "9,6" in Vietnamese); a
     * percent when the unit starts with "%". What does not fit ("1.3", "9.6") is refused on the field {@code value}
     * with the grammar's message, which shows how to write it.
     */
    @Documented
    @Constraint(validatedBy = TargetValue.Validator.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    @interface TargetValue {

        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<TargetValue, TargetForm> {

            @Override
            public boolean isValid(TargetForm form, ConstraintValidatorContext context) {
                Numbers.Reading r = form.read(LocaleContextHolder.getLocale());
                if (r.ok()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(FormErrors.literal(r.problem().message()))
                        .addPropertyNode("value").addConstraintViolation();
                return false;
            }
        }
    }

    /** A day written as the date input sends it (2025-03-18) or as people write it (18/03/2025); empty is fine. */
    @Documented
    @Constraint(validatedBy = Day.Validator.class)
    @Target(FIELD)
    @Retention(RUNTIME)
    @interface Day {

        String message() default "{review.error.date}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Day, String> {

            @Override
            public boolean isValid(String text, ConstraintValidatorContext context) {
                return text == null || text.isBlank() || read(text) != null;
            }

            static LocalDate read(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.trim());
                } catch (DateTimeParseException e) {
                    try {
                        return LocalDate.parse(text.trim(), PlanPageModel.DATE);
                    } catch (DateTimeParseException e2) {
                        return null;
                    }
                }
            }
        }
    }

    private static Integer integer(String s) {
        return WholeNumber.Validator.read(s);
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
    @TargetValue
    public static class TargetForm {
        @NotBlank(message = "{review.error.required}")
        @MaxChars(Limits.Kind.TEXT)
        private String text = "";
        @EnumName(TargetKind.class)
        private String kind = "";
        private String comparison = "";
        private String value = "";
        @MaxChars(Limits.Kind.NAME)
        private String unit = "";
        @WholeNumber
        @YearRange
        private String deadlineYear = "";
        @EnumName(Pillar.class)
        private String pillar = "";
        private List<Long> lead = new ArrayList<>();
        private List<Long> cooperating = new ArrayList<>();

        /** The form of a target; its value written with all its decimals in the grammar of {@code locale}. */
        static TargetForm of(vn.dxgov.targets.Target t, Locale locale) {
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

        /** The value read in the grammar of {@code locale}: a percent when the unit starts with "%". */
        Numbers.Reading read(Locale locale) {
            Numbers grammar = Numbers.of(locale);
            return unit != null && unit.strip().startsWith("%") ? grammar.parsePercent(value) : grammar.parse(value);
        }

        /**
         * The edit for the review service, from a valid form; fields the form does not show keep the target's
         * values.
         */
        PlanReview.TargetEdit toEdit(vn.dxgov.targets.Target current, Locale locale) {
            return new PlanReview.TargetEdit(current.code(), text, enumOf(TargetKind.class, kind),
                    enumOf(Comparison.class, comparison), read(locale).value(), unit, integer(deadlineYear),
                    current.baseline(), current.baselineYear(), enumOf(Pillar.class, pillar), current.splits(),
                    ids(lead), ids(cooperating));
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
        @MaxChars(Limits.Kind.NAME)
        private String code = "";
        @NotBlank(message = "{review.error.required}")
        @MaxChars(Limits.Kind.TITLE)
        private String title = "";
        @MaxChars(Limits.Kind.NAME)
        private String timeFrame = "";
        @WholeNumber
        @YearRange
        private String startYear = "";
        @WholeNumber
        @YearRange
        private String endYear = "";
        private boolean annual;
        @EnumName(Pillar.class)
        private String pillar = "";
        private List<Long> lead = new ArrayList<>();
        private List<Long> cooperating = new ArrayList<>();
        @MaxChars(Limits.Kind.TEXT)
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

        /** The edit for the review service, from a valid form; fields the form does not show keep the task's. */
        PlanReview.TaskEdit toEdit(Task current) {
            return new PlanReview.TaskEdit(code, current.section(), current.sectionTitle(), current.groupTitle(), title,
                    timeFrame, integer(startYear), integer(endYear), annual ? Recurrence.ANNUAL : null, scope,
                    current.legalBasis(), enumOf(Pillar.class, pillar), ids(lead), ids(cooperating));
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
        @EnumName(PlanType.class)
        private String type = "";
        @MaxChars(Limits.Kind.NAME)
        private String number = "";
        @NotBlank(message = "{review.error.required}")
        @MaxChars(Limits.Kind.TITLE)
        private String title = "";
        @MaxChars(Limits.Kind.NAME)
        private String issuer = "";
        @Day
        private String issuedOn = "";
        @MaxChars(Limits.Kind.NAME)
        private String provinceName = "";
        @WholeNumber
        @YearRange
        private String periodStart = "";
        @WholeNumber
        @YearRange
        private String periodEnd = "";
        @WholeNumber
        @YearRange
        private String visionYear = "";
        @WholeNumber
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

        /** The edit for the plan service, from a valid form. */
        PlanEdit toEdit() {
            Integer parent = integer(parentId);
            return new PlanEdit(enumOf(PlanType.class, type), number, title, issuer, Day.Validator.read(issuedOn),
                    provinceName, integer(periodStart), integer(periodEnd), integer(visionYear),
                    parent == null ? null : parent.longValue());
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
