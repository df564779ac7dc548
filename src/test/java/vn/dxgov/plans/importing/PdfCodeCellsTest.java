package vn.dxgov.plans.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The code a code cell's OCR text stands for: confusions corrected in codes only, anything else refused. */
class PdfCodeCellsTest {

    @Test
    void romanNumeralsReadWithLookalikesAreCorrected() {
        assertThat(PdfCodeCells.code("lÍ")).isEqualTo("II");
        assertThat(PdfCodeCells.code("lII")).isEqualTo("III");
        assertThat(PdfCodeCells.code("VỊ")).isEqualTo("VI");
        assertThat(PdfCodeCells.code("|V")).isEqualTo("IV");
    }

    @Test
    void dottedCodesReadWithLookalikesAreCorrected() {
        assertThat(PdfCodeCells.code("3:1")).isEqualTo("3.1");
        assertThat(PdfCodeCells.code("1O")).isEqualTo("10");
        assertThat(PdfCodeCells.code("2.3.")).isEqualTo("2.3");
        assertThat(PdfCodeCells.code("a)")).isEqualTo("a");
        assertThat(PdfCodeCells.code("11")).isEqualTo("11");
    }

    @Test
    void wordsAndEmptyCellsAreNoCodes() {
        assertThat(PdfCodeCells.code("")).isNull();
        assertThat(PdfCodeCells.code("TT")).isNull();
        assertThat(PdfCodeCells.code("STT")).isNull();
        assertThat(PdfCodeCells.code("„")).isNull();
        assertThat(PdfCodeCells.code("dự2")).isNull();
        assertThat(PdfCodeCells.code("Ol")).isNull();
    }
}
