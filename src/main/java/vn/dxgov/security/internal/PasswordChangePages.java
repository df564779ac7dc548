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
import vn.dxgov.security.CurrentUser;

/** The page to change one's own password ({@link PasswordChange}); the API call is in {@link UserApiController}. */
@Controller
class PasswordChangePages {

    private final PasswordChange change;
    private final MessageSource messages;

    PasswordChangePages(PasswordChange change, MessageSource messages) {
        this.change = change;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String page(Model m) {
        m.addAttribute("form", new PasswordChange.Request("", ""));
        return "account/password";
    }

    /** A refused change comes back (422) with a message at each field, never with what was typed. */
    @PostMapping("/account/password")
    String submit(@Valid @ModelAttribute("form") PasswordChange.Request form, BindingResult result,
                  HttpServletResponse response, RedirectAttributes redirect) {
        change.check(CurrentUser.username().orElseThrow(), form, result);
        if (result.hasErrors()) {
            response.setStatus(422);
            return "account/password";
        }
        change.change(form, result);
        redirect.addFlashAttribute("notice", messages.getMessage("account.password.changed", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/account/password";
    }
}
