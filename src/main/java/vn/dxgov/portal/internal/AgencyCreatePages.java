package vn.dxgov.portal.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.EnumName;
import vn.dxgov.shared.web.FormErrors;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;

/**
 * Adding an agency by hand ({@code /agencies/new}): the steering department of a province adds to its province, a
 * national steering official or the super-administrator to any province or as a national body. The plan review links
 * here with the name written in the document and the plan to go back to ({@code ?name=&province=&back=}).
 */
@Controller
class AgencyCreatePages implements PortalPage {

    /** The add form: a name, a short name (kept as an alias), a kind, a province, aliases one per line. */
    public static class NewAgencyForm {
        @NotBlank(message = "{review.error.required}")
        @Size(max = 300, message = "{agency.error.nameTooLong}")
        private String name = "";
        @Size(max = 300, message = "{agency.error.nameTooLong}")
        private String shortName = "";
        @NotBlank(message = "{review.error.required}")
        @EnumName(AgencyKind.class)
        private String kind = "DEPARTMENT";
        private String province = "";
        private String aliases = "";
        private String back = "";

        List<String> aliasList() {
            List<String> all = new ArrayList<>();
            if (shortName != null && !shortName.isBlank()) {
                all.add(shortName.trim());
            }
            if (aliases != null) {
                Arrays.stream(aliases.split("[\\r\\n;]+")).map(String::trim).filter(s -> !s.isEmpty()).forEach(all::add);
            }
            return List.copyOf(new LinkedHashSet<>(all));
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getShortName() { return shortName; }
        public void setShortName(String shortName) { this.shortName = shortName; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getProvince() { return province; }
        public void setProvince(String province) { this.province = province; }
        public String getAliases() { return aliases; }
        public void setAliases(String aliases) { this.aliases = aliases; }
        public String getBack() { return back; }
        public void setBack(String back) { this.back = back; }
    }

    private final AgencyDirectory agencies;
    private final AdminUnits units;
    private final MessageSource messages;

    AgencyCreatePages(AgencyDirectory agencies, AdminUnits units, MessageSource messages) {
        this.agencies = agencies;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/agencies/new")
    String form(@RequestParam(required = false) String name, @RequestParam(required = false) String province,
                @RequestParam(required = false) String back, Model m) {
        PortalPage.requireSteering();
        NewAgencyForm form = new NewAgencyForm();
        form.setName(name == null ? "" : name.trim());
        form.setProvince(province != null ? province.trim() : CurrentUser.provinceCode().orElse(""));
        form.setBack(safeBack(back));
        m.addAttribute("form", form);
        return page(m);
    }

    @PostMapping("/agencies")
    String create(@Valid @ModelAttribute("form") NewAgencyForm form, BindingResult result, Model m, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) {
        PortalPage.requireSteering();
        String province = form.getProvince() == null || form.getProvince().isBlank() ? null : form.getProvince().trim();
        if (!CurrentUser.maySteer(province)) {
            // a province's steering department adds to its own province only
            result.rejectValue("province", "province", messages.getMessage("agency.error.otherProvince", null, locale));
        } else if (province != null && !provinces().containsKey(province) && agencies.list(province, null).isEmpty()) {
            result.rejectValue("province", "province", messages.getMessage("agency.error.province", null, locale));
        }
        if (!result.hasErrors()) {
            try {
                Agency a = agencies.create(form.getName().trim(), AgencyKind.valueOf(form.getKind().trim()), province,
                        form.aliasList());
                redirect.addFlashAttribute("notice", messages.getMessage("agency.created", new Object[]{a.name()}, locale));
                String back = safeBack(form.getBack());
                return "redirect:" + (back.isEmpty() ? "/agencies/" + a.id() : back);
            } catch (ApiException e) {
                String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
                if ("agency.error.duplicate".equals(e.messageKey())) {
                    boolean alias = e.details().stream().anyMatch(d -> d.startsWith("aliases:"));
                    result.rejectValue(alias ? "aliases" : "name", "duplicate", text);
                } else if (!e.details().isEmpty()) {
                    FormErrors.details(result, e.details(), Map.of("name", "name", "kind", "kind"), locale);
                } else {
                    FormErrors.global(result, text);
                }
            }
        }
        response.setStatus(422);
        return page(m);
    }

    private String page(Model m) {
        m.addAttribute("kinds", AgencyKind.values());
        Map<String, String> provinces = provinces();
        if (!CurrentUser.national()) {
            String own = CurrentUser.provinceCode().orElseThrow();
            provinces.keySet().retainAll(List.of(own));
        }
        m.addAttribute("provinces", provinces);
        m.addAttribute("national", CurrentUser.national());
        return "agencies/new";
    }

    /** The provinces valid today, code → name, in Vietnamese order. */
    private Map<String, String> provinces() {
        Map<String, String> out = new LinkedHashMap<>();
        for (AdminUnit u : units.provinces(LocalDate.now())) {
            out.put(u.code(), u.shortName());
        }
        return out;
    }

    /** Where to go after adding: a path of this site only (never another host), else nowhere. */
    static String safeBack(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.length() > 300
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "";
        }
        return back;
    }
}
