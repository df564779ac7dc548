package vn.dxgov.reporting.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.stereotype.Component;

/**
 * Reads DHIS2's Aggregate Data Exchange (ADX, IHE QRPH) documents: {@code <adx>} holding {@code <group orgUnit=".."
 * period="2025-01-01/P1Y" dataSet="..">} elements, each holding {@code <dataValue dataElement=".." value=".."/>}.
 * orgUnit is the unit's code, dataElement the indicator's code, the value an xs:decimal (decimal point, so "1.300" is
 * 1.3 here, never ambiguous); dataSet is not used. A dataValue may carry dxgov's own attributes numerator and
 * denominator (a RATIO indicator), key (the client key) and version, and an {@code <annotation>} (the comment).
 * Periods: {@code 2025-01-01/P1Y} → 2025, {@code 2025-07-01/P6M} → 2025S2, {@code 2025-04-01/P3M} → 2025Q2,
 * {@code 2025-06-01/P1M} → 2025-06. The document is read with StAX, DTDs and external entities off (no XXE).
 * The n-th dataValue of the document is row n.
 */
@Component
class DataValueAdx {

    private final ReportingMessages messages;

    DataValueAdx(ReportingMessages messages) {
        this.messages = messages;
    }

    /** The group a value is in: its unit and period. */
    private record Group(String orgUnit, String period, String periodProblem) {
    }

    BatchInput read(byte[] body) {
        List<DataValueWriteApiController.Item> items = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            Group group = null;
            boolean root = true;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (root && !"adx".equals(name)) {
                    problems.add(RowProblem.ofBody("NOT_ADX", messages.msg("batch.adx.notAdx", name)));
                    break;
                }
                root = false;
                if ("group".equals(name)) {
                    group = group(xml);
                } else if ("dataValue".equals(name)) {
                    items.add(value(xml, group, items.size() + 1, problems));
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            problems.add(RowProblem.ofBody("NOT_XML", messages.msg("batch.adx.notXml", vn.dxgov.shared.Numbers.code(line))));
        } finally {
            close(xml);
        }
        int[] rows = new int[items.size()];
        java.util.Arrays.setAll(rows, i -> i + 1);
        return new BatchInput(BatchFormat.ADX, items, rows, problems, 0);
    }

    private Group group(XMLStreamReader xml) {
        String period = attribute(xml, "period");
        String converted = period == null ? null : period(period);
        return new Group(attribute(xml, "orgUnit"), converted,
                converted == null ? messages.msg("batch.adx.period", period == null ? "" : period) : null);
    }

    private DataValueWriteApiController.Item value(XMLStreamReader xml, Group group, int n, List<RowProblem> problems)
            throws XMLStreamException {
        String element = attribute(xml, "dataElement");
        BigDecimal value = number(xml, "value", n, problems);
        BigDecimal numerator = number(xml, "numerator", n, problems);
        BigDecimal denominator = number(xml, "denominator", n, problems);
        String key = attribute(xml, "key");
        BatchNumbers.Cell<Long> version = BatchNumbers.whole(attribute(xml, "version"));
        if (!version.ok()) {
            problems.add(new RowProblem(n, n, "version", "INVALID", messages.msg(version.problem(), version.args())));
        }
        String comment = annotation(xml);
        if (group == null) {
            problems.add(new RowProblem(n, n, "period", "NO_GROUP", messages.msg("batch.adx.noGroup")));
            return new DataValueWriteApiController.Item(element, null, null, null, null, null, value, numerator,
                    denominator, comment, null, key);
        }
        if (group.periodProblem() != null) {
            problems.add(new RowProblem(n, n, "period", "INVALID_PERIOD", group.periodProblem()));
        }
        Long v = version.value();
        return new DataValueWriteApiController.Item(element, null, group.orgUnit(), null, null, group.period(), value,
                numerator, denominator, comment, v == null ? null : (int) Math.min(v, Integer.MAX_VALUE), key);
    }

    /** An xs:decimal attribute: a decimal point and no grouping. */
    private BigDecimal number(XMLStreamReader xml, String name, int n, List<RowProblem> problems) {
        BatchNumbers.Cell<BigDecimal> cell = BatchNumbers.number(attribute(xml, name), BatchNumbers.Form.MACHINE);
        if (!cell.ok()) {
            problems.add(new RowProblem(n, n, name, "INVALID_NUMBER", messages.msg(cell.problem(), cell.args())));
        }
        return cell.value();
    }

    /** The text of an {@code <annotation>} inside the current dataValue, read to the dataValue's end. */
    private static String annotation(XMLStreamReader xml) throws XMLStreamException {
        String comment = null;
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if ("annotation".equals(xml.getLocalName())) {
                    comment = xml.getElementText().strip();
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return comment == null || comment.isEmpty() ? null : comment;
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String v = xml.getAttributeValue(null, name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** An ISO 8601 period "start/duration" as dxgov's period code; null when it is not a year, half, quarter or month. */
    static String period(String iso) {
        int slash = iso.indexOf('/');
        if (slash < 0) {
            return null;
        }
        LocalDate start;
        try {
            start = LocalDate.parse(iso.substring(0, slash));
        } catch (DateTimeParseException e) {
            return null;
        }
        int year = start.getYear();
        int month = start.getMonthValue();
        if (start.getDayOfMonth() != 1) {
            return null;
        }
        return switch (iso.substring(slash + 1)) {
            case "P1Y", "P12M" -> month == 1 ? Integer.toString(year) : null;
            case "P6M" -> month == 1 || month == 7 ? year + "S" + (month == 1 ? 1 : 2) : null;
            case "P3M" -> (month - 1) % 3 == 0 ? year + "Q" + ((month - 1) / 3 + 1) : null;
            case "P1M" -> year + "-" + (month < 10 ? "0" : "") + month;
            default -> null;
        };
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release
            }
        }
    }
}
