package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The same plan read from another format gives the same result: each seed rebuilt as a Word document (paragraphs as
 * paragraphs, tab-separated rows as Word tables), and seed 001's tables written as markdown tables.
 */
class FormatInvarianceTest {

    @ParameterizedTest
    @ValueSource(strings = {TestDocuments.SEED_000, TestDocuments.SEED_001, TestDocuments.SEED_002,
            TestDocuments.SEED_003, TestDocuments.SEED_004})
    void asWordDocument(String seed) {
        ParsedPlan fromText = TestDocuments.parseSeed(seed);
        DocumentText text = new DocumentReader().read(seed, TestDocuments.seedBytes(seed));
        ParsedPlan fromDocx = TestDocuments.parse(seed.replace(".txt", ".docx"), toDocx(text));
        assertSamePlan(fromDocx, fromText);
    }

    @Test
    void tablesAsMarkdown() {
        String seed = TestDocuments.SEED_001;
        String original = new String(TestDocuments.seedBytes(seed), StandardCharsets.UTF_8);
        StringBuilder md = new StringBuilder();
        boolean inTable = false;
        for (String line : original.split("\n", -1)) {
            if (line.contains("\t")) {
                String[] cells = line.split("\t", -1);
                md.append("| ").append(String.join(" | ", cells)).append(" |\n");
                if (!inTable) {
                    md.append("|").append(" --- |".repeat(cells.length)).append('\n');
                    inTable = true;
                }
            } else {
                if (!line.isBlank()) {
                    inTable = false;
                }
                md.append(line).append('\n');
            }
        }
        ParsedPlan fromMarkdown = TestDocuments.parse("001.md", md.toString());
        assertSamePlan(fromMarkdown, TestDocuments.parseSeed(seed));
        assertThat(fromMarkdown.tasks()).hasSize(103);
    }

    /** Rebuilds a read document as .docx; the section row "VII ..." gets an em space, as Word layouts have. */
    static byte[] toDocx(DocumentText text) {
        DocxBuilder docx = new DocxBuilder();
        List<List<String>> table = new ArrayList<>();
        int current = -1;
        for (DocumentBlock b : text.blocks()) {
            if (b instanceof DocumentBlock.Row r) {
                if (r.table() != current && !table.isEmpty()) {
                    docx.table(table);
                    table = new ArrayList<>();
                }
                current = r.table();
                List<String> cells = new ArrayList<>(r.cells());
                cells.replaceAll(c -> c.replaceFirst("^(VII) ", "$1\u2003"));
                table.add(cells);
            } else if (b instanceof DocumentBlock.Paragraph p && !p.footnote()) {
                if (!table.isEmpty()) {
                    docx.table(table);
                    table = new ArrayList<>();
                    current = -1;
                }
                if (p.heading()) {
                    docx.bold(p.text());
                } else {
                    docx.paragraph(p.text());
                }
            }
        }
        if (!table.isEmpty()) {
            docx.table(table);
        }
        return docx.bytes();
    }

    /** The same header facts, targets (text, value, deadline, agencies), tasks and reporting duties. */
    static void assertSamePlan(ParsedPlan actual, ParsedPlan expected) {
        assertThat(actual.type()).isEqualTo(expected.type());
        assertThat(actual.number()).isEqualTo(expected.number());
        assertThat(actual.issuer()).isEqualTo(expected.issuer());
        assertThat(actual.issuedOn()).isEqualTo(expected.issuedOn());
        assertThat(actual.provinceName()).isEqualTo(expected.provinceName());
        assertThat(actual.periodEnd()).isEqualTo(expected.periodEnd());
        assertThat(actual.visionYear()).isEqualTo(expected.visionYear());
        assertThat(actual.implementsRef()).isEqualTo(expected.implementsRef());
        assertThat(actual.targets()).extracting(ParsedTarget::text, ParsedTarget::kind, ParsedTarget::value,
                        ParsedTarget::deadlineYear, ParsedTarget::pillar, ParsedTarget::splits, ParsedTarget::leadText,
                        ParsedTarget::cooperatingText, ParsedTarget::origin)
                .containsExactlyElementsOf(expected.targets().stream().map(t -> org.assertj.core.groups.Tuple.tuple(
                        t.text(), t.kind(), t.value(), t.deadlineYear(), t.pillar(), t.splits(), t.leadText(),
                        t.cooperatingText(), t.origin())).toList());
        assertThat(actual.tasks()).extracting(ParsedTask::code, ParsedTask::title, ParsedTask::leadText,
                        ParsedTask::cooperatingText, ParsedTask::startYear, ParsedTask::endYear, ParsedTask::recurrence,
                        ParsedTask::sectionTitle, ParsedTask::groupTitle, ParsedTask::pillar)
                .containsExactlyElementsOf(expected.tasks().stream().map(t -> org.assertj.core.groups.Tuple.tuple(
                        t.code(), t.title(), t.leadText(), t.cooperatingText(), t.startYear(), t.endYear(),
                        t.recurrence(), t.sectionTitle(), t.groupTitle(), t.pillar())).toList());
        assertThat(actual.reportingDuties()).extracting(ReportingDuty::frequency, ReportingDuty::dueDayMonths)
                .containsExactlyElementsOf(expected.reportingDuties().stream()
                        .map(d -> org.assertj.core.groups.Tuple.tuple(d.frequency(), d.dueDayMonths())).toList());
    }
}
