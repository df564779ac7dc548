package vn.dxgov.dashboard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanCatalog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.Role;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.PageErrorAdvice;

/**
 * The landing pages: {@code /} sends each role to its page (leaders, the steering department and administrators to
 * the dashboard, editors to their to-do, everyone else to the plans); {@code /dashboard} is a province's dashboard
 * (the user's province; a national user picks one, or sees the provinces side by side); {@code /todo} the
 * agency's to-do. After login the user lands on {@code /} (the login success handler's default), a saved request wins.
 */
@Controller
class DashboardPages {

    private final PlanCatalog plans;
    private final ProvinceDashboard province;
    private final NationalComparison national;
    private final EditorTodo todo;
    private final Clock clock;

    DashboardPages(PlanCatalog plans, ProvinceDashboard province, NationalComparison national, EditorTodo todo,
                   Clock clock) {
        this.plans = plans;
        this.province = province;
        this.national = national;
        this.todo = todo;
        this.clock = clock;
    }

    @GetMapping("/")
    String home() {
        if (CurrentUser.hasAnyRole(Role.LEADER, Role.STEERING, Role.ADMIN)) {
            return "redirect:/dashboard";
        }
        if (CurrentUser.hasRole(Role.EDITOR)) {
            return "redirect:/todo";
        }
        return "redirect:/plans";
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(name = "province", required = false) String code, Model m, Locale locale) {
        if (!CurrentUser.readsEverything()) {
            throw new AccessDeniedException("the dashboard is for leaders, the steering department and administrators");
        }
        LocalDate today = LocalDate.now(clock);
        List<Plan> published = plans.list().stream().filter(Plan::published).toList();
        Optional<String> own = CurrentUser.provinceCode();
        String picked = code == null || code.isBlank() ? own.orElse(null) : code.trim();
        if (picked != null && !CurrentUser.mayRead(picked)) {
            // another province does not exist for a user of a province
            throw ApiException.notFound("province", picked);
        }
        m.addAttribute("today", today);
        m.addAttribute("nationalUser", own.isEmpty());
        m.addAttribute("provinces", NationalComparison.provinces(published,
                p -> plans.province(p, today).orElse(null)));
        m.addAttribute("picked", picked);
        if (picked == null) {
            m.addAttribute("comparison", national.compare(published, today, locale));
            return "dashboard/national";
        }
        List<Plan> mine = published.stream().filter(p -> picked.equals(p.provinceCode())).toList();
        ProvinceDashboard.View view = province.view(picked, mine, today, locale);
        m.addAttribute("view", view);
        return "dashboard/province";
    }

    @GetMapping("/todo")
    String todo(Model m) {
        LocalDate today = LocalDate.now(clock);
        m.addAttribute("today", today);
        m.addAttribute("todo", todo.of(today));
        return "dashboard/todo";
    }

    /** Failures of these pages become the friendly error page. */
    @ControllerAdvice(assignableTypes = DashboardPages.class)
    static class Errors extends PageErrorAdvice {

        Errors(MessageSource messages) {
            super(messages);
        }
    }
}
