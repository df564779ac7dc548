package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code *.properties} file under src/main/resources and src/test/resources, read line by line (because
 * {@link java.util.Properties#load} keeps the last of two definitions without a word: that is how
 * "reporting.line.denominator" came to label the ratio line "{0}: cần nhập mẫu số lớn hơn 0."):
 * <ul>
 *   <li>no key is defined twice in one file;</li>
 *   <li>no key is defined in two bundles of the same language (the message source takes the first bundle's, the
 *       other is dead text that looks live);</li>
 *   <li>a {@code _vi} file and its {@code _en} file have the same keys;</li>
 *   <li>apostrophes survive: a message with arguments goes through {@link java.text.MessageFormat}, where a lone
 *       {@code '} swallows itself and quotes the rest ("province's value" printed "provinces value"), so it must be
 *       doubled; a message without arguments is printed as written, so it must not be.</li>
 * </ul>
 */
class MessageBundlesTest {

    static final List<Path> ROOTS = List.of(Path.of("src/main/resources"), Path.of("src/test/resources"));
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    /** One definition: file, line, key and value (continuation lines joined, escapes left as written). */
    record Entry(Path file, int line, String key, String value) {
        @Override
        public String toString() {
            return file + ":" + line + " " + key;
        }
    }

    static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : ROOTS) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    /** The definitions of a file in order, as the properties format reads them (comments, blanks, continuations). */
    static List<Entry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            String line = stripLeading(lines.get(i));
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
                continue;
            }
            StringBuilder logical = new StringBuilder();
            while (continues(line) && i + 1 < lines.size()) {
                logical.append(line, 0, line.length() - 1);
                line = stripLeading(lines.get(++i));
            }
            logical.append(line);
            String text = logical.toString();
            int end = 0;
            while (end < text.length()) {
                char c = text.charAt(end);
                if (c == '\\') {
                    end += 2;
                    continue;
                }
                if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                    break;
                }
                end++;
            }
            end = Math.min(end, text.length());
            String key = text.substring(0, end);
            String rest = stripLeading(text.substring(end));
            if (!rest.isEmpty() && (rest.charAt(0) == '=' || rest.charAt(0) == ':')) {
                rest = stripLeading(rest.substring(1));
            }
            out.add(new Entry(file, first + 1, key, rest));
        }
        return out;
    }

    private static String stripLeading(String s) {
        int k = 0;
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t' || s.charAt(k) == '\f')) {
            k++;
        }
        return s.substring(k);
    }

    /** An odd number of backslashes at the end of a line continues it. */
    private static boolean continues(String line) {
        int n = 0;
        for (int k = line.length() - 1; k >= 0 && line.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** "messages", "i18n/reporting" for ".../i18n/reporting_vi.properties"; the language ("vi", "en") or "". */
    static String[] bundleAndLanguage(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String name = relative.substring(0, relative.length() - ".properties".length());
        Matcher m = Pattern.compile("^(.*)_([a-z]{2})$").matcher(name);
        return m.matches() ? new String[]{m.group(1), m.group(2)} : new String[]{name, ""};
    }

    @Test
    void thereAreBundlesToCheck() throws IOException {
        assertThat(files()).as("run from the project directory").isNotEmpty()
                .anyMatch(p -> p.endsWith(Path.of("i18n/reporting_vi.properties")));
    }

    @Test
    void noKeyIsDefinedTwiceInAFile() throws IOException {
        List<String> twice = new ArrayList<>();
        for (Path file : files()) {
            Map<String, Entry> seen = new LinkedHashMap<>();
            for (Entry e : read(file)) {
                Entry before = seen.putIfAbsent(e.key(), e);
                if (before != null) {
                    twice.add(file + ": " + e.key() + " on lines " + before.line() + " and " + e.line());
                }
            }
        }
        assertThat(twice).as("keys defined twice (Properties keeps the last one silently)").isEmpty();
    }

    @Test
    void noKeyIsDefinedInTwoBundlesOfOneLanguage() throws IOException {
        Map<String, Map<String, List<Entry>>> byLanguage = new TreeMap<>();
        for (Path root : ROOTS) {
            for (Path file : files()) {
                if (!file.startsWith(root)) {
                    continue;
                }
                String language = bundleAndLanguage(root, file)[1];
                for (Entry e : read(file)) {
                    byLanguage.computeIfAbsent(language + " " + root, k -> new TreeMap<>())
                            .computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        List<String> shared = new ArrayList<>();
        byLanguage.forEach((language, keys) -> keys.forEach((key, entries) -> {
            if (entries.stream().map(Entry::file).distinct().count() > 1) {
                shared.add(key + " in " + entries);
            }
        }));
        assertThat(shared).as("keys defined in several bundles of one language (only the first bundle's is used)")
                .isEmpty();
    }

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path root : ROOTS) {
            Map<String, Map<String, TreeSet<String>>> bundles = new TreeMap<>();
            for (Path file : files()) {
                if (!file.startsWith(root)) {
                    continue;
                }
                String[] bl = bundleAndLanguage(root, file);
                if (bl[1].equals("vi") || bl[1].equals("en")) {
                    TreeSet<String> keys = new TreeSet<>();
                    read(file).forEach(e -> keys.add(e.key()));
                    bundles.computeIfAbsent(bl[0], k -> new TreeMap<>()).put(bl[1], keys);
                }
            }
            bundles.forEach((bundle, languages) -> {
                TreeSet<String> vi = languages.get("vi");
                TreeSet<String> en = languages.get("en");
                if (vi == null || en == null) {
                    problems.add(root + "/" + bundle + ": only " + languages.keySet());
                    return;
                }
                TreeSet<String> onlyVi = new TreeSet<>(vi);
                onlyVi.removeAll(en);
                TreeSet<String> onlyEn = new TreeSet<>(en);
                onlyEn.removeAll(vi);
                onlyVi.forEach(k -> problems.add(root + "/" + bundle + "_en lacks " + k));
                onlyEn.forEach(k -> problems.add(root + "/" + bundle + "_vi lacks " + k));
            });
        }
        assertThat(problems).as("keys of one language missing in the other").isEmpty();
    }

    @Test
    void apostrophesArePrintedAsWritten() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : files()) {
            for (Entry e : read(file)) {
                boolean formatted = ARGUMENT.matcher(e.value()).find();
                String withoutPairs = e.value().replace("''", "");
                if (formatted && withoutPairs.contains("'")) {
                    wrong.add(e + ": a lone ' in a message with arguments (write '')");
                } else if (!formatted && e.value().contains("''")) {
                    wrong.add(e + ": '' in a message without arguments is printed twice (write ')");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * "Không tìm thấy đợt đánh giá #5", not "Không tìm thấy assessment round #5": every thing the code names in
     * {@code ApiException.notFound("...", id)} has a Vietnamese and an English name, key {@code entity.} + the name
     * with dots for spaces.
     */
    @Test
    void everyThingNotFoundHasANameInBothLanguages() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        Pattern notFound = Pattern.compile("notFound\\(\\s*\"([^\"]+)\"");
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            for (Path java : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = notFound.matcher(Files.readString(java, StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertThat(names).contains("plan", "assessment round");
        Map<String, TreeSet<String>> keys = new TreeMap<>();
        for (Path file : files()) {
            if (file.startsWith(ROOTS.get(0))) {
                String language = bundleAndLanguage(ROOTS.get(0), file)[1];
                read(file).forEach(e -> keys.computeIfAbsent(language, k -> new TreeSet<>()).add(e.key()));
            }
        }
        List<String> unnamed = new ArrayList<>();
        for (String language : List.of("vi", "en")) {
            for (String name : names) {
                String key = "entity." + name.replace(' ', '.');
                if (!keys.getOrDefault(language, new TreeSet<>()).contains(key)) {
                    unnamed.add(key + " (" + language + ")");
                }
            }
        }
        assertThat(unnamed).as("things named by notFound(...) without a name for the reader").isEmpty();
    }

    @Test
    void theReaderSeesWhatPropertiesLoadHides() throws IOException {
        Path tmp = Files.createTempFile("bundle", ".properties");
        try {
            Files.writeString(tmp, """
                    # a comment
                    a=1
                    b = two \\
                        lines
                    a: again
                    c\\=d=e
                    """, StandardCharsets.UTF_8);
            List<Entry> entries = read(tmp);
            assertThat(entries).extracting(Entry::key).containsExactly("a", "b", "a", "c\\=d");
            assertThat(entries).extracting(Entry::line).containsExactly(2, 3, 5, 6);
            assertThat(entries.get(1).value()).isEqualTo("two lines");
            java.util.Properties loaded = new java.util.Properties();
            try (var in = Files.newBufferedReader(tmp)) {
                loaded.load(in);
            }
            assertThat(loaded.getProperty("a")).as("Properties keeps the last, silently").isEqualTo("again");
        } finally {
            Files.delete(tmp);
        }
    }
}
