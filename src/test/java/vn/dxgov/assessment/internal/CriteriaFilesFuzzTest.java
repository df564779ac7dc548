package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.http.HttpStatus;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.shared.web.ApiException;

/**
 * The criteria-set import (.xlsx and the DTI structure CSV) on any input (Jazzer): it reads a document or refuses the
 * file with a 400 naming what is wrong ({@link ApiException}); anything else is a finding.
 */
class CriteriaFilesFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyWorkbookIsReadOrRefusedWithA400(FuzzedDataProvider data) {
        boolean csv = data.consumeBoolean();
        try {
            CriteriaSetDocument d = csv
                    ? CriteriaFiles.readDtiCsv(data.consumeRemainingAsString(), "fuzz.csv", "FUZZ", 2025)
                    : CriteriaFiles.readXlsx(data.consumeRemainingAsBytes());
            assertThat(d).isNotNull();
        } catch (ApiException refused) {
            assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }
}
