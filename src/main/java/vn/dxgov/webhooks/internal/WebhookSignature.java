package vn.dxgov.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook call: {@code X-Dxgov-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>},
 * the secret's UTF-8 bytes as the key ({@code whsec_…} as shown when the token was made), the timestamp the one of
 * {@code X-Dxgov-Timestamp} (seconds since 1970). Signing the timestamp with the body lets a receiver refuse a replayed
 * call: it checks the signature, then that the timestamp is recent (say, within five minutes).
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
