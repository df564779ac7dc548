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

    LoginController(ObjectProvider<SsoConfig.SsoLogin> sso, LoginThrottle throttle) {
        this.sso = sso;
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "sso-error", required = false) String ssoError, Model m) {
        m.addAttribute("lockoutMinutes", LoginRefusals.minutes(throttle.lockout()));
        sso.ifAvailable(s -> {
            m.addAttribute("ssoUrl", s.startUrl());
            if (ssoError != null) {
                m.addAttribute("ssoError", "login.sso." + (SSO_ERRORS.contains(ssoError) ? ssoError : "provider"));
            }
        });
        return "login";
    }
}
