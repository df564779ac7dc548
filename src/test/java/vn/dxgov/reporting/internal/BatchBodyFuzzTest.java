package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.context.support.StaticMessageSource;

/**
 * The bodies of a batch write on any bytes (Jazzer): a CSV file ({@link DataValueCsv}) or an ADX document
 * ({@link DataValueAdx}) is read into items or refused with problems, each naming its row (or the whole body); any
 * exception is a finding.
 */
class BatchBodyFuzzTest {

    private static final ReportingMessages MESSAGES = new ReportingMessages(new StaticMessageSource());
    private static final DataValueCsv CSV = new DataValueCsv(MESSAGES);
    private static final DataValueAdx ADX = new DataValueAdx(MESSAGES);

    @FuzzTest(maxDuration = "30s")
    void anyBodyIsReadOrRefusedRowByRow(FuzzedDataProvider data) {
        boolean adx = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();
        BatchInput in = adx ? ADX.read(body) : CSV.read(body);
        assertThat(in.rows()).hasSize(in.size());
        for (RowProblem p : in.problems()) {
            assertThat(p.code()).isNotBlank();
            assertThat(p.message()).isNotBlank();
        }
    }
}
