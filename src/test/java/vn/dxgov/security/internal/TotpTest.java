package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B's test vectors (SHA-1, 8 digits), RFC 4648's Base32 vectors, and the acceptance window. */
class TotpTest {

    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238TestVectors() {
        long[][] vectors = {{59L, 94287082}, {1111111109L, 7081804}, {1111111111L, 14050471}, {1234567890L, 89005924},
                {2000000000L, 69279037}, {20000000000L, 65353130}};
        for (long[] v : vectors) {
            assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(v[0])), 8, "HmacSHA1"))
                    .as("T = " + v[0]).isEqualTo(String.format("%08d", v[1]));
        }
    }

    @Test
    void base32AsRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Totp.base32Decode("MZXW6YTBOI======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Totp.base32Decode(Totp.base32(RFC_KEY))).isEqualTo(RFC_KEY);
        assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
    }

    @Test
    void aCodeIsAcceptedInItsStepAndTheNeighboursOnlyOnce() {
        String secret = Totp.base32(RFC_KEY);
        Instant at = Instant.ofEpochSecond(1111111111L);
        long step = Totp.step(at);
        String code = Totp.code(RFC_KEY, step, 6, "HmacSHA1");
        assertThat(code).isEqualTo("050471");
        assertThat(Totp.verify(secret, code, at, -1)).isEqualTo(step);
        assertThat(Totp.verify(secret, "050 471", at.plusSeconds(30), -1)).isEqualTo(step);
        assertThat(Totp.verify(secret, code, at.plusSeconds(90), -1)).isEqualTo(-1);
        assertThat(Totp.verify(secret, code, at, step)).as("used once").isEqualTo(-1);
        assertThat(Totp.verify(secret, "123456", at, -1)).isEqualTo(-1);
        assertThat(Totp.verify(secret, "abc", at, -1)).isEqualTo(-1);
        assertThat(Totp.uri("dxgov", "admin", secret))
                .isEqualTo("otpauth://totp/dxgov:admin?secret=" + secret + "&issuer=dxgov&algorithm=SHA1&digits=6&period=30");
    }
}
