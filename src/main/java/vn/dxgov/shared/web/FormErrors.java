package vn.dxgov.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * A service's validation failure put on a form's {@link BindingResult}, so that the form shows it like its own
 * constraint messages: next to the field, or above the form.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * The details of an {@link ApiException} ("value: tỷ lệ ... / a percentage ..."): the field before the colon, if
     * the form has it ({@code fields}: the service's name → the form's), gets the text, of a bilingual text the half
     * in the reader's language; the others are errors of the whole form.
     */
    public static void details(BindingResult result, List<String> details, Map<String, String> fields, Locale locale) {
        for (String d : details) {
            int colon = d.indexOf(": ");
            String field = colon > 0 ? d.substring(0, colon) : null;
            String text = colon > 0 ? d.substring(colon + 2) : d;
            int slash = text.indexOf(" / ");
            if (slash > 0) {
                text = "en".equals(locale.getLanguage()) ? text.substring(slash + 3) : text.substring(0, slash);
            }
            String mapped = field == null ? null : fields.get(field);
            if (mapped != null) {
                result.rejectValue(mapped, "service", text);
            } else {
                global(result, text);
            }
        }
    }

    /**
     * A service's problem line as a page shows it (issue 14): of a bilingual text ("…: tử số … / the numerator …") the
     * half in the reader's language, and without the batch item's number an API client needs to find the item
     * ("#2 (Tỷ lệ hồ sơ trực tuyến · Tỉnh Thanh Hóa · năm 2026): …" reads "Tỷ lệ hồ sơ trực tuyến · Tỉnh Thanh Hóa ·
     * năm 2026: …"). A text without " / " is kept whole.
     */
    public static String inLanguage(String detail, Locale locale) {
        if (detail == null) {
            return null;
        }
        String text = detail;
        java.util.regex.Matcher item = ITEM.matcher(text);
        if (item.lookingAt()) {
            text = item.group(1) + ": " + text.substring(item.end());
        }
        int colon = text.indexOf(": ");
        String where = colon > 0 ? text.substring(0, colon + 2) : "";
        String rest = colon > 0 ? text.substring(colon + 2) : text;
        int slash = rest.indexOf(" / ");
        if (slash > 0) {
            boolean english = locale != null && "en".equals(locale.getLanguage());
            rest = english ? rest.substring(slash + 3) : rest.substring(0, slash);
        }
        return where + rest;
    }

    /** {@link #inLanguage(String, Locale)} of each line. */
    public static List<String> inLanguage(List<String> details, Locale locale) {
        return details == null ? List.of() : details.stream().map(d -> inLanguage(d, locale)).toList();
    }

    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("#\\d+ \\((.*?)\\): ");

    /**
     * For a form without a {@link BindingResult} (a multipart upload read by {@code @RequestParam}): the details whose
     * field before the colon is one of {@code fields} go into {@code byField} (field → text, in the reader's language,
     * the first per field), the others come back as lines in the reader's language for the list above the form.
     */
    public static List<String> split(List<String> details, java.util.Set<String> fields, Map<String, String> byField,
                                     Locale locale) {
        List<String> rest = new java.util.ArrayList<>();
        for (String d : details == null ? List.<String>of() : details) {
            int colon = d.indexOf(": ");
            String field = colon > 0 ? d.substring(0, colon) : null;
            if (field != null && fields.contains(field)) {
                byField.putIfAbsent(field, inLanguage(d.substring(colon + 2), locale));
            } else {
                rest.add(inLanguage(d, locale));
            }
        }
        return rest;
    }

    /** A problem of the whole form, shown above it. */
    public static void global(BindingResult result, String message) {
        result.reject("service", message);
    }

    /**
     * A text for {@link jakarta.validation.ConstraintValidatorContext#buildConstraintViolationWithTemplate}: what
     * the person typed may hold {@code {}}, {@code $} or {@code \}, which must show as written, never be interpolated.
     */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
