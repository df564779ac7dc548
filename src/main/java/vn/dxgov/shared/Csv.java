package vn.dxgov.shared;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Every CSV file dxgov reads or writes, through Apache Commons CSV with one set of settings.
 * <ul>
 *   <li><b>Reading</b> ({@link #read(Reader)}): RFC 4180 (quoted commas, doubled quotes {@code ""}, line breaks inside
 *       quotes); a leading byte-order mark is skipped; blank lines are kept as rows so that a problem can name the row
 *       a person sees; spaces around a cell and text after a closing quote are tolerated (as Excel writes them). A
 *       quote left open ends the reading with a {@link Broken} naming its row, after the rows read before it.</li>
 *   <li><b>Writing</b> ({@link #write(List, List)}): UTF-8 with a byte-order mark (so that Excel opens Vietnamese
 *       correctly), CRLF line ends and quotes only where needed (RFC 4180); numbers in the machine form
 *       ({@link Numbers#machine}: "812.25", never "812,25" inside a comma-separated line); and every text cell guarded
 *       against formula injection ({@link #guard}).</li>
 * </ul>
 */
public final class Csv {

    /** The content type of every CSV answer. */
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    static final char BOM = '\uFEFF';

    static final CSVFormat READ = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .setTrailingData(true)
            .get();

    /** RFC 4180: comma, double quotes when needed, CRLF after every record. */
    static final CSVFormat WRITE = CSVFormat.RFC4180;

    /** What a spreadsheet takes for the start of a formula, a tab or a carriage return (OWASP "CSV injection"). */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\t\r]");
    /** A plain number ("-12,5", "-12.5", "-1.250"): left alone although it starts with a minus sign. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(?:[.,]\\d+)*");

    private Csv() {
    }

    // ================================================================ reading

    /**
     * One row of a file.
     *
     * @param number the row's number counting every row from 1 (the header is row 1), as a spreadsheet shows it
     * @param line   the line of the file the row starts on (differs from {@code number} after a quoted line break)
     * @param cells  the cells as written, quotes removed
     */
    public record Row(int number, int line, List<String> cells) {

        /** The cell at {@code index}, trimmed; "" when the row is shorter. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index).trim() : "";
        }

        /** The cell of a column named in a header ({@link #columns()}), trimmed; "" when there is none. */
        public String cell(Map<String, Integer> columns, String column) {
            Integer i = columns.get(column);
            return i == null ? "" : cell(i);
        }

        /** True for an empty line (or one of spaces only): one blank cell. */
        public boolean empty() {
            return cells.size() == 1 && cells.get(0).isBlank();
        }

        /** True when every cell is blank (an empty line, or only commas and spaces). */
        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        /** This row read as a header: each column name (trimmed, lower case) to its index; a repeated name: the last. */
        public Map<String, Integer> columns() {
            Map<String, Integer> out = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                out.put(cells.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            return out;
        }
    }

    /** Where the reading stopped: a quote left open (the rest of the file would be one cell). */
    public record Broken(int number, int line, String problem) {
    }

    /**
     * A file read: its rows in order, the header first.
     *
     * @param broken null when the whole file was read
     */
    public record Table(List<Row> rows, Broken broken) {
    }

    /** Reads CSV text (a leading byte-order mark is skipped). */
    public static Table read(String text) {
        try {
            return read(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /**
     * Reads CSV text whose cells are separated by {@code separator} ({@code ','} as RFC 4180, or {@code ';'} as
     * spreadsheets write it where the comma is the decimal mark); otherwise as {@link #read(String)}.
     */
    public static Table read(String text, char separator) {
        try {
            return read(new StringReader(text), READ.builder().setDelimiter(separator).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /**
     * The separator a file uses: {@code ';'} when its first line holds more semicolons than commas outside quotes
     * (a spreadsheet set to Vietnamese writes "1,5" for one and a half, so it separates cells with ';'), else
     * {@code ','}. A leading byte-order mark is ignored.
     */
    public static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /**
     * Reads a CSV file to its end. The reader is closed.
     *
     * @throws IOException what the reader throws, e.g. a {@link java.nio.charset.CharacterCodingException} from a
     *                     strict decoder on bytes that are not UTF-8
     */
    public static Table read(Reader in) throws IOException {
        return read(in, READ);
    }

    private static Table read(Reader in, CSVFormat format) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(withoutBom(in)).setFormat(format).get()) {
            long end = 0; // the last line of the previous row
            try {
                for (CSVRecord r : parser) {
                    rows.add(new Row((int) r.getRecordNumber(), (int) end + 1, r.toList()));
                    end = parser.getCurrentLineNumber();
                }
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CSVException syntax)) {
                    throw e.getCause();
                }
                return new Table(rows, new Broken(rows.size() + 1, (int) end + 1, problem(syntax)));
            }
        }
        return new Table(rows, null);
    }

    private static String problem(CSVException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("EOF reached before encapsulated token finished") ? "dấu ngoặc kép chưa đóng"
                : "không đọc được dòng CSV (" + m + ")";
    }

    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        int first = r.read();
        if (first != -1 && first != BOM) {
            r.unread(first);
        }
        return r;
    }

    // ================================================================ writing

    /**
     * A CSV file: the header, then one line per row; UTF-8 with a byte-order mark, CRLF. Cells: null is empty, a
     * {@link BigDecimal} is written in the machine form ({@link Numbers#machine}), anything else as its
     * {@code toString()}; each then {@link #guard guarded}.
     */
    public static byte[] write(List<String> header, List<? extends List<?>> rows) {
        StringWriter out = new StringWriter().append(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(header.stream().map(Csv::cell));
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same file as {@link #write(List, List)}, streamed: written to {@code out} row by row (large downloads), which
     * is left open (flushed).
     */
    public static void write(java.io.OutputStream out, List<String> header, Iterable<? extends List<?>> rows)
            throws IOException {
        java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(BOM);
        CSVPrinter printer = new CSVPrinter(w, WRITE);
        printer.printRecord(header.stream().map(Csv::cell));
        for (List<?> row : rows) {
            printer.printRecord(row.stream().map(Csv::cell));
        }
        printer.flush();
    }

    /** A value as a cell of an export: see {@link #write}. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return guard(value instanceof BigDecimal d ? Numbers.machine(d) : value.toString());
    }

    /**
     * Neutralises a cell a spreadsheet would run as a formula: one that starts with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return gets a leading {@code '} ("=HYPERLINK(…)" is written "'=HYPERLINK(…)"),
     * except a plain number ("-12,5", "-12.5").
     */
    public static String guard(String text) {
        if (text == null || text.isEmpty() || !FORMULA_START.matcher(text).find() || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
