package vn.dxgov.security.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.security.Role;

/**
 * The user administration page (administrator): the list of users and a form to create one. A refused form comes
 * back (422) with what the person typed (never the password) and a message at each field.
 */
@Controller
class UserAdminPages {

    private final UserAdmin admin;
    private final MessageSource messages;

    UserAdminPages(UserAdmin admin, MessageSource messages) {
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String users(Model m) {
        UserAdmin.requireAdmin();
        m.addAttribute("form", new UserAdmin.NewUser("", "", "", Role.EDITOR, null, "", null));
        return page(m);
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("form") UserAdmin.NewUser form, BindingResult result,
                  HttpServletResponse response, Model m, RedirectAttributes redirect) {
        UserAdmin.requireAdmin();
        admin.check(form, result);
        if (result.hasErrors()) {
            response.setStatus(422);
            return page(m);
        }
        admin.create(form, result);
        redirect.addFlashAttribute("notice", messages.getMessage("users.created", new Object[] {form.username()},
                LocaleContextHolder.getLocale()));
        return "redirect:/admin/users";
    }

    private String page(Model m) {
        m.addAttribute("users", admin.list());
        m.addAttribute("roles", Role.values());
        m.addAttribute("agencies", admin.agencyChoices());
        return "admin/users";
    }
}
