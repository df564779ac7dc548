package dxgov.bench;

import java.net.URI;

/** The run's parameters (system properties set by bench/gatling.sh); loopback only. */
final class Params {

    private Params() {
    }

    static String base() {
        String base = System.getProperty("base", "http://localhost:8091");
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        return base;
    }

    static String get(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("-D" + name + " is needed (bench/gatling.sh sets it)");
        }
        return v;
    }

    static int integer(String name, int otherwise) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? otherwise : Integer.parseInt(v);
    }
}
