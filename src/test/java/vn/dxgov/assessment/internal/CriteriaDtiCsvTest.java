package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.shared.web.ApiException;

/** The DTI structure CSV is read as RFC 4180 (through shared.Csv): quoted notes may hold commas, quotes, line breaks. */
class CriteriaDtiCsvTest {

    private static final String HEADER = "\uFEFFcode,main_index,group,n_component_indices,max_points,note\r\n";

    @Test
    void aQuotedNoteHoldsACommaADoubledQuoteAndALineBreak() {
        CriteriaSetDocument d = CriteriaFiles.readDtiCsv(HEADER
                + "I,Nhóm nền tảng,,2,100,\r\n"
                + "1,Nhận thức số,I,2,100,\"theo \"\"Phụ lục 1\"\", bảng I.1\r\n(dòng hai)\"\r\n"
                + "\r\n"
                + "TOTAL,DTI,,2,100,\r\n", "dti.csv", "DTI-T", 2025);
        assertThat(d.maxPoints()).isEqualByComparingTo("100");
        CriteriaSetDocument.Node index = d.topNodes().get(0).kids().get(0);
        assertThat(index.name()).isEqualTo("Nhận thức số");
        assertThat(index.note()).isEqualTo("2 chỉ số thành phần; theo \"Phụ lục 1\", bảng I.1\r\n(dòng hai)");
    }

    @Test
    void problemsNameTheLineTheirRowStartsOn() {
        assertThatThrownBy(() -> CriteriaFiles.readDtiCsv(HEADER
                + "I,Nhóm nền tảng,,2,100,\"hai\ndòng\"\n"
                + "1,Nhận thức số,I,2,\"12.5\",\n"
                + "TOTAL,DTI,,2,100,\n", "dti.csv", "DTI-T", 2025))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details()).first().asString()
                        .startsWith("dti.csv, dòng 4, cột max_points: “12.5” không phải là số viết kiểu Việt Nam"));
        assertThatThrownBy(() -> CriteriaFiles.readDtiCsv("code,name\n", "dti.csv", "DTI-T", 2025))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details()).first().asString()
                        .startsWith("dti.csv, dòng 1: cần các cột"));
    }
}
