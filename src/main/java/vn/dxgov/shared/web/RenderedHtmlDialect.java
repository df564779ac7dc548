package vn.dxgov.shared.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code dx:rendered="${part}"}: the element is replaced by a {@link RenderedHtml} as it is (an absent one removes the
 * element). Anything else is refused with an error, so a plain string, whatever it holds, can never be written
 * unescaped through it. Spring Boot adds the dialect to the template engine (it is a bean).
 */
@Component
public class RenderedHtmlDialect extends AbstractProcessorDialect {

    public RenderedHtmlDialect() {
        super("dxgov", "dx", 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String prefix) {
        return Set.of(new Rendered(prefix));
    }

    private static final class Rendered extends AbstractAttributeTagProcessor {
        Rendered(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "rendered", true, 1000, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName name,
                                 String value, IElementTagStructureHandler structure) {
            Object part = StandardExpressions.getExpressionParser(context.getConfiguration())
                    .parseExpression(context, value).execute(context);
            if (part == null) {
                structure.removeElement();
            } else if (part instanceof RenderedHtml html) {
                structure.replaceWith(html.html(), false);
            } else {
                throw new TemplateProcessingException("dx:rendered takes rendered HTML only, not "
                        + part.getClass().getName());
            }
        }
    }
}
