package vn.dxgov.units.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;

/**
 * The administrative-units CSV (units and successor links, as the reform import reads them) on any text (Jazzer): it
 * reads rows or collects problems named by file and line ({@link UnitCsvParser.Problems}, thrown together as a
 * {@link UnitCsvException}); any other exception is a finding.
 */
class UnitCsvFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyCsvIsReadOrRefusedLineByLine(FuzzedDataProvider data) {
        boolean links = data.consumeBoolean();
        UnitEra era = data.consumeBoolean() ? UnitEra.BEFORE_2025_REFORM : UnitEra.FROM_2025_REFORM;
        String text = data.consumeRemainingAsString();
        UnitCsvParser.Problems problems = new UnitCsvParser.Problems();
        try {
            var rows = links ? UnitCsvParser.parseSuccessors("fuzz.csv", new StringReader(text), problems)
                    : UnitCsvParser.parseUnits("fuzz.csv", new StringReader(text), era, problems);
            assertThat(rows).isNotNull();
            problems.throwIfAny();
        } catch (UnitCsvException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
