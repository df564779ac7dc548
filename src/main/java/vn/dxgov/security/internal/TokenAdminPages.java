package vn.dxgov.security.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.security.ApiTokens;
import vn.dxgov.shared.web.ApiException;

/**
 * The API token page (administrator): the tokens with their scope, expiry and last use, a form to make one and a
 * button to revoke one. A new token is shown on the answer to the form itself (never through the session, never
 * cached), once.
 */
@Controller
class TokenAdminPages {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ApiTokenAdmin.VIETNAM);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ApiTokenAdmin.VIETNAM);

    private final ApiTokenAdmin tokens;
    private final MessageSource messages;

    TokenAdminPages(ApiTokenAdmin tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/admin/tokens")
    String page(Model m) {
        UserAdmin.requireAdmin();
        m.addAttribute("form", new ApiTokenAdmin.NewToken("", null, null, ApiTokens.Access.WRITE, List.of(),
                LocalDate.now(ApiTokenAdmin.VIETNAM).plusYears(1), null));
        return page(m, null);
    }

    @PostMapping("/admin/tokens")
    String create(@Valid @ModelAttribute("form") ApiTokenAdmin.NewToken form, BindingResult result,
                  HttpServletResponse response, Model m) {
        UserAdmin.requireAdmin();
        try {
            tokens.province(form, result);
            tokens.check(form, result);
        } catch (ApiException e) {
            result.reject(e.messageKey());
        }
        if (result.hasErrors()) {
            response.setStatus(422);
            return page(m, null);
        }
        ApiTokenAdmin.Created created;
        try {
            created = tokens.create(form, result);
        } catch (ApiException e) {
            result.rejectValue("name", e.messageKey(), new Object[] {form.name()}, null);
            response.setStatus(422);
            return page(m, null);
        }
        response.setHeader("Cache-Control", "no-store");
        return page(m, created);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        ApiTokens.Token t = tokens.revoke(id);
        redirect.addFlashAttribute("notice", messages.getMessage("tokens.revoked", new Object[] {t.name()},
                LocaleContextHolder.getLocale()));
        return "redirect:/admin/tokens";
    }

    private String page(Model m, ApiTokenAdmin.Created created) {
        m.addAttribute("tokens", tokens.list());
        m.addAttribute("agencies", tokens.agencyChoices());
        m.addAttribute("accesses", ApiTokens.Access.values());
        m.addAttribute("created", created);
        m.addAttribute("day", DAY);
        m.addAttribute("when", WHEN);
        return "admin/tokens";
    }
}
