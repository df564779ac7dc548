package vn.dxgov.plans.importing;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Optical character recognition of a page image through the Tesseract command line with its Vietnamese model
 * ({@code tesseract page.pgm out -l vie tsv}): a separate process, so a crash or a hang of the native code costs one
 * page (it is killed after {@link #timeout}), never the server. Word boxes and confidences come from the TSV output.
 * The command is {@code tesseract} on the PATH unless the system property {@value #COMMAND_PROPERTY} names another.
 */
final class TesseractOcr {

    /** System property naming the tesseract executable (a path, or a name on the PATH). */
    static final String COMMAND_PROPERTY = "dxgov.tesseract";
    /** The Tesseract language model for Vietnamese (Debian package tesseract-ocr-vie). */
    static final String LANGUAGE = "vie";
    /** A page at 300 dpi takes a few seconds; two minutes means Tesseract is stuck. */
    static final Duration PAGE_TIMEOUT = Duration.ofMinutes(2);

    private static final Map<String, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    private final String command;
    private final Duration timeout;

    TesseractOcr(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    static TesseractOcr fromSystemProperty() {
        return new TesseractOcr(System.getProperty(COMMAND_PROPERTY, "tesseract"), PAGE_TIMEOUT);
    }

    String command() {
        return command;
    }

    /** True when the command runs and lists the Vietnamese model (checked once per command). */
    boolean available() {
        return AVAILABLE.computeIfAbsent(command, c -> {
            try {
                Process p = new ProcessBuilder(c, "--list-langs").redirectErrorStream(true).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0 && new String(out, StandardCharsets.UTF_8).lines()
                        .anyMatch(l -> l.strip().equals(LANGUAGE));
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /**
     * Reads the words of a grey page image rendered at {@code dpi}, in points from the page's top-left corner. A page
     * with a table is read in sparse-text mode (--psm 11), which keeps the short text of narrow cells (row codes) that
     * the automatic page segmentation drops as noise; the layout is rebuilt from the word boxes either way.
     */
    List<PdfWord> words(BufferedImage grey, float dpi, boolean table) throws IOException {
        Path dir = Files.createTempDirectory("dxgov-ocr");
        Path image = dir.resolve("page.pgm");
        Path out = dir.resolve("page");
        try {
            writePgm(grey, image);
            run(new ProcessBuilder(command, image.toString(), out.toString(), "-l", LANGUAGE,
                    "--psm", table ? "11" : "3", "tsv"));
            Path tsv = dir.resolve("page.tsv");
            if (!Files.exists(tsv)) {
                throw new IOException("tesseract wrote no TSV for the page");
            }
            return parseTsv(Files.readAllLines(tsv, StandardCharsets.UTF_8), 72f / dpi);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Reads each small image as one line ({@code --psm 7}) or one word ({@code 8}) of text in {@code language}, with only (unless null)
     * the characters of {@code allowed}; one Tesseract process for all the images (a list file, one image a "page").
     * Gives for each image its text (words joined by spaces, "" when nothing was read) and mean confidence.
     */
    List<PdfWord> shortTexts(List<BufferedImage> images, String language, int psm, String allowed) throws IOException {
        List<PdfWord> out = new ArrayList<>();
        if (images.isEmpty()) {
            return out;
        }
        Path dir = Files.createTempDirectory("dxgov-ocr");
        try {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < images.size(); i++) {
                Path image = dir.resolve("cell" + i + ".pgm");
                writePgm(images.get(i), image);
                list.append(image).append('\n');
            }
            Path listFile = dir.resolve("cells.txt");
            Files.writeString(listFile, list, StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of(command, listFile.toString(), dir.resolve("cells").toString(),
                    "-l", language, "--psm", String.valueOf(psm)));
            if (allowed != null) {
                args.addAll(List.of("-c", "tessedit_char_whitelist=" + allowed));
            }
            args.add("tsv");
            run(new ProcessBuilder(args));
            Path tsv = dir.resolve("cells.tsv");
            if (!Files.exists(tsv)) {
                throw new IOException("tesseract wrote no output for the code cells");
            }
            String[] texts = new String[images.size()];
            float[] conf = new float[images.size()];
            int[] count = new int[images.size()];
            for (String row : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                String[] f = row.split("\t", -1);
                if (f.length < 12 || !f[0].equals("5") || f[11].isBlank()) {
                    continue;
                }
                int page = Integer.parseInt(f[1]) - 1;
                if (page < 0 || page >= texts.length) {
                    continue;
                }
                String word = Normalizer.normalize(f[11].strip(), Normalizer.Form.NFC);
                texts[page] = texts[page] == null ? word : texts[page] + " " + word;
                conf[page] += Math.max(0f, Float.parseFloat(f[10]));
                count[page]++;
            }
            for (int i = 0; i < texts.length; i++) {
                out.add(new PdfWord(texts[i] == null ? "" : texts[i], 0, 0, 0, 0, 0, false,
                        count[i] == 0 ? 0 : conf[i] / count[i]));
            }
            return out;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Runs Tesseract with the timeout; its output goes to files, its messages are dropped. */
    private void run(ProcessBuilder pb) throws IOException {
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // one thread per page: Tesseract's OpenMP threads fight over the cores and make a page slower, not faster
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        boolean done;
        try {
            done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("OCR interrupted", e);
        }
        if (!done) {
            p.destroyForcibly();
            throw new IOException("tesseract took longer than " + timeout.toSeconds() + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("tesseract failed with exit code " + p.exitValue());
        }
    }

    /**
     * The words of Tesseract's TSV (level 5 rows), scaled by {@code scale} to points. A word's height and font size
     * are those of its line (level 4 row), so the words of a line stay on one line whatever their letters.
     */
    static List<PdfWord> parseTsv(List<String> rows, float scale) {
        Map<String, float[]> lineBoxes = new HashMap<>();
        List<PdfWord> words = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].matches("\\d")) {
                continue;
            }
            String key = f[1] + "/" + f[2] + "/" + f[3] + "/" + f[4];
            float left = Float.parseFloat(f[6]) * scale;
            float top = Float.parseFloat(f[7]) * scale;
            float width = Float.parseFloat(f[8]) * scale;
            float height = Float.parseFloat(f[9]) * scale;
            if (f[0].equals("4")) {
                lineBoxes.put(key, new float[] {top, top + height});
            } else if (f[0].equals("5") && !f[11].isBlank()) {
                float[] line = lineBoxes.getOrDefault(key, new float[] {top, top + height});
                float conf = Math.max(0f, Float.parseFloat(f[10]));
                String text = Normalizer.normalize(f[11].strip(), Normalizer.Form.NFC);
                words.add(new PdfWord(text, left, left + width, line[0], line[1], (line[1] - line[0]) * 0.8f,
                        false, conf));
            }
        }
        return words;
    }

    private static void writePgm(BufferedImage grey, Path file) throws IOException {
        int w = grey.getWidth();
        int h = grey.getHeight();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            int[] row = new int[w];
            byte[] bytes = new byte[w];
            for (int y = 0; y < h; y++) {
                grey.getRaster().getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    bytes[x] = (byte) row[x];
                }
                out.write(bytes);
            }
        }
    }
}
