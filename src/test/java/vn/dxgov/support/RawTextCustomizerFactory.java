package vn.dxgov.support;

import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds {@link RawTextFilter} to every Spring test context (registered in META-INF/spring.factories), so that every
 * page a test renders, through MockMvc or the running server, is checked without a line in the test.
 */
public class RawTextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** Equal to every other, so that the contexts stay cached as before. */
    static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
                registry.registerBeanDefinition("rawTextFilter", new RootBeanDefinition(RawTextFilter.class));
            } else {
                context.getBeanFactory().registerSingleton("rawTextFilter", new RawTextFilter());
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
