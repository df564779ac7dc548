package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing in {@code src/main/java} but {@link Csv} writes CSV by hand: no quote doubling, no CRLF line ends, no
 * byte-order mark put in front of a text. (The shapes the exports had before they moved to {@link Csv}.)
 */
class CsvSourceScanTest {

    static final List<Pattern> BY_HAND = List.of(
            // "a\"b" → "a\"\"b": quoting a CSV cell
            Pattern.compile("\\.replace\\(\\s*\"\\\\\"\"\\s*,\\s*\"\\\\\"\\\\\"\"\\s*\\)"),
            // a record separator
            Pattern.compile("\"\\\\r\\\\n\""),
            // a byte-order mark written in front of a text
            Pattern.compile("\"\\\\uFEFF\"\\s*\\+|StringBuilder\\(\\s*\"\\\\uFEFF\"\\s*\\)|append\\(\\s*\"\\\\uFEFF\"\\s*\\)"));

    @Test
    void onlySharedCsvWritesCsv() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (f.endsWith(Path.of("vn/dxgov/shared/Csv.java"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (BY_HAND.stream().anyMatch(p -> p.matcher(line).find())) {
                        found.add(main.relativize(f) + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(found).as("CSV written by hand; use vn.dxgov.shared.Csv").isEmpty();
    }

    @Test
    void theRulesCatchTheShapesTheExportsHad() {
        List<String> old = List.of(
                "s = \"\\\"\" + s.replace(\"\\\"\", \"\\\"\\\"\") + \"\\\"\";",
                "b.append(String.join(\",\", cells)).append(\"\\r\\n\");",
                "StringBuilder b = new StringBuilder(\"\\uFEFF\");",
                "byte[] bytes = (\"\\uFEFF\" + text).getBytes(StandardCharsets.UTF_8);");
        assertThat(old).allSatisfy(line -> assertThat(BY_HAND).anyMatch(p -> p.matcher(line).find()));
        assertThat(BY_HAND).noneMatch(p -> p.matcher("return s.startsWith(\"\\uFEFF\") ? s.substring(1) : s;").find());
    }
}
