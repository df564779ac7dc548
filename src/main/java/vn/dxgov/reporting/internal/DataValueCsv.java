package vn.dxgov.reporting.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.shared.Csv;
import vn.dxgov.shared.Numbers;

/**
 * Reads a CSV batch of data values: UTF-8 (a byte-order mark is skipped), a header row naming the item's fields
 * (indicatorCode, indicatorId, unitCode, on, unitId, period, value, numerator, denominator, comment, version, key; in
 * any order and case; the ones not needed left out), cells separated by {@code ,} or {@code ;} (detected from the
 * header, {@link Csv#separator}). Numbers follow {@link BatchNumbers}: a number column may declare its form
 * ({@code value@vi}, {@code value@machine}); days are 2025-12-31 or 31/12/2025. Blank lines are skipped. Every
 * problem names the file's row (the header is row 1).
 */
@Component
class DataValueCsv {

    /** The columns, lower case, to the item field they fill. */
    private static final List<String> COLUMNS = List.of("indicatorcode", "indicatorid", "unitcode", "on", "unitid",
            "period", "value", "numerator", "denominator", "comment", "version", "key");
    private static final List<String> NUMBER_COLUMNS = List.of("value", "numerator", "denominator");

    private final ReportingMessages messages;

    DataValueCsv(ReportingMessages messages) {
        this.messages = messages;
    }

    /** A column of the header: its field and, for a number, the form it declares. */
    private record Column(String field, BatchNumbers.Form form) {
    }

    BatchInput read(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return refused(RowProblem.ofBody("NOT_UTF8", messages.msg("batch.csv.notUtf8")));
        }
        Csv.Table table = Csv.read(text, Csv.separator(text));
        List<RowProblem> problems = new ArrayList<>();
        List<DataValueWriteApiController.Item> items = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        if (table.rows().isEmpty() || table.rows().get(0).blank()) {
            return refused(RowProblem.ofBody("NO_HEADER", messages.msg("batch.csv.noHeader")));
        }
        Map<Integer, Column> header = header(table.rows().get(0), problems);
        if (!problems.isEmpty()) {
            return new BatchInput(BatchFormat.CSV, List.of(), new int[0], problems, 0);
        }
        for (Csv.Row r : table.rows().subList(1, table.rows().size())) {
            if (r.blank()) {
                continue;
            }
            items.add(item(r, header, items.size() + 1, problems));
            rows.add(r.number());
        }
        if (table.broken() != null) {
            problems.add(new RowProblem(null, table.broken().number(), null, "BROKEN_ROW",
                    messages.msg("batch.csv.broken", Numbers.code(table.broken().number()), table.broken().problem())));
        }
        return new BatchInput(BatchFormat.CSV, items, rows.stream().mapToInt(Integer::intValue).toArray(), problems, 0);
    }

    private static BatchInput refused(RowProblem problem) {
        return new BatchInput(BatchFormat.CSV, List.of(), new int[0], List.of(problem), 0);
    }

    /** Index → column; unknown names, forms on other columns, repeated columns and no period are problems. */
    private Map<Integer, Column> header(Csv.Row row, List<RowProblem> problems) {
        Map<Integer, Column> out = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String cell = row.cell(i);
            String name = cell.toLowerCase(Locale.ROOT);
            BatchNumbers.Form form = BatchNumbers.Form.AUTO;
            int at = name.indexOf('@');
            if (at >= 0) {
                String declared = name.substring(at + 1);
                name = name.substring(0, at);
                form = "vi".equals(declared) ? BatchNumbers.Form.VI
                        : "machine".equals(declared) ? BatchNumbers.Form.MACHINE : null;
                if (form == null || !NUMBER_COLUMNS.contains(name)) {
                    problems.add(new RowProblem(null, row.number(), cell, "BAD_COLUMN_FORM",
                            messages.msg("batch.csv.columnForm", cell)));
                    continue;
                }
            }
            if (cell.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(name)) {
                problems.add(new RowProblem(null, row.number(), cell, "UNKNOWN_COLUMN",
                        messages.msg("batch.csv.unknownColumn", cell)));
            } else if (seen.contains(name)) {
                problems.add(new RowProblem(null, row.number(), cell, "REPEATED_COLUMN",
                        messages.msg("batch.csv.repeatedColumn", cell)));
            } else {
                seen.add(name);
                out.put(i, new Column(name, form));
            }
        }
        if (!seen.contains("period")) {
            problems.add(new RowProblem(null, row.number(), "period", "MISSING_COLUMN",
                    messages.msg("batch.csv.missingColumn", "period")));
        }
        return out;
    }

    private DataValueWriteApiController.Item item(Csv.Row r, Map<Integer, Column> header, int number,
                                                  List<RowProblem> problems) {
        Map<String, String> text = new HashMap<>();
        Map<String, BigDecimal> numbers = new HashMap<>();
        Map<String, Long> wholes = new HashMap<>();
        LocalDate on = null;
        for (Map.Entry<Integer, Column> c : header.entrySet()) {
            String field = c.getValue().field();
            String cell = r.cell(c.getKey());
            BatchNumbers.Cell<?> read;
            switch (field) {
                case "value", "numerator", "denominator" -> read = BatchNumbers.number(cell, c.getValue().form());
                case "indicatorid", "unitid", "version" -> read = BatchNumbers.whole(cell);
                case "on" -> read = BatchNumbers.day(cell);
                default -> {
                    text.put(field, cell.isEmpty() ? null : cell);
                    continue;
                }
            }
            if (!read.ok()) {
                problems.add(new RowProblem(number, r.number(), fieldName(field), code(read.problem()),
                        messages.msg(read.problem(), read.args())));
            } else if (read.value() instanceof BigDecimal d) {
                numbers.put(field, d);
            } else if (read.value() instanceof Long l) {
                wholes.put(field, l);
            } else if (read.value() instanceof LocalDate d) {
                on = d;
            }
        }
        Long version = wholes.get("version");
        return new DataValueWriteApiController.Item(text.get("indicatorcode"), wholes.get("indicatorid"),
                text.get("unitcode"), on, wholes.get("unitid"), text.get("period"), numbers.get("value"),
                numbers.get("numerator"), numbers.get("denominator"), text.get("comment"),
                version == null ? null : (int) Math.min(version, Integer.MAX_VALUE), text.get("key"));
    }

    private static String code(String messageKey) {
        return "batch.number.ambiguous".equals(messageKey) ? "AMBIGUOUS_NUMBER"
                : messageKey.startsWith("number.") || messageKey.startsWith("batch.number.") ? "INVALID_NUMBER"
                : "INVALID";
    }

    /** The JSON name of a field: "indicatorid" → "indicatorId". */
    private static String fieldName(String lower) {
        return switch (lower) {
            case "indicatorid" -> "indicatorId";
            case "indicatorcode" -> "indicatorCode";
            case "unitid" -> "unitId";
            case "unitcode" -> "unitCode";
            default -> lower;
        };
    }
}
