package vn.dxgov.webhooks.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.security.ApiTokens;
import vn.dxgov.shared.web.PageErrorAdvice;

/** The delivery log page of a token's webhook ({@code /admin/tokens/{id}/deliveries}), with "send again". */
@Controller
class DeliveryPages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final DeliveryLog log;
    private final DeliveryStore deliveries;
    private final MessageSource messages;

    DeliveryPages(DeliveryLog log, DeliveryStore deliveries, MessageSource messages) {
        this.log = log;
        this.deliveries = deliveries;
        this.messages = messages;
    }

    @GetMapping("/admin/tokens/{id}/deliveries")
    String page(@PathVariable long id, Model m) {
        ApiTokens.Token t = log.token(id);
        m.addAttribute("token", t);
        m.addAttribute("deliveries", deliveries.ofToken(t.id(), DeliveryLog.SHOWN));
        m.addAttribute("when", WHEN);
        return "admin/deliveries";
    }

    @PostMapping("/admin/tokens/{id}/deliveries/{deliveryId}/retry")
    String retry(@PathVariable long id, @PathVariable long deliveryId, RedirectAttributes redirect) {
        log.retry(id, deliveryId);
        redirect.addFlashAttribute("notice", messages.getMessage("webhooks.retried", new Object[] {deliveryId},
                LocaleContextHolder.getLocale()));
        return "redirect:/admin/tokens/" + id + "/deliveries";
    }

    /** Failures of the page become the friendly error page, in the user's language. */
    @ControllerAdvice(assignableTypes = DeliveryPages.class)
    static class Errors extends PageErrorAdvice {
        Errors(MessageSource messages) {
            super(messages);
        }
    }
}
