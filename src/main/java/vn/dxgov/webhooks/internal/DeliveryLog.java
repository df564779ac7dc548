package vn.dxgov.webhooks.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.dxgov.security.ApiTokens;
import vn.dxgov.shared.web.ApiException;

/**
 * The delivery log of a token's webhook, for the administrators who administer the token (others: 404; not an
 * administrator: 403), newest first, with a "send again" action; the page is {@link DeliveryPages}.
 */
@RestController
@Tag(name = "API tokens")
class DeliveryLog {

    static final int SHOWN = 200;

    private final ApiTokens tokens;
    private final DeliveryStore deliveries;
    private final Clock clock;

    DeliveryLog(ApiTokens tokens, DeliveryStore deliveries, Clock clock) {
        this.tokens = tokens;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    ApiTokens.Token token(long id) {
        return tokens.administered(id).orElseThrow(() -> ApiException.notFound("token", id));
    }

    @GetMapping("/api/v1/tokens/{id}/deliveries")
    @Operation(summary = "The webhook deliveries of a token, newest first (at most 200): event, status PENDING, "
            + "DELIVERED or FAILED, attempts, last answer code and error, next attempt, the JSON body sent")
    List<DeliveryStore.Delivery> list(@PathVariable long id) {
        return deliveries.ofToken(token(id).id(), SHOWN);
    }

    @PostMapping("/api/v1/tokens/{id}/deliveries/{deliveryId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a delivery again (from its first attempt), e.g. once the receiver is repaired: 202")
    void retry(@PathVariable long id, @PathVariable long deliveryId) {
        if (!deliveries.again(token(id).id(), deliveryId, clock.instant())) {
            throw ApiException.notFound("delivery", deliveryId);
        }
    }
}
