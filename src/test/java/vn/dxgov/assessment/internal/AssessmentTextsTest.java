package vn.dxgov.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The assessment bundle speaks both languages: the same keys in Vietnamese and English, none empty. */
class AssessmentTextsTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        Properties vi = load("i18n/assessment_vi.properties");
        Properties en = load("i18n/assessment_en.properties");
        assertThat(vi.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(vi.values()).allMatch(v -> !v.toString().isBlank());
        assertThat(vi.getProperty("assessment.set.exampleWarning")).contains("không phải bộ tiêu chí chính thức");
    }
}
