package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SSRF guard of webhook URLs, with a resolver of fixed answers (no DNS). */
class OutboundUrlTest {

    static final Map<String, String> DNS = Map.ofEntries(
            Map.entry("hooks.example.vn", "203.113.131.1"),
            Map.entry("rebind.example.vn", "10.0.0.5"),
            Map.entry("metadata.example.vn", "169.254.169.254"),
            Map.entry("cgnat.example.vn", "100.64.0.1"),
            Map.entry("v6.example.vn", "2001:db8::1"),
            Map.entry("ula.example.vn", "fd00::1"));

    static final OutboundUrl.Resolver RESOLVER = host -> {
        String ip = DNS.get(host);
        if (ip != null) {
            return new InetAddress[] {InetAddress.getByName(ip)};
        }
        if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)}; // a literal address, no lookup
        }
        throw new UnknownHostException(host);
    };

    static Optional<OutboundUrl.Problem> strict(String url) {
        return new OutboundUrl(false, false, RESOLVER).check(url);
    }

    @Test
    void aPublicHttpsUrlIsAllowed() {
        assertThat(strict("https://hooks.example.vn/dxgov")).isEmpty();
        assertThat(strict("https://hooks.example.vn:8443/dxgov?x=1")).isEmpty();
        assertThat(strict("https://[2001:db8::1]/x")).isEmpty();
    }

    @Test
    void httpIsRefusedUnlessAllowed() {
        assertThat(strict("http://hooks.example.vn/dxgov")).contains(OutboundUrl.Problem.SCHEME);
        assertThat(new OutboundUrl(true, false, RESOLVER).check("http://hooks.example.vn/dxgov")).isEmpty();
    }

    @Test
    void otherSchemesCredentialsAndGarbageAreInvalid() {
        for (String url : new String[] {"ftp://hooks.example.vn/x", "file:///etc/passwd", "gopher://hooks.example.vn/",
                "https://user:pass@hooks.example.vn/", "https:///nohost", "not a url", "", "javascript:alert(1)",
                "https://hooks.example.vn/#frag"}) {
            assertThat(strict(url)).as(url).contains(OutboundUrl.Problem.INVALID);
        }
        assertThat(strict(null)).contains(OutboundUrl.Problem.INVALID);
    }

    @Test
    void internalAddressesAreRefusedByNameOrLiteral() {
        for (String url : new String[] {"https://127.0.0.1/x", "https://127.1.2.3/x",
                "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/", "https://169.254.169.254/latest",
                "https://0.0.0.0/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://[fe80::1]/",
                "https://rebind.example.vn/", "https://metadata.example.vn/", "https://cgnat.example.vn/",
                "https://ula.example.vn/", "https://224.0.0.1/"}) {
            Optional<OutboundUrl.Problem> p = strict(url);
            assertThat(p).as(url).isPresent();
            assertThat(p.get()).as(url).isIn(OutboundUrl.Problem.PRIVATE, OutboundUrl.Problem.UNRESOLVED);
        }
        assertThat(strict("https://127.0.0.1/x")).contains(OutboundUrl.Problem.PRIVATE);
        assertThat(strict("https://[::ffff:10.0.0.1]/x")).contains(OutboundUrl.Problem.PRIVATE);
        assertThat(new OutboundUrl(false, true, RESOLVER).check("https://127.0.0.1/x")).isEmpty();
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        assertThat(strict("https://nowhere.example.vn/")).contains(OutboundUrl.Problem.UNRESOLVED);
        assertThat(strict("https://v6.example.vn/")).isEmpty();
    }
}
