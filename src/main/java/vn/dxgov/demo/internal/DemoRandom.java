package vn.dxgov.demo.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic pseudo-randomness keyed by text: the same seed plan gives the same demo history on every machine
 * and every start, whatever the database ids are.
 */
final class DemoRandom {

    private DemoRandom() {
    }

    /** A number in [0, 1) derived from the key. */
    static double unit(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (h[i] & 0xff);
            }
            return (bits >>> 3) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A whole number in [from, to]. */
    static int between(String key, int from, int to) {
        return from + (int) Math.floor(unit(key) * (to - from + 1));
    }

    /** A number in [from, to). */
    static double between(String key, double from, double to) {
        return from + unit(key) * (to - from);
    }
}
