package vn.dxgov.security.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final LoginThrottle throttle;

    LoginController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(Model m) {
        m.addAttribute("lockoutMinutes", LoginRefusals.minutes(throttle.lockout()));
        return "login";
    }
}
