package vn.dxgov.units.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.dxgov.units.AgencyKind;

/**
 * The standard agencies of a province (resource {@code units/standard-agencies.tsv}): names, kinds and aliases,
 * looked up by {@link AgencyText#key matching key}. Immutable.
 */
final class AgencyCatalogue {

    static final String RESOURCE = "/units/standard-agencies.tsv";
    private static final String WILDCARD = " *";

    /**
     * @param name     canonical name; for a heading entry ({@code wildcard}) the heading without " *"
     * @param wildcard true when the entry stands for the heading followed by a proper name ("Báo *")
     */
    record Entry(String name, AgencyKind kind, List<String> aliases, boolean wildcard, String note) {
    }

    private final List<Entry> entries;
    private final Map<String, Entry> exact = new HashMap<>();
    /** heading key → entry, longest heading first */
    private final List<Map.Entry<String, Entry>> headings = new ArrayList<>();

    AgencyCatalogue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            List<String> names = new ArrayList<>();
            names.add(e.name());
            names.addAll(e.aliases());
            for (String n : names) {
                boolean heading = e.wildcard() || n.endsWith(WILDCARD);
                String key = AgencyText.key(n.endsWith(WILDCARD) ? n.substring(0, n.length() - 2) : n);
                if (heading) {
                    headings.add(Map.entry(key, e));
                    continue;
                }
                Entry other = exact.putIfAbsent(key, e);
                if (other != null && other != e) {
                    throw new IllegalStateException("Agency catalogue: \"" + n + "\" of " + e.name()
                            + " has the same key as " + other.name());
                }
            }
        }
        headings.sort(Comparator.comparingInt((Map.Entry<String, Entry> h) -> h.getKey().length()).reversed());
    }

    /** The standard catalogue bundled with dxgov. */
    static AgencyCatalogue standard() {
        try (InputStream in = AgencyCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AgencyCatalogue parse(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 2) {
                throw new IllegalStateException("Agency catalogue, line " + lineNo + ": expected name<TAB>kind<TAB>aliases<TAB>note");
            }
            String name = cols[0].trim();
            AgencyKind kind = AgencyKind.valueOf(cols[1].trim());
            List<String> aliases = cols.length > 2 && !cols[2].isBlank()
                    ? Arrays.stream(cols[2].split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList() : List.of();
            String note = cols.length > 3 ? cols[3].trim() : "";
            boolean wildcard = name.endsWith(WILDCARD);
            entries.add(new Entry(wildcard ? name.substring(0, name.length() - 2) : name, kind, aliases, wildcard, note));
        }
        return new AgencyCatalogue(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The entry whose name or alias has exactly this key (headings excluded). */
    Optional<Entry> exact(String key) {
        return Optional.ofNullable(exact.get(key));
    }

    /** The entry whose heading this key starts with, followed by at least one more word. */
    Optional<Entry> heading(String key) {
        for (Map.Entry<String, Entry> h : headings) {
            if (key.startsWith(h.getKey() + " ")) {
                return Optional.of(h.getValue());
            }
        }
        return Optional.empty();
    }
}
