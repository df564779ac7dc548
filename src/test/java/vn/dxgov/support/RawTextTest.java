package vn.dxgov.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The raw-text check on small pages: what it catches and what it leaves alone. */
class RawTextTest {

    @Test
    void aRawMessagePatternInALabel() {
        assertThat(RawText.problems("<label>{0}: cần nhập mẫu số lớn hơn 0.</label>"))
                .singleElement().asString().contains("raw message pattern \"{0}\"");
        assertThat(RawText.problems("<p title=\"Số {1,number} ngày\">x</p>")).hasSize(1);
    }

    @Test
    void thymeleafsUnresolvedMarker() {
        assertThat(RawText.problems("<span>??targetStatus.nothing_vi??</span>"))
                .singleElement().asString().contains("unresolved message");
    }

    @Test
    void aKeyOfTheBundlesPrintedVerbatim() {
        assertThat(RawText.keys()).contains("targetStatus.why");
        assertThat(RawText.problems("<summary>targetStatus.why</summary>"))
                .singleElement().asString().contains("message key printed verbatim \"targetStatus.why\"");
        assertThat(RawText.problems("<div data-label=\"targetPage.chart.values\"></div>")).hasSize(1);
        assertThat(RawText.problems("<p>#{targetStatus.why}</p>")).isNotEmpty();
    }

    @Test
    void scriptsUrlsAndOrdinaryTextPass() {
        assertThat(RawText.problems("""
                <html><head><title>Kế hoạch</title><script>var m = "{0}"; var k = "targetStatus.why";</script>
                <style>.a{color:red}</style></head>
                <body><a href="/targets/12?lang=en">Chi tiết</a> <p>Tệp annual.docx, phiên bản 5.3.8,
                steering@dxgov.vn, 1.234,5 ha. Vì sao? Hạn 31/12/2025.</p>
                <input name="targetStatus.why" value="targetStatus.why"></body></html>""")).isEmpty();
    }
}
