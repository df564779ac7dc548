package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dxgov.assessment.Assessments.Result;
import vn.dxgov.assessment.Assessments.Results;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.units.UnitLevel;

/** The results CSV: BOM, CRLF, machine numbers, a unit name that looks like a formula neutralised. */
class ResultsExportTest {

    @Test
    void machineNumbersAndANeutralisedFormula() {
        CriteriaSetDocument doc = new CriteriaSetDocument("T", 2025, "Thử", UnitLevel.COMMUNE, null, false,
                new BigDecimal("100"), List.of(), List.of(new Node("I", "Nhóm, một", new BigDecimal("100"), null, null,
                null, null, null)));
        Result r = new Result(1, 7, "00001", "=HYPERLINK(\"http://x\";\"Xã A\")", new BigDecimal("812.250"),
                new BigDecimal("0.8123"), "C", "Hoàn thành", true, 3, -2, Map.of("I", new BigDecimal("1250.5")));
        String text = new String(ResultsExport.csv(doc, new Results(null, true, List.of(r))), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFHạng,Mã đơn vị,Đơn vị,Tổng điểm,Chỉ số (điểm/tối đa),Xếp loại,"
                + "Đạt mọi tiêu chí bắt buộc,Hạng kỳ trước,Thay đổi hạng,\"I Nhóm, một\"\r\n"
                + "1,00001,\"'=HYPERLINK(\"\"http://x\"\";\"\"Xã A\"\")\",812.25,0.8123,Hoàn thành,có,3,-2,1250.5\r\n");
    }
}
