package vn.dxgov.security.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an API token is written: {@code dxg_<lookup id>_<secret>}, the lookup id 12 characters of a-z and 0-9 (finds
 * the row, is shown in lists), the secret 32 random bytes in base64url without padding (43 characters). The prefix
 * lets secret scanners (and people) recognise a leaked token.
 */
final class TokenFormat {

    static final String PREFIX = "dxg_";
    private static final Pattern TOKEN = Pattern.compile("dxg_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final char[] LOOKUP = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFormat() {
    }

    record Parsed(String lookupId, String secret) {
        String token() {
            return PREFIX + lookupId + "_" + secret;
        }
    }

    static Parsed fresh() {
        StringBuilder lookup = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            lookup.append(LOOKUP[RANDOM.nextInt(LOOKUP.length)]);
        }
        return new Parsed(lookup.toString(), randomSecret());
    }

    /** 32 random bytes, base64url without padding. */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Optional<Parsed> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(token.trim());
        return m.matches() ? Optional.of(new Parsed(m.group(1), m.group(2))) : Optional.empty();
    }
}
