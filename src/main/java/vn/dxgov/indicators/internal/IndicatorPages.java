package vn.dxgov.indicators.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.indicators.Indicator;
import vn.dxgov.indicators.IndicatorCatalog;
import vn.dxgov.indicators.IndicatorDraft;
import vn.dxgov.indicators.IndicatorTypes.Direction;
import vn.dxgov.indicators.IndicatorTypes.PeriodAggregation;
import vn.dxgov.indicators.IndicatorTypes.UnitAggregation;
import vn.dxgov.indicators.IndicatorTypes.ValueType;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;

/**
 * The indicator pages: the list (everyone), one indicator, and for the steering department the form to create,
 * correct and confirm one, with the problems shown next to their fields. Works without JavaScript.
 */
@Controller
class IndicatorPages {

    /** The form as posted; every field a string so that a wrong value comes back as typed. */
    static final class Form {
        private String code;
        private String name;
        private String unit;
        private String valueType = "NUMBER";
        private String direction = "HIGHER";
        private String unitAggregation = "SUM";
        private String periodAggregation = "LAST";
        private String formula;
        private String decimals = "2";
        private String description;

        static Form of(Indicator i) {
            Form f = new Form();
            f.code = i.code();
            f.name = i.name();
            f.unit = i.unit();
            f.valueType = i.valueType().name();
            f.direction = i.direction().name();
            f.unitAggregation = i.unitAggregation().name();
            f.periodAggregation = i.periodAggregation().name();
            f.formula = i.formula();
            f.decimals = String.valueOf(i.decimals());
            f.description = i.description();
            return f;
        }

        IndicatorDraft toDraft(Map<String, List<String>> problems, Locale locale) {
            Integer d = null;
            try {
                d = decimals == null || decimals.isBlank() ? 2 : Integer.parseInt(decimals.trim());
            } catch (NumberFormatException e) {
                add(problems, "decimals", en(locale) ? "a whole number from 0 to 6" : "số nguyên từ 0 đến 6");
            }
            return new IndicatorDraft(code, name, unit, parse(ValueType.class, valueType), parse(Direction.class, direction),
                    parse(UnitAggregation.class, unitAggregation), parse(PeriodAggregation.class, periodAggregation),
                    formula, d, description);
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String v) {
            try {
                return v == null || v.isBlank() ? null : Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public String getValueType() { return valueType; }
        public void setValueType(String valueType) { this.valueType = valueType; }
        public String getDirection() { return direction; }
        public void setDirection(String direction) { this.direction = direction; }
        public String getUnitAggregation() { return unitAggregation; }
        public void setUnitAggregation(String unitAggregation) { this.unitAggregation = unitAggregation; }
        public String getPeriodAggregation() { return periodAggregation; }
        public void setPeriodAggregation(String periodAggregation) { this.periodAggregation = periodAggregation; }
        public String getFormula() { return formula; }
        public void setFormula(String formula) { this.formula = formula; }
        public String getDecimals() { return decimals; }
        public void setDecimals(String decimals) { this.decimals = decimals; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }

    private final IndicatorCatalog indicators;
    private final MessageSource messages;

    IndicatorPages(IndicatorCatalog indicators, MessageSource messages) {
        this.indicators = indicators;
        this.messages = messages;
    }

    @GetMapping("/indicators")
    String list(@RequestParam(required = false) String q, Model m) {
        List<Indicator> all = indicators.list(q);
        m.addAttribute("indicators", all);
        m.addAttribute("q", q);
        m.addAttribute("drafts", all.stream().filter(Indicator::draft).count());
        m.addAttribute("editor", mayEdit());
        return "indicators/list";
    }

    @GetMapping("/indicators/{id}")
    String one(@PathVariable long id, Model m) {
        Indicator i = indicators.find(id).orElseThrow(() -> ApiException.notFound("indicator", id));
        m.addAttribute("indicator", i);
        m.addAttribute("editor", mayEdit());
        return "indicators/indicator";
    }

    @GetMapping("/indicators/new")
    String create(Model m) {
        requireEditor();
        return form(null, new Form(), Map.of(), List.of(), m);
    }

    @PostMapping("/indicators/new")
    String created(@ModelAttribute("form") Form form, Model m, Locale locale, HttpServletResponse response,
                   RedirectAttributes redirect) {
        requireEditor();
        return save(null, form, m, locale, response, redirect);
    }

    @GetMapping("/indicators/{id}/edit")
    String edit(@PathVariable long id, Model m) {
        requireEditor();
        Indicator i = indicators.find(id).orElseThrow(() -> ApiException.notFound("indicator", id));
        return form(i, Form.of(i), Map.of(), List.of(), m);
    }

    @PostMapping("/indicators/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") Form form, Model m, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) {
        requireEditor();
        Indicator current = indicators.find(id).orElseThrow(() -> ApiException.notFound("indicator", id));
        return save(current, form, m, locale, response, redirect);
    }

    private String save(Indicator current, Form form, Model m, Locale locale, HttpServletResponse response,
                        RedirectAttributes redirect) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        IndicatorDraft draft = form.toDraft(problems, locale);
        if (problems.isEmpty()) {
            try {
                Indicator saved = current == null ? indicators.create(draft) : indicators.update(current.id(), draft);
                redirect.addFlashAttribute("notice", messages.getMessage("indicator.saved", new Object[]{saved.code()},
                        locale));
                return "redirect:/indicators/" + saved.id();
            } catch (ApiException e) {
                for (String d : e.details()) {
                    int colon = d.indexOf(": ");
                    String field = colon > 0 ? d.substring(0, colon) : null;
                    String text = colon > 0 ? d.substring(colon + 2) : d;
                    int slash = text.lastIndexOf(" / ");
                    if (slash > 0) {
                        text = en(locale) ? text.substring(slash + 3) : text.substring(0, slash);
                    }
                    if (field != null && FIELDS.contains(field)) {
                        add(problems, field, text);
                    } else {
                        general.add(text);
                    }
                }
                if (e.details().isEmpty()) {
                    general.add(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
                }
            }
        }
        response.setStatus(422);
        return form(current, form, problems, general, m);
    }

    static final List<String> FIELDS = List.of("code", "name", "unit", "valueType", "direction", "unitAggregation",
            "periodAggregation", "formula", "decimals", "description");

    private String form(Indicator current, Form form, Map<String, List<String>> problems, List<String> general, Model m) {
        m.addAttribute("indicator", current);
        m.addAttribute("form", form);
        m.addAttribute("problems", problems);
        m.addAttribute("general", general);
        m.addAttribute("valueTypes", ValueType.values());
        m.addAttribute("directions", Direction.values());
        m.addAttribute("unitRules", UnitAggregation.values());
        m.addAttribute("periodRules", PeriodAggregation.values());
        m.addAttribute("codes", indicators.list(null).stream().map(Indicator::code)
                .filter(c -> current == null || !c.equals(current.code())).sorted().toList());
        return "indicators/edit";
    }

    private static void add(Map<String, List<String>> problems, String field, String text) {
        problems.computeIfAbsent(field, k -> new ArrayList<>()).add(text);
    }

    private static boolean en(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    static boolean mayEdit() {
        return CurrentUser.hasAnyRole(Role.STEERING, Role.ADMIN);
    }

    private static void requireEditor() {
        if (!mayEdit()) {
            throw new AccessDeniedException("indicators are edited by the steering department");
        }
    }
}
