package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** Reading ADX documents: groups, periods, values, annotations, and nothing fetched from outside. */
class DataValueAdxTest {

    final DataValueAdx adx = new DataValueAdx(new ReportingMessages(new StaticMessageSource()));

    BatchInput read(String xml) {
        return adx.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void isoPeriodsBecomeDxgovPeriods() {
        assertThat(DataValueAdx.period("2025-01-01/P1Y")).isEqualTo("2025");
        assertThat(DataValueAdx.period("2025-01-01/P12M")).isEqualTo("2025");
        assertThat(DataValueAdx.period("2025-07-01/P6M")).isEqualTo("2025S2");
        assertThat(DataValueAdx.period("2025-04-01/P3M")).isEqualTo("2025Q2");
        assertThat(DataValueAdx.period("2025-06-01/P1M")).isEqualTo("2025-06");
        assertThat(DataValueAdx.period("2025-02-01/P3M")).as("a quarter starts in Jan, Apr, Jul, Oct").isNull();
        assertThat(DataValueAdx.period("2025-06-15/P1M")).isNull();
        assertThat(DataValueAdx.period("2025-01-01/P1W")).isNull();
        assertThat(DataValueAdx.period("2025")).isNull();
    }

    @Test
    void groupsAndValuesAreRead() {
        BatchInput in = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <adx xmlns="urn:ihe:qrph:adx:2015">
                  <group orgUnit="38" period="2024-01-01/P1Y" dataSet="DX">
                    <dataValue dataElement="CT1" value="1.300"/>
                    <dataValue dataElement="CT2" numerator="45" denominator="50" key="k1" version="3">
                      <annotation>ghi chú</annotation>
                    </dataValue>
                  </group>
                  <group orgUnit="19" period="2024-10-01/P3M">
                    <dataValue dataElement="CT1" value="-2"/>
                  </group>
                </adx>""");
        assertThat(in.problems()).isEmpty();
        assertThat(in.format()).isEqualTo(BatchFormat.ADX);
        assertThat(in.items()).hasSize(3);
        var first = in.items().get(0);
        assertThat(first.indicatorCode()).isEqualTo("CT1");
        assertThat(first.unitCode()).isEqualTo("38");
        assertThat(first.period()).isEqualTo("2024");
        assertThat(first.value()).as("xs:decimal: a point is the decimal mark").isEqualByComparingTo("1.3");
        var second = in.items().get(1);
        assertThat(second.numerator()).isEqualByComparingTo("45");
        assertThat(second.denominator()).isEqualByComparingTo("50");
        assertThat(second.key()).isEqualTo("k1");
        assertThat(second.version()).isEqualTo(3);
        assertThat(second.comment()).isEqualTo("ghi chú");
        assertThat(in.items().get(2).period()).isEqualTo("2024Q4");
        assertThat(in.items().get(2).unitCode()).isEqualTo("19");
        assertThat(in.rows()).containsExactly(1, 2, 3);
    }

    @Test
    void badPeriodsAndNumbersAreProblemsOfTheirRow() {
        BatchInput in = read("<adx><group orgUnit=\"38\" period=\"2024-02-01/P3M\"><dataValue dataElement=\"A\" value=\"1\"/>"
                + "</group><group orgUnit=\"38\" period=\"2024-01-01/P1Y\"><dataValue dataElement=\"A\" value=\"1,5\"/>"
                + "</group></adx>");
        assertThat(in.problems()).extracting(RowProblem::row, RowProblem::field, RowProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "period", "INVALID_PERIOD"),
                        org.assertj.core.groups.Tuple.tuple(2, "value", "INVALID_NUMBER"));
    }

    @Test
    void anotherDocumentOrBrokenXmlIsRefusedWhole() {
        assertThat(read("<html><body/></html>").problems()).extracting(RowProblem::code).containsExactly("NOT_ADX");
        assertThat(read("<adx><group>").problems()).extracting(RowProblem::code).containsExactly("NOT_XML");
    }

    @Test
    void noEntityIsResolved() {
        BatchInput in = read("<?xml version=\"1.0\"?><!DOCTYPE adx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<adx><group orgUnit=\"38\" period=\"2024-01-01/P1Y\"><dataValue dataElement=\"A\" value=\"1\">"
                + "<annotation>&x;</annotation></dataValue></group></adx>");
        assertThat(in.problems()).isNotEmpty();
        assertThat(in.items()).allSatisfy(i -> assertThat(String.valueOf(i.comment())).doesNotContain("root:"));
    }
}
