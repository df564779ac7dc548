package vn.dxgov.security.internal;

import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** The reasons a single sign-on may come back with ({@code login.sso.<code>}); anything else is the provider's. */
    private static final Set<String> SSO_ERRORS = Set.of("role", "province", "username", "agency", "taken", "disabled",
            "provider");

    private final ObjectProvider<SsoConfig.SsoLogin> sso;
    private final LoginThrottle throttle;
    private final DemoAccounts demo;

    LoginController(ObjectProvider<SsoConfig.SsoLogin> sso, LoginThrottle throttle, DemoAccounts demo) {
        this.sso = sso;
        this.throttle = throttle;
        this.demo = demo;
    }

    /**
     * The login form; in demo mode with every demo account (a name links back here with it filled in:
     * {@code ?username=}, kept only when it is one of them).
     */
    @GetMapping("/login")
    String login(@RequestParam(name = "sso-error", required = false) String ssoError,
                 @RequestParam(name = "username", required = false) String username, Model m) {
        m.addAttribute("lockoutMinutes", LoginRefusals.minutes(throttle.lockout()));
        if (demo.enabled()) {
            java.util.List<DemoAccounts.Account> accounts = demo.list();
            m.addAttribute("demoAccounts", accounts);
            m.addAttribute("demoPassword", UserAccounts.DEMO_PASSWORD);
            if (username != null && accounts.stream().anyMatch(a -> a.username().equals(username))) {
                m.addAttribute("username", username);
            }
        }
        sso.ifAvailable(s -> {
            m.addAttribute("ssoUrl", s.startUrl());
            if (ssoError != null) {
                m.addAttribute("ssoError", "login.sso." + (SSO_ERRORS.contains(ssoError) ? ssoError : "provider"));
            }
        });
        return "login";
    }
}
