package vn.dxgov.webhooks.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.security.ApiTokens;
import vn.dxgov.shared.OutboundUrl;

/**
 * Sends due webhook deliveries: claims a few ({@link DeliveryStore#claim}, in its own short transaction), POSTs each
 * outside any transaction, records the outcome. 2xx is delivered; anything else (an answer, a timeout, a refused
 * connection) is tried again after the next step of the back-off ({@code dxgov.webhooks.backoff}, by default 1 min,
 * 5 min, 30 min, 2 h, 12 h), then FAILED. Timeouts: 5 s to connect, 10 s for the answer; redirects are not followed
 * (a redirect is a failure: it could lead to an internal address). Before each call the URL is checked again
 * ({@link OutboundUrl}), and the token must still be live: a revoked token's deliveries fail.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 20;

    private final DeliveryStore deliveries;
    private final ApiTokens tokens;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OutboundUrl urls;
    private final List<Duration> backoff;
    private final boolean enabled;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookSender(DeliveryStore deliveries, ApiTokens tokens, PlatformTransactionManager transactions, Clock clock,
                  @Value("${dxgov.webhooks.allow-http:false}") boolean allowHttp,
                  @Value("${dxgov.webhooks.allow-private:false}") boolean allowPrivate,
                  @Value("${dxgov.webhooks.backoff:PT1M,PT5M,PT30M,PT2H,PT12H}") List<Duration> backoff,
                  @Value("${dxgov.webhooks.sender.enabled:true}") boolean enabled) {
        this.deliveries = deliveries;
        this.tokens = tokens;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.urls = new OutboundUrl(allowHttp, allowPrivate);
        this.backoff = List.copyOf(backoff);
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${dxgov.webhooks.poll:PT15S}", initialDelayString = "${dxgov.webhooks.poll:PT15S}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            // e.g. the database is down: the next run sends what is still due
            log.error("Sending webhooks failed", e);
        }
    }

    /** Sends what is due now, batch after batch; returns how many attempts were made. */
    int sendDue() {
        int attempts = 0;
        while (true) {
            Instant now = clock.instant();
            List<DeliveryStore.Delivery> due = tx.execute(s -> deliveries.claim(BATCH, now, now.plus(Duration.ofMinutes(2))));
            if (due == null || due.isEmpty()) {
                return attempts;
            }
            for (DeliveryStore.Delivery d : due) {
                send(d);
                attempts++;
            }
            if (due.size() < BATCH) {
                return attempts;
            }
        }
    }

    private void send(DeliveryStore.Delivery d) {
        Optional<ApiTokens.Subscriber> subscriber = tokens.subscriber(d.tokenId());
        if (subscriber.isEmpty()) {
            deliveries.failed(d.id(), null, "token revoked, expired or without webhook", null);
            return;
        }
        String url = subscriber.get().webhookUrl();
        Optional<OutboundUrl.Problem> problem = urls.check(url);
        if (problem.isPresent()) {
            retryLater(d, null, "URL refused: " + problem.get().name());
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSignature.sign(tokens.webhookSecret(d.tokenId()), timestamp, d.payload());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "dxgov-webhooks/1")
                .header("X-Dxgov-Event", d.eventType())
                .header("X-Dxgov-Delivery", Long.toString(d.id()))
                .header("X-Dxgov-Timestamp", Long.toString(timestamp))
                .header("X-Dxgov-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
        try {
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
                deliveries.delivered(d.id(), answer.statusCode(), clock.instant());
            } else {
                retryLater(d, answer.statusCode(), "HTTP " + answer.statusCode());
            }
        } catch (IOException e) {
            retryLater(d, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryLater(d, null, "interrupted");
        }
    }

    /** The attempt failed: the next after the back-off step of its number, or FAILED once the steps are used up. */
    private void retryLater(DeliveryStore.Delivery d, Integer code, String error) {
        int failedAttempts = d.attempts() + 1;
        Instant next = failedAttempts <= backoff.size() ? clock.instant().plus(backoff.get(failedAttempts - 1)) : null;
        deliveries.failed(d.id(), code, error, next);
    }
}
