package vn.dxgov.plans.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** Loads seed documents and builds the province lexicon from the seed administrative units. */
final class TestDocuments {

    static final String SEED_000 = "000_f654baa895e59210.txt";
    static final String SEED_001 = "001_16196319a76d78f9.txt";
    static final String SEED_002 = "002_26a007337e16e28d.txt";
    static final String SEED_003 = "003_9631579da6f4c830.txt";
    static final String SEED_004 = "004_0476a1d53eff913d.txt";

    private static ProvinceLexicon lexicon;

    private TestDocuments() {
    }

    static byte[] seedBytes(String name) {
        return resource("/seed/plans/" + name);
    }

    static byte[] resource(String path) {
        try (InputStream in = TestDocuments.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Level-1 units of both unit lists, without the "Tỉnh "/"Thành phố " prefix. */
    static synchronized ProvinceLexicon provinces() {
        if (lexicon == null) {
            Set<String> names = new LinkedHashSet<>();
            for (String file : new String[] {"/seed/units/units-2020-2025.csv", "/seed/units/units-2025.csv"}) {
                String csv = new String(resource(file), StandardCharsets.UTF_8);
                for (String line : csv.split("\\R")) {
                    String[] f = line.split(",", -1);
                    if (f.length >= 3 && f[0].equals("1")) {
                        names.add(f[2].replaceFirst("^(Tỉnh|Thành phố)\\s+", "").strip());
                    }
                }
            }
            lexicon = ProvinceLexicon.of(names);
        }
        return lexicon;
    }

    static ParsedPlan parseSeed(String name) {
        DocumentText doc = new DocumentReader().read(name, seedBytes(name));
        return new PlanDocumentParser().parse(doc, provinces());
    }

    static ParsedPlan parse(String filename, String text) {
        DocumentText doc = new DocumentReader().read(filename, text.getBytes(StandardCharsets.UTF_8));
        return new PlanDocumentParser().parse(doc, provinces());
    }

    static ParsedPlan parse(String filename, byte[] bytes) {
        DocumentText doc = new DocumentReader().read(filename, bytes);
        return new PlanDocumentParser().parse(doc, provinces());
    }
}
