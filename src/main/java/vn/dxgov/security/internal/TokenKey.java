package vn.dxgov.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The server key of API tokens: what a token's secret is hashed with (HMAC-SHA256, a fast keyed hash: a token is a
 * random 256-bit secret, not a password a person chose, so a slow hash such as bcrypt buys nothing and costs ~100 ms
 * a call) and what webhook secrets are encrypted with (AES-GCM under a key derived from it).
 *
 * <p>The key is {@code dxgov.tokens.key} (environment {@code DXGOV_TOKEN_KEY}, at least 32 characters). Without it a
 * random key is generated once and kept in the database ({@code api_token_key}), so tokens survive restarts and every
 * node uses the same key; production should set the variable, so that a copy of the database alone neither checks nor
 * forges tokens and does not decrypt the webhook secrets.</p>
 */
@Component
class TokenKey {

    private static final Logger log = LoggerFactory.getLogger(TokenKey.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV = 12;

    private final SecretKeySpec encryptionKey;
    /** A Mac per thread, keyed once: a check does no key set-up (a few microseconds saved per call). */
    private final ThreadLocal<Mac> hasher;

    TokenKey(@Value("${dxgov.tokens.key:}") String configured, JdbcClient jdbc) {
        byte[] key;
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("dxgov.tokens.key (DXGOV_TOKEN_KEY) needs at least 32 characters");
            }
            key = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            jdbc.sql("insert into api_token_key (id, key_bytes) values (1, ?) on conflict (id) do nothing").param(fresh)
                    .update();
            key = jdbc.sql("select key_bytes from api_token_key where id = 1").query(byte[].class).single();
            log.info("API tokens use the server key kept in the database; set DXGOV_TOKEN_KEY in production");
        }
        byte[] hashKey = hmac(key, "dxgov api token hash".getBytes(StandardCharsets.UTF_8));
        this.hasher = ThreadLocal.withInitial(() -> mac(hashKey));
        this.encryptionKey = new SecretKeySpec(hmac(key, "dxgov webhook secret encryption"
                .getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** HMAC-SHA256 of a token's secret under the server key: what is stored, and compared in constant time. */
    byte[] hash(String secret) {
        return hasher.get().doFinal(secret.getBytes(StandardCharsets.UTF_8));
    }

    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    byte[] encrypt(String text) {
        try {
            byte[] iv = new byte[IV];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV + sealed.length);
            System.arraycopy(sealed, 0, out, IV, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String decrypt(byte[] stored) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, stored, 0, IV));
            return new String(c.doFinal(stored, IV, stored.length - IV), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret that the server key does not open", e);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        return mac(key).doFinal(data);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
