package vn.dxgov.reporting.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.security.Role;
import vn.dxgov.units.Agency;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.AgencyKind;

/** The user administration page (administrator): the list of users and a form to create one. */
@Controller
class UserAdminPages implements ReportingUi {

    private final UserAdmin admin;
    private final AgencyDirectory agencies;
    private final ReportingMessages reporting;

    UserAdminPages(UserAdmin admin, AgencyDirectory agencies, ReportingMessages reporting) {
        this.admin = admin;
        this.agencies = agencies;
        this.reporting = reporting;
    }

    @GetMapping("/admin/users")
    String users(Model m) {
        UserAdmin.requireAdmin();
        return page(m, new UserAdmin.NewUser("", "", "", Role.EDITOR, null, ""), Map.of());
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String displayName, @RequestParam(required = false) Role role,
                  @RequestParam(required = false) Long agencyId, @RequestParam(required = false) String email,
                  HttpServletResponse response, Model m, RedirectAttributes redirect) {
        UserAdmin.requireAdmin();
        UserAdmin.NewUser user = new UserAdmin.NewUser(username, password, displayName, role, agencyId, email);
        Map<String, String> errors = new LinkedHashMap<>();
        for (UserAdmin.FieldError e : admin.check(user)) {
            errors.putIfAbsent(e.field(), reporting.msg(e.key()));
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(m, new UserAdmin.NewUser(username, "", displayName, role, agencyId, email), errors);
        }
        admin.create(user);
        redirect.addFlashAttribute("notice", reporting.msg("users.created", username.trim()));
        return "redirect:/admin/users";
    }

    private String page(Model m, UserAdmin.NewUser form, Map<String, String> errors) {
        m.addAttribute("users", admin.list());
        m.addAttribute("form", form);
        m.addAttribute("errors", errors);
        m.addAttribute("roles", Role.values());
        List<Agency> options = agencies.list(null, null).stream().filter(a -> a.kind() != AgencyKind.COLLECTIVE).toList();
        m.addAttribute("agencies", options);
        return "admin/users";
    }
}
