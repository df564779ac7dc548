package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API's 401/403 bodies are written by Jackson as an ApiError, so any message comes back as valid JSON. */
class ApiRefusalJsonTest {

    @Test
    void aMessageWithAQuoteABackslashAndANewlineIsValidJson() throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        String message = "Cần đăng nhập: \"Basic\" \\ hoặc\nbiểu mẫu\t</script>";
        MockHttpServletResponse res = new MockHttpServletResponse();
        SecurityConfig.json(mapper, res, 401, message);
        assertThat(res.getStatus()).isEqualTo(401);
        assertThat(res.getContentType()).startsWith("application/json");
        JsonNode body = mapper.readTree(res.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("message").asString()).isEqualTo(message);
        assertThat(body.get("details").isArray()).isTrue();
        assertThat(body.has("current")).isFalse();
    }
}
