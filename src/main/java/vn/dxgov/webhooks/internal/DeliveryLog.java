package vn.dxgov.webhooks.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dxgov.security.ApiTokens;
import vn.dxgov.shared.web.ApiException;

/**
 * The delivery log of a token's webhook, for the administrators who administer the token (others: 404; not an
 * administrator: 403): the API ({@code /api/v1/tokens/{id}/deliveries}) and the page
 * ({@code /admin/tokens/{id}/deliveries}), newest first, with a "send again" action.
 */
@Controller
@Tag(name = "API tokens")
class DeliveryLog {

    static final int SHOWN = 200;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final ApiTokens tokens;
    private final DeliveryStore deliveries;
    private final MessageSource messages;
    private final Clock clock;

    DeliveryLog(ApiTokens tokens, DeliveryStore deliveries, MessageSource messages, Clock clock) {
        this.tokens = tokens;
        this.deliveries = deliveries;
        this.messages = messages;
        this.clock = clock;
    }

    private ApiTokens.Token token(long id) {
        return tokens.administered(id).orElseThrow(() -> ApiException.notFound("token", id));
    }

    @GetMapping("/api/v1/tokens/{id}/deliveries")
    @ResponseBody
    @Operation(summary = "The webhook deliveries of a token, newest first (at most 200): event, status PENDING, "
            + "DELIVERED or FAILED, attempts, last answer code and error, next attempt, the JSON body sent")
    List<DeliveryStore.Delivery> list(@PathVariable long id) {
        return deliveries.ofToken(token(id).id(), SHOWN);
    }

    @PostMapping("/api/v1/tokens/{id}/deliveries/{deliveryId}/retry")
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a delivery again (from its first attempt), e.g. once the receiver is repaired: 202")
    void retry(@PathVariable long id, @PathVariable long deliveryId) {
        if (!deliveries.again(token(id).id(), deliveryId, clock.instant())) {
            throw ApiException.notFound("delivery", deliveryId);
        }
    }

    @GetMapping("/admin/tokens/{id}/deliveries")
    String page(@PathVariable long id, Model m) {
        ApiTokens.Token t = token(id);
        m.addAttribute("token", t);
        m.addAttribute("deliveries", deliveries.ofToken(t.id(), SHOWN));
        m.addAttribute("when", WHEN);
        return "admin/deliveries";
    }

    @PostMapping("/admin/tokens/{id}/deliveries/{deliveryId}/retry")
    String retryFromPage(@PathVariable long id, @PathVariable long deliveryId, RedirectAttributes redirect) {
        retry(id, deliveryId);
        redirect.addFlashAttribute("notice", messages.getMessage("webhooks.retried", new Object[] {deliveryId},
                LocaleContextHolder.getLocale()));
        return "redirect:/admin/tokens/" + id + "/deliveries";
    }
}
