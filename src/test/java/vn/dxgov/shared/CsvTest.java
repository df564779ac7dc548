package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The one CSV reader and writer: RFC 4180 both ways, the byte-order mark, CRLF, guarded formulas, machine numbers. */
class CsvTest {

    @Test
    void readsQuotedLineBreaksDoubledQuotesAndCommasAndNamesTheLineEachRowStartsOn() {
        Csv.Table t = Csv.read("\uFEFFcode,name\r\n"
                + "1,\"Phường \"\"Ba Đình\"\"\r\nghi chú, dòng hai\"\r\n"
                + "\r\n"
                + "  2 , \"Xã A\" \r\n");
        assertThat(t.broken()).isNull();
        assertThat(t.rows()).extracting(Csv.Row::cells).containsExactly(
                List.of("code", "name"),
                List.of("1", "Phường \"Ba Đình\"\r\nghi chú, dòng hai"),
                List.of(""),
                List.of("2", "Xã A "));
        assertThat(t.rows()).extracting(Csv.Row::number).containsExactly(1, 2, 3, 4);
        assertThat(t.rows()).extracting(Csv.Row::line).containsExactly(1, 2, 4, 5);
        assertThat(t.rows().get(0).columns()).containsEntry("code", 0).containsEntry("name", 1);
        assertThat(t.rows().get(2).blank()).isTrue();
        assertThat(t.rows().get(3).cell(t.rows().get(0).columns(), "name")).isEqualTo("Xã A");
        assertThat(t.rows().get(3).cell(t.rows().get(0).columns(), "missing")).isEmpty();
        assertThat(t.rows().get(3).cell(7)).isEmpty();
    }

    @Test
    void aSemicolonFileIsDetectedFromItsHeaderAndReadWithItsSeparator() {
        String text = "\uFEFFperiod;value;comment\r\n2025;12,5;\"a; b, c\"\r\n";
        assertThat(Csv.separator(text)).isEqualTo(';');
        assertThat(Csv.separator("a,b;c\n1;2;3;4\n")).as("the first line decides").isEqualTo(',');
        assertThat(Csv.separator("\"x;y;z\",b\n")).as("quoted separators do not count").isEqualTo(',');
        Csv.Table t = Csv.read(text, ';');
        assertThat(t.rows().get(0).cells()).containsExactly("period", "value", "comment");
        assertThat(t.rows().get(1).cells()).containsExactly("2025", "12,5", "a; b, c");
    }

    @Test
    void aQuoteLeftOpenStopsTheReadingAtItsRowAfterTheRowsBefore() {
        Csv.Table t = Csv.read("a,b\n1,2\n\"3,4\n5,6\n");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.broken()).isEqualTo(new Csv.Broken(3, 3, "dấu ngoặc kép chưa đóng"));
        assertThat(Csv.read("").rows()).isEmpty();
        assertThat(Csv.read("\uFEFF").rows()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8FailWithTheDecodersException() {
        byte[] latin1 = "name\nTi\u00ean\n".getBytes(StandardCharsets.ISO_8859_1);
        var strict = new InputStreamReader(new ByteArrayInputStream(latin1), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        Assertions.assertThatThrownBy(() -> Csv.read(strict)).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void writesUtf8WithAByteOrderMarkCrlfAndQuotesWhereNeeded() throws IOException {
        byte[] bytes = Csv.write(List.of("Mã", "Tên", "Điểm"), List.of(
                List.of("001", "Phường \"Ba Đình\", Hà Nội", new BigDecimal("812.250")),
                Arrays.asList("002", "hai\ndòng", null)));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFMã,Tên,Điểm\r\n"
                + "001,\"Phường \"\"Ba Đình\"\", Hà Nội\",812.25\r\n"
                + "002,\"hai\ndòng\",\r\n");
        // and it reads back as written
        assertThat(Csv.read(text).rows()).extracting(Csv.Row::cells).containsExactly(List.of("Mã", "Tên", "Điểm"),
                List.of("001", "Phường \"Ba Đình\", Hà Nội", "812.25"), List.of("002", "hai\ndòng", ""));
    }

    @Test
    void formulasAreNeutralisedOnExportButNumbersAreNot() {
        assertThat(Csv.guard("=HYPERLINK(\"http://x\",\"bấm\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"bấm\")");
        assertThat(List.of("+1+1", "-1+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx", "-", "=1"))
                .allSatisfy(s -> assertThat(Csv.guard(s)).isEqualTo("'" + s));
        assertThat(List.of("-12,5", "-12.5", "-1.250.300,5", "12", "0", "Hà Nội", "a=b", "", "'=x"))
                .allSatisfy(s -> assertThat(Csv.guard(s)).isEqualTo(s));
        assertThat(Csv.cell(new BigDecimal("-12.50"))).isEqualTo("-12.5");
        assertThat(Csv.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Csv.cell(-3)).isEqualTo("-3");
        assertThat(Csv.cell(null)).isEmpty();
        String text = new String(Csv.write(List.of("a", "b"), List.of(List.of("=1+2", new BigDecimal("-0.5")))),
                StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n'=1+2,-0.5\r\n");
    }

    @Test
    void theStreamedFileIsTheSameFileByteForByte() throws java.io.IOException {
        List<String> header = List.of("mã", "giá trị");
        List<List<Object>> rows = List.of(List.of("a,\"b\"", new BigDecimal("1250300.50")), List.of("=cmd", new BigDecimal("-0.5")));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Csv.write(out, header, rows);
        assertThat(out.toByteArray()).isEqualTo(Csv.write(header, rows));
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).startsWith("\uFEFFmã,giá trị\r\n")
                .contains("\"a,\"\"b\"\"\",1250300.5\r\n").contains("'=cmd,-0.5");
    }
}
