package vn.dxgov.shared;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The guard against server-side request forgery for URLs dxgov calls on someone's behalf (webhooks): only https
 * (unless http is allowed, for development), no credentials in the URL, and a host that does not resolve to an address
 * of the machine or its private network (loopback, private, link-local, unique-local, multicast, the "any" address,
 * carrier-grade NAT 100.64/10), unless private addresses are allowed. Checked when the URL is given and again before
 * every call, since a name can resolve elsewhere later.
 */
public final class OutboundUrl {

    /** Why a URL is refused: a message key of the bundles. */
    public enum Problem { INVALID, SCHEME, PRIVATE, UNRESOLVED }

    /** Resolves a host to its addresses (replaceable in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final Resolver resolver;

    public OutboundUrl(boolean allowHttp, boolean allowPrivate, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public OutboundUrl(boolean allowHttp, boolean allowPrivate) {
        this(allowHttp, allowPrivate, InetAddress::getAllByName);
    }

    /** The problem of a URL, empty when dxgov may call it. */
    public Optional<Problem> check(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            return Optional.of(Problem.INVALID);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(Problem.INVALID);
        }
        if (scheme.equals("http") && !allowHttp) {
            return Optional.of(Problem.SCHEME);
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        try {
            for (InetAddress a : resolver.resolve(host)) {
                if (internal(a)) {
                    return Optional.of(Problem.PRIVATE);
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of(Problem.UNRESOLVED);
        }
        return Optional.empty();
    }

    /** An address of the machine, its networks or no one's: never called on a subscriber's behalf. */
    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19));
        }
        // IPv6: unique-local fc00::/7, and IPv4 addresses mapped or embedded into IPv6
        if ((b[0] & 0xfe) == 0xfc) {
            return true;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
            try {
                return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }
}
