package vn.dxgov.open.internal;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.open.internal.OpenProvinces.Province;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.PageErrorAdvice;

/**
 * {@code /settings/open}: the steering department of a province (or a national one, for every province) chooses what
 * its province publishes on the portal beyond plans, targets and results: the agencies' reporting table. A logged-in
 * page (never cached publicly); POST with the CSRF token; each change audited by {@link OpenSettings}. Others: 403; a
 * province the user does not steer or without published plans: 404.
 */
@Controller
class OpenSettingsPages {

    /** A province the user steers, with its current choice. */
    record Row(Province province, OpenSettings.Setting setting) {

        /** When the choice was last changed, in Vietnam ("05/12/2026 14:30"); null when never. */
        public String updatedAt() {
            return setting == null ? null : java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                    .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(setting.updatedAt());
        }
    }

    private final OpenProvinces provinces;
    private final OpenSettings settings;

    OpenSettingsPages(OpenProvinces provinces, OpenSettings settings) {
        this.provinces = provinces;
        this.settings = settings;
    }

    private static void requireSteering() {
        if (!CurrentUser.steering() || CurrentUser.system()) {
            throw new AccessDeniedException("the portal settings are the steering department's");
        }
    }

    private List<Province> mine() {
        return provinces.all().stream().filter(p -> CurrentUser.maySteer(p.code())).toList();
    }

    @GetMapping("/settings/open")
    String page(Model m) {
        requireSteering();
        m.addAttribute("rows", mine().stream().map(p -> new Row(p, settings.find(p.code()).orElse(null))).toList());
        return "open/settings";
    }

    @PostMapping("/settings/open")
    String save(@RequestParam String province, @RequestParam(defaultValue = "false") boolean publishAgencies,
                RedirectAttributes redirect) {
        requireSteering();
        Province p = mine().stream().filter(x -> x.code().equals(province)).findFirst()
                .orElseThrow(() -> ApiException.notFound("province", province));
        settings.save(p.code(), publishAgencies);
        redirect.addFlashAttribute("savedProvince", p.name());
        return "redirect:/settings/open";
    }

    /** Failures of the settings page become the friendly error page. */
    @ControllerAdvice(assignableTypes = OpenSettingsPages.class)
    static class Errors extends PageErrorAdvice {

        Errors(MessageSource messages) {
            super(messages);
        }
    }
}
