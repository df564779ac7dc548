package vn.dxgov.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;

/**
 * The second factor's pages: {@code /account/totp} to enrol (ADMIN, STEERING: the secret and the otpauth URI to type
 * into an authenticator app, then a first code to confirm), {@code /login/totp} for the code after the password.
 */
@Controller
class SecondFactorPages {

    private static final String NEW_SECRET = "dxgov.totp.new-secret";

    private final SecondFactor factor;
    private final SecondFactorLogin login;
    private final LoginThrottle throttle;
    private final LoginAudit audit;
    private final MessageSource messages;

    SecondFactorPages(SecondFactor factor, SecondFactorLogin login, LoginThrottle throttle, LoginAudit audit,
                      MessageSource messages) {
        this.factor = factor;
        this.login = login;
        this.throttle = throttle;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/login/totp")
    String codePage(HttpServletRequest request) {
        return SecondFactorLogin.pending(request) == null ? "redirect:/" : "login-totp";
    }

    @PostMapping("/login/totp")
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
                Model m) {
        String username = SecondFactorLogin.pending(request);
        if (username == null) {
            return "redirect:/";
        }
        String ip = request.getRemoteAddr();
        if (throttle.lockedUntil(username, ip).isPresent()) {
            audit.login(username, ip, "totp", LoginAudit.Outcome.LOCKED, "second factor locked");
            request.getSession().invalidate();
            return "redirect:/login?locked";
        }
        if (factor.verify(username, code)) {
            throttle.succeeded(username);
            audit.login(username, ip, "totp", LoginAudit.Outcome.SUCCESS, null);
            return "redirect:" + login.complete(request, response);
        }
        boolean locked = throttle.failed(username, ip);
        audit.login(username, ip, "totp", LoginAudit.Outcome.FAILURE, "wrong code" + (locked ? "; now locked" : ""));
        if (locked) {
            request.getSession().invalidate();
            return "redirect:/login?locked";
        }
        response.setStatus(422);
        m.addAttribute("error", true);
        return "login-totp";
    }

    @GetMapping("/account/totp")
    String enrolPage(HttpSession session, Model m) {
        requireMayEnrol();
        String username = CurrentUser.username().orElseThrow();
        if (factor.enrolled(username)) {
            m.addAttribute("enrolled", true);
            return "account/totp";
        }
        String secret = (String) session.getAttribute(NEW_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(NEW_SECRET, secret);
        }
        m.addAttribute("enrolled", false);
        m.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        m.addAttribute("uri", Totp.uri(SecondFactor.ISSUER, username, secret));
        return "account/totp";
    }

    @PostMapping("/account/totp")
    String enrol(@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletResponse response,
                 Model m, RedirectAttributes redirect) {
        requireMayEnrol();
        String secret = (String) session.getAttribute(NEW_SECRET);
        String username = CurrentUser.username().orElseThrow();
        if (secret == null || factor.enrolled(username)) {
            return "redirect:/account/totp";
        }
        if (!factor.enrol(username, secret, code)) {
            response.setStatus(422);
            m.addAttribute("codeError", true);
            return enrolPage(session, m);
        }
        session.removeAttribute(NEW_SECRET);
        redirect.addFlashAttribute("notice", messages.getMessage("totp.enrolled", null, LocaleContextHolder.getLocale()));
        return "redirect:/account/totp";
    }

    private static void requireMayEnrol() {
        if (!CurrentUser.hasRole(Role.ADMIN) && !CurrentUser.hasRole(Role.STEERING)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }
}
