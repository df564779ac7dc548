package vn.dxgov.assessment.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.validation.BindingResult;
import vn.dxgov.assessment.Assessments;
import vn.dxgov.shared.web.Limits;
import vn.dxgov.shared.web.MaxChars;
import vn.dxgov.units.UnitLevel;

/**
 * The "open a round" form as typed, every field text so that a wrong value comes back exactly as the person typed it
 * (a year "202" or a date the browser sent oddly) with a message at the field. {@link #draft} reads it; the service's
 * problems ("level: …") go to the same fields ({@link #FIELDS}).
 */
record RoundForm(@MaxChars(Limits.Kind.NAME) String name, String criteriaSetId, String year, String level,
                 String referenceDate, String deadline, @MaxChars(Limits.Kind.NAME) String provinceCode) {

    /** The service's field names → the form's. */
    static final Map<String, String> FIELDS = Map.of("name", "name", "criteriaSetId", "criteriaSetId", "year", "year",
            "level", "level", "referenceDate", "referenceDate", "deadline", "deadline", "scopeUnitId", "provinceCode",
            "provinceCode", "provinceCode", "units", "provinceCode");

    /** A blank form: the commune level and this year. */
    static RoundForm blank(int thisYear) {
        return new RoundForm("", null, Integer.toString(thisYear), UnitLevel.COMMUNE.name(), "", "", "");
    }

    UnitLevel levelOrNull() {
        try {
            return level == null || level.isBlank() ? null : UnitLevel.valueOf(level.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The draft to open, or null when a field cannot be read (the message, from the message keys
     * {@code forms.round.*}, is on the field in {@code result}). A province-level round covers every province: a
     * province typed there is not used (the page says so).
     */
    Assessments.RoundDraft draft(BindingResult result) {
        Long set = null;
        if (criteriaSetId != null && !criteriaSetId.isBlank()) {
            try {
                set = Long.parseLong(criteriaSetId.strip());
            } catch (NumberFormatException e) {
                result.rejectValue("criteriaSetId", "forms.round.criteriaSet");
            }
        }
        Integer y = null;
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                result.rejectValue("year", "forms.round.year");
            }
        }
        UnitLevel l = levelOrNull();
        if (l == null && level != null && !level.isBlank()) {
            result.rejectValue("level", "forms.round.level");
        }
        LocalDate reference = day("referenceDate", referenceDate, result);
        LocalDate due = day("deadline", deadline, result);
        if (result.hasErrors()) {
            return null;
        }
        String province = l == UnitLevel.PROVINCE || provinceCode == null || provinceCode.isBlank() ? null : provinceCode.strip();
        return new Assessments.RoundDraft(name, set, y, l, reference, due, null, province, null);
    }

    private static LocalDate day(String field, String text, BindingResult result) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip(), java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu"));
            } catch (DateTimeParseException e2) {
                result.rejectValue(field, "forms.round.date");
                return null;
            }
        }
    }
}
