package vn.dxgov.plans.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.plans.internal.TargetLinkRepository.Status;

/**
 * The cascade pages: "Liên kết chỉ tiêu quốc gia" of a plan (its targets with the suggested and confirmed links to
 * the targets of the plans above it; the steering department confirms, rejects, links by hand) and "Thực hiện ở địa
 * phương" of a national plan (for each of its targets, the province targets confirmed behind it, with their status).
 */
@Controller
class TargetLinkPages implements UiPage {

    private final PlanService plans;
    private final TargetLinks links;
    private final MessageSource messages;

    TargetLinkPages(PlanService plans, TargetLinks links, MessageSource messages) {
        this.plans = plans;
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/plans/{id}/target-links")
    String page(@PathVariable long id, Model m) {
        m.addAttribute("plan", plans.require(id));
        m.addAttribute("links", links.view(id));
        return "plans/target-links";
    }

    @PostMapping("/plans/{id}/target-links")
    String decide(@PathVariable long id, @RequestParam(required = false) Long targetId,
                  @RequestParam(required = false) Long nationalTargetId, @RequestParam Status decision,
                  Locale locale, RedirectAttributes redirect) {
        links.decide(id, targetId, nationalTargetId, decision);
        redirect.addFlashAttribute("notice", messages.getMessage("targetLink." + decision.name().toLowerCase(), null, locale));
        return "redirect:/plans/" + id + "/target-links#target-" + targetId;
    }

    @PostMapping("/plans/{id}/target-links/suggest")
    String suggest(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        int made = links.suggestOnDemand(id);
        redirect.addFlashAttribute("notice", messages.getMessage("targetLink.suggested", new Object[] {made}, locale));
        return "redirect:/plans/" + id + "/target-links";
    }

    @GetMapping("/plans/{id}/implementation")
    String implementation(@PathVariable long id, Model m) {
        m.addAttribute("plan", plans.require(id));
        m.addAttribute("rows", links.nationalView(id));
        return "plans/implementation";
    }
}
