package vn.dxgov.units.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLevel;
import vn.dxgov.units.UnitLink;

/**
 * The unit pages: the list with a diacritics-insensitive search (/units), one unit with its parent, children,
 * predecessors and successors with their shares (/units/{id}), where an administrator or the steering department
 * sets the shares of a split unit; the unit picker other pages include (templates/units/picker.html, answered by
 * /units/picker/*); and the administrator's import of a reform (/admin/units/import).
 */
@Controller
class UnitPages {

    private static final int LIMIT = 200;
    private static final int PICKER_LIMIT = 12;

    /** A unit in a list, with the name of the unit it belongs to. */
    record Row(AdminUnit unit, String parent) {
    }

    private final AdminUnits units;
    private final UnitShares shares;
    private final UnitReform reform;
    private final MessageSource messages;

    UnitPages(AdminUnits units, UnitShares shares, UnitReform reform, MessageSource messages) {
        this.units = units;
        this.shares = shares;
        this.reform = reform;
        this.messages = messages;
    }

    static boolean partial(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /** "" or "any": any day; absent: today; else an ISO date (a bad one reads as today). */
    private static LocalDate day(String on) {
        if (on == null) {
            return LocalDate.now();
        }
        if (on.isBlank() || on.equals("any")) {
            return null;
        }
        try {
            return LocalDate.parse(on.trim());
        } catch (DateTimeParseException e) {
            return LocalDate.now();
        }
    }

    @GetMapping("/units")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) UnitLevel level,
                @RequestParam(required = false) String on, Model model, HttpServletRequest request) {
        LocalDate day = day(on);
        String query = q == null ? "" : q.trim();
        List<AdminUnit> found;
        boolean provincesOnly = query.isEmpty() && (level == null || level == UnitLevel.PROVINCE);
        if (provincesOnly) {
            found = units.provinces(day == null ? LocalDate.now() : day);
        } else if (query.isEmpty()) {
            found = List.of();
        } else {
            found = units.search(query, level, day, LIMIT + 1);
        }
        boolean more = found.size() > LIMIT;
        List<Row> rows = rows(more ? found.subList(0, LIMIT) : found);
        model.addAttribute("q", query);
        model.addAttribute("level", level);
        model.addAttribute("on", day == null ? "" : day.toString());
        model.addAttribute("day", day == null ? LocalDate.now() : day);
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("rows", rows);
        model.addAttribute("more", more);
        model.addAttribute("provincesOnly", provincesOnly);
        return partial(request) ? "units/list :: results" : "units/list";
    }

    private List<Row> rows(List<AdminUnit> list) {
        Map<Long, String> parents = new HashMap<>();
        List<Row> rows = new ArrayList<>(list.size());
        for (AdminUnit u : list) {
            String parent = u.parentId() == null ? null
                    : parents.computeIfAbsent(u.parentId(), id -> units.find(id).map(AdminUnit::name).orElse(null));
            rows.add(new Row(u, parent));
        }
        return rows;
    }

    @GetMapping("/units/go")
    String go(@RequestParam(required = false) Long unitId) {
        return unitId == null ? "redirect:/units" : "redirect:/units/" + unitId;
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, Model model) {
        addUnit(model, found(id));
        return "units/unit";
    }

    private AdminUnit found(long id) {
        return units.find(id).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "unit " + id));
    }

    private void addUnit(Model model, AdminUnit unit) {
        model.addAttribute("unit", unit);
        model.addAttribute("parent", unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null));
        model.addAttribute("children", units.children(unit.id()));
        model.addAttribute("predecessors", units.predecessors(unit.id()));
        List<UnitLink> successors = units.successors(unit.id());
        model.addAttribute("successors", successors);
        List<UnitLink> partial = successors.stream().filter(l -> l.share() == UnitLink.Share.PARTIAL).toList();
        model.addAttribute("partialSuccessors", partial);
        model.addAttribute("canEditShares", !partial.isEmpty() && CurrentUser.hasAnyRole(Role.ADMIN, Role.STEERING));
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("basis")) {
            model.addAttribute("basis", partial.stream().map(UnitLink::basis).filter(b -> b != null).findFirst().orElse(""));
        }
    }

    @PostMapping("/units/{id}/shares")
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    String setShares(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
                     RedirectAttributes redirect, Locale locale,
                     jakarta.servlet.http.HttpServletResponse response) {
        Map<Long, BigDecimal> fractions = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        Numbers grammar = Numbers.of(locale);
        form.forEach((k, v) -> {
            if (k.startsWith("share_")) {
                Long successor;
                try {
                    successor = Long.valueOf(k.substring(6));
                } catch (NumberFormatException e) {
                    return; // not a field of this form
                }
                // the number grammar of the person's language: "0,25" in Vietnamese, "0.25" in English
                Numbers.Reading r = grammar.parse(v);
                if (!r.ok()) {
                    errors.add(r.problem().message());
                } else if (r.value() != null) {
                    fractions.put(successor, r.value());
                }
            }
        });
        if (errors.isEmpty()) {
            try {
                shares.set(id, fractions, form.get("basis"));
                redirect.addFlashAttribute("notice", messages.getMessage("units.shares.saved", null, locale));
                return "redirect:/units/" + id;
            } catch (ApiException e) {
                if (e.status().value() == 404) {
                    found(id);
                }
                // each line in the reader's language; the basis' problem under its field, not as "basis: …"
                Map<String, String> byField = new LinkedHashMap<>();
                errors.addAll(vn.dxgov.shared.web.FormErrors.split(e.details(), java.util.Set.of("basis"), byField,
                        locale));
                if (byField.containsKey("basis")) {
                    model.addAttribute("basisError", byField.get("basis"));
                }
            }
        }
        AdminUnit unit = found(id);
        model.addAttribute("shareErrors", errors);
        model.addAttribute("shareInput", form);
        response.setStatus(422);
        model.addAttribute("basis", form.getOrDefault("basis", ""));
        addUnit(model, unit);
        return "units/unit";
    }

    @PostMapping("/units/{id}/shares/even")
    @PreAuthorize("hasAnyRole('STEERING','ADMIN')")
    String evenShares(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        found(id);
        shares.even(id);
        redirect.addFlashAttribute("notice", messages.getMessage("units.shares.evenDone", null, locale));
        return "redirect:/units/" + id;
    }

    // ----- the picker (templates/units/picker.html)

    @GetMapping("/units/picker/options")
    String pickerOptions(@RequestParam String name, @RequestParam(required = false) String q,
                         @RequestParam(required = false) UnitLevel level, @RequestParam(required = false) String on,
                         Model model) {
        String query = q == null ? "" : q.trim();
        List<AdminUnit> found = query.isEmpty() ? List.of() : units.search(query, level, day(on), PICKER_LIMIT);
        model.addAttribute("name", name);
        model.addAttribute("level", level);
        model.addAttribute("on", on);
        model.addAttribute("q", query);
        model.addAttribute("options", rows(found));
        return "units/picker :: options";
    }

    @GetMapping("/units/picker/choose")
    String pickerChoose(@RequestParam String name, @RequestParam(required = false) Long id,
                        @RequestParam(required = false) UnitLevel level, @RequestParam(required = false) String on,
                        Model model) {
        model.addAttribute("name", name);
        model.addAttribute("level", level);
        model.addAttribute("on", on);
        model.addAttribute("selected", id == null ? null : units.find(id).orElse(null));
        return "units/picker-answer";
    }

    // ----- the administrator's import of a reform

    @GetMapping("/admin/units/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importPage(Model model) {
        addEras(model);
        return "units/import";
    }

    @PostMapping("/admin/units/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importUpload(@RequestParam(required = false) MultipartFile units,
                        @RequestParam(required = false) MultipartFile successors,
                        @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validTo,
                        @RequestParam(required = false) String levels, @RequestParam(required = false) String label,
                        @RequestParam(defaultValue = "false") boolean dryRun, Model model, Locale locale) {
        model.addAttribute("validFrom", validFrom);
        model.addAttribute("validTo", validTo);
        model.addAttribute("levels", levels);
        model.addAttribute("label", label);
        model.addAttribute("dryRun", dryRun);
        try {
            LocalDate from = vn.dxgov.shared.VietDates.parseTyped(validFrom);
            LocalDate to = vn.dxgov.shared.VietDates.parseTyped(validTo);
            UnitsApiController.ImportAnswer answer = UnitsApiController.run(reform, units, successors, from, to, levels,
                    label, dryRun);
            model.addAttribute("result", answer);
            int count = answer.unitsByEra().values().stream().mapToInt(Integer::intValue).sum();
            model.addAttribute("resultText", messages.getMessage(dryRun ? "units.import.checked" : "units.import.done",
                    new Object[] {Numbers.of(locale).count(count), Numbers.of(locale).count(answer.links())}, locale));
        } catch (DateTimeParseException e) {
            // in the reader's language, with the day as people write it (issue 14): never "yyyy-mm-dd"
            model.addAttribute("problems", List.of(messages.getMessage("forms2.units.badDate",
                    new Object[] {e.getParsedString()}, locale)));
            model.addAttribute("problemsTitle", messages.getMessage("forms2.units.badDateTitle", null, locale));
        } catch (ApiException e) {
            model.addAttribute("problems", vn.dxgov.shared.web.FormErrors.inLanguage(e.details(), locale));
            model.addAttribute("problemsTitle", messages.getMessage("units.import.failed",
                    new Object[] {e.details().size()}, locale));
        }
        addEras(model);
        return "units/import";
    }

    private void addEras(Model model) {
        model.addAttribute("eras", reform.storedEras());
    }
}
