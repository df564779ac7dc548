package vn.dxgov.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** {@code dx:rendered} writes rendered HTML as it is, removes its element for none, and refuses any other value. */
class RenderedHtmlDialectTest {

    private final SpringTemplateEngine engine = engine();

    private static SpringTemplateEngine engine() {
        SpringTemplateEngine e = new SpringTemplateEngine();
        e.setTemplateResolver(new StringTemplateResolver());
        e.addDialect(new RenderedHtmlDialect());
        return e;
    }

    private String render(Object part) {
        Context c = new Context();
        c.setVariables(Map.of("part", part == null ? "" : part));
        if (part == null) {
            c.removeVariable("part");
        }
        return engine.process("<p>a</p><div dx:rendered=\"${part}\">fallback</div><p>b</p>", c);
    }

    @Test
    void renderedHtmlIsWrittenAsItIs() {
        assertThat(render(new RenderedHtml("<ul><li>x &amp; y</li></ul>")))
                .isEqualTo("<p>a</p><ul><li>x &amp; y</li></ul><p>b</p>");
    }

    @Test
    void noneRemovesTheElement() {
        assertThat(render(null)).isEqualTo("<p>a</p><p>b</p>");
    }

    @Test
    void aPlainStringIsRefusedWhateverItHolds() {
        assertThatThrownBy(() -> render("<script>alert(1)</script>"))
                .isInstanceOf(TemplateProcessingException.class)
                .hasStackTraceContaining("rendered HTML only");
    }
}
