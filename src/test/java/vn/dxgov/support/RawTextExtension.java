package vn.dxgov.support;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when a page the running server rendered during it (for an HTTP client or a browser) had raw text
 * ({@link RawTextFilter}). Registered for every test by JUnit's extension auto-detection
 * (junit-platform.properties, META-INF/services).
 */
public class RawTextExtension implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        check();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check();
    }

    private static void check() {
        List<String> found = RawTextFilter.drain();
        if (!found.isEmpty()) {
            throw new AssertionError(String.join("\n", found));
        }
    }
}
