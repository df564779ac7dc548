package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The plan importer on any bytes (Jazzer): read as .docx, .txt or .md and parsed, it ends with a plan, or refuses the
 * file ({@link DocumentRejectedException}: empty, binary, not UTF-8, damaged .docx) or the content
 * ({@link NotAPlanException}); any other exception, a hang or running out of memory is a finding. In the normal suite
 * this runs the committed inputs of {@code PlanImportFuzzTestInputs/} (regression mode); {@code bench/fuzz.sh} fuzzes.
 */
class PlanImportFuzzTest {

    private static final String[] NAMES = {"plan.txt", "plan.md", "plan.docx", "plan", "plan.pdf"};

    @FuzzTest(maxDuration = "30s")
    void anyDocumentIsImportedOrRefusedWithAReason(FuzzedDataProvider data) {
        String name = NAMES[data.consumeInt(0, NAMES.length - 1)];
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            DocumentText doc = new DocumentReader().read(name, bytes);
            ParsedPlan plan = new PlanDocumentParser().parse(doc, TestDocuments.provinces());
            assertThat(plan.targets()).isNotNull();
            assertThat(plan.tasks()).isNotNull();
        } catch (DocumentRejectedException | NotAPlanException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
