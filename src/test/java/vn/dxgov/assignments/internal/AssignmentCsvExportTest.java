package vn.dxgov.assignments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dxgov.assignments.Assignments;
import vn.dxgov.units.UnitLevel;

/** The assignment exports are written as every CSV export is: BOM, CRLF, quotes where needed, formulas neutralised. */
class AssignmentCsvExportTest {

    @Test
    void unitsWithCrlfQuotesAndANeutralisedFormula() {
        Assignments.Assignment a = new Assignments.Assignment(1, 2, 3, UnitLevel.COMMUNE, 2023, 4, "00004",
                "Xã \"Mới\", A", "+xã A", Assignments.Status.DONE, 2023, 9L, true, LocalDate.of(2025, 6, 30),
                List.of(new Assignments.Successor(5, "00005", "Phường B", "FULL"),
                        new Assignments.Successor(6, "00006", "Xã C", "PARTIAL")), "steering", null);
        String text = new String(AssignmentCsvExport.units(List.of(a)), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFlevel,year,unit_code,unit_name,named_as,status,completed_year,via_successor,"
                + "valid_to,successors\r\n"
                + "COMMUNE,2023,00004,\"Xã \"\"Mới\"\", A\",'+xã A,DONE,2023,true,2025-06-30,00005 Phường B; 00006 Xã C\r\n");
    }

    @Test
    void figuresAreWholeNumbers() {
        String text = new String(AssignmentCsvExport.figures(List.of(new Assignments.Figure(1, UnitLevel.COMMUNE, 2023,
                132, 3, 1, 0, 2, 1, 226, 1, 5))), StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\nCOMMUNE,2023,132,3,1,0,2,1,226,1,5\r\n");
    }
}
