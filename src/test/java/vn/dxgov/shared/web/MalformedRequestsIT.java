package vn.dxgov.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Malformed requests answer a 4xx a person can act on, never a 500: a query string that is not UTF-8, a NUL byte in
 * an upload's file name, JSON that is cut off, nested 5,000 deep or of the wrong shape, a value that is not one of an
 * enum's constants, a page URL with an id that is not a number. The API answers an {@link ApiError} in JSON, a page
 * URL the HTML error page; no message names a Java class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MalformedRequestsIT {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private final HttpClient client = HttpClient.newHttpClient();

    record Answer(int status, String contentType, String body) {
    }

    @Test
    void aQueryStringThatIsNotUtf8IsA400NotA500() throws Exception {
        Answer api = send("GET", "/api/v1/plans?q=%C3%28", null, null, null);
        assertThat(api.status()).isEqualTo(400);
        assertThat(message(api)).isEqualTo("Địa chỉ hoặc tham số có byte không phải UTF-8 hợp lệ (ví dụ %C3%28). "
                + "Hãy mã hóa tham số bằng UTF-8.");
        Answer page = send("GET", "/plans?q=%C3%28", null, null, "text/html");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("id=\"error-status\">400<").contains("không phải UTF-8 hợp lệ");
    }

    @Test
    void aPageUrlWithABadIdShowsTheErrorPageWhateverTheAcceptHeader() throws Exception {
        for (String accept : new String[]{"text/html", "*/*", null}) {
            Answer page = send("GET", "/plans/abc", null, null, accept);
            assertThat(page.status()).as(String.valueOf(accept)).isEqualTo(400);
            assertThat(page.contentType()).as(String.valueOf(accept)).startsWith("text/html");
            assertThat(page.body()).contains("id=\"error-status\">400<")
                    .contains("Giá trị “abc” không hợp lệ cho tham số “id”: cần một số nguyên.")
                    .doesNotContain("java.lang").doesNotContain("\"timestamp\"");
        }
        Answer api = send("GET", "/api/v1/plans/abc", null, null, null);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.contentType()).startsWith("application/json");
        assertThat(message(api)).isEqualTo("Giá trị “abc” không hợp lệ cho tham số “id”: cần một số nguyên.");
        Answer english = send("GET", "/api/v1/plans/abc", null, null, null, "en");
        assertThat(message(english)).isEqualTo("The value “abc” is not valid for the parameter “id”: expected a whole number.");
        Answer huge = send("GET", "/api/v1/units/99999999999999999999999999", null, null, null);
        assertThat(huge.status()).isEqualTo(400);
        assertThat(message(huge)).contains("“99999999999999999999999999”").contains("“id”");
    }

    @Test
    void aNulByteInAnUploadsFileNameIsA400() throws Exception {
        byte[] body = ("--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--XX--\r\n").getBytes(StandardCharsets.UTF_8);
        for (String path : new String[]{"/api/v1/imports", "/api/v1/attachments?ownerType=SUBMISSION&ownerId=1"}) {
            Answer a = send("POST", path, body, "multipart/form-data; boundary=XX", null);
            assertThat(a.status()).as(path).isEqualTo(400);
            assertThat(message(a)).as(path).isEqualTo(
                    "Tên tệp có ký tự không hợp lệ (ký tự điều khiển). Hãy đổi tên tệp rồi gửi lại.");
        }
    }

    @Test
    void anUploadOverTheSizeLimitIsA413WithAnApiErrorOrTheErrorPage() throws Exception {
        byte[] head = ("--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\r\n--XX--\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 65 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        java.util.Arrays.fill(body, head.length, body.length - tail.length, (byte) 'a');
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        Answer api = send("POST", "/api/v1/imports", body, "multipart/form-data; boundary=XX", null);
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.contentType()).startsWith("application/json");
        assertThat(message(api)).isEqualTo("Tệp quá lớn: tối đa 64 MB. Hãy chia nhỏ tệp hoặc giảm dung lượng (ví dụ "
                + "nén ảnh) rồi gửi lại.");
        Answer page = send("POST", "/imports", body, "multipart/form-data; boundary=XX", "text/html");
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("id=\"error-status\">413<").contains("Tệp quá lớn: tối đa 64 MB.");
    }

    @Test
    void badJsonBodiesAre400sThatSayWhatIsWrongWithoutClassNames() throws Exception {
        Answer cut = send("PUT", "/api/v1/targets/1", "{\"text\":".getBytes(), "application/json", null);
        assertThat(cut.status()).isEqualTo(400);
        assertThat(message(cut)).startsWith("Nội dung JSON sai cú pháp ở dòng 1, cột ");

        Answer kind = send("PUT", "/api/v1/targets/1", "{\"kind\":\"FOO\"}".getBytes(), "application/json", null);
        assertThat(kind.status()).isEqualTo(400);
        assertThat(message(kind)).isEqualTo("Giá trị “FOO” không hợp lệ cho trường “kind”; giá trị được phép: PERCENT, "
                + "COUNT, RANK, GROWTH_RATE, MONEY, YES_NO.");

        Answer array = send("PUT", "/api/v1/submissions/1", "[1,2]".getBytes(), "application/json", null);
        assertThat(array.status()).isEqualTo(400);
        assertThat(message(array)).isEqualTo("Nội dung gửi lên phải là một đối tượng {...}.");

        Answer year = send("PUT", "/api/v1/plans/1", "{\"periodEnd\":\"soon\"}".getBytes(), "application/json", null);
        assertThat(year.status()).isEqualTo(400);
        assertThat(message(year)).isEqualTo("Giá trị “soon” không hợp lệ cho trường “periodEnd”: cần một số nguyên.");

        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        Answer nested = send("PUT", "/api/v1/submissions/1", deep.getBytes(), "application/json", null);
        assertThat(nested.status()).isEqualTo(400);
        assertThat(message(nested)).isEqualTo("JSON lồng nhau quá sâu: tối đa 64 cấp.");

        Answer empty = send("PUT", "/api/v1/submissions/1", new byte[0], "application/json", null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(message(empty)).isEqualTo("Thiếu nội dung JSON trong yêu cầu.");

        Answer text = send("PUT", "/api/v1/submissions/1", "x".getBytes(), "text/plain", null);
        assertThat(text.status()).isEqualTo(415);
        assertThat(message(text)).isEqualTo("Kiểu dữ liệu gửi lên không được hỗ trợ.");

        for (Answer a : new Answer[]{cut, kind, array, year, nested, empty, text}) {
            assertThat(a.contentType()).startsWith("application/json");
            assertThat(a.body()).doesNotContain("vn.dxgov").doesNotContain("java.").doesNotContain("tools.jackson")
                    .doesNotContain("$").doesNotContain("JSON parse error");
        }
    }

    private String message(Answer a) {
        JsonNode body = json.readTree(a.body());
        assertThat(body.get("status").asInt()).isEqualTo(a.status());
        return body.get("message").asString();
    }

    Answer send(String method, String path, byte[] body, String contentType, String accept) throws Exception {
        return send(method, path, body, contentType, accept, null);
    }

    Answer send(String method, String path, byte[] body, String contentType, String accept, String language)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:dxgov-demo".getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        HttpResponse<byte[]> res = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""),
                new String(res.body(), StandardCharsets.UTF_8));
    }
}
