package news.timeline.subscriptions;

import news.timeline.web.ApiProblem;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the service may POST: http(s) URLs without credentials whose host resolves only to public addresses, so a
 * subscription cannot make the service call into its own network (loopback, link-local, private, unique-local,
 * multicast, unspecified), unless a configured network allows it ({@code timeline.subscriptions.allowed-networks},
 * e.g. {@code 127.0.0.0/8} for tests delivering to a local receiver). Checked at creation and again before each
 * delivery, since a name may resolve elsewhere later.
 */
final class CallbackUrls {

    /** A network in CIDR notation. */
    record Network(byte[] address, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            try {
                byte[] a = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : a.length * 8;
                if (bits < 0 || bits > a.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in '" + cidr + "'");
                }
                return new Network(a, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not a network in CIDR notation (e.g. 127.0.0.0/8)", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != this.address.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((b[i / 8] & mask) != (this.address[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> allowed;

    CallbackUrls(List<Network> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    static CallbackUrls of(List<String> cidrs) {
        List<Network> nets = new ArrayList<>();
        for (String c : cidrs) {
            if (!c.isBlank()) {
                nets.add(Network.parse(c));
            }
        }
        return new CallbackUrls(nets);
    }

    /** The URL, checked; a 400 naming {@code field} and the fault otherwise. */
    URI check(String raw, String field) {
        String fault = fault(raw);
        if (fault != null) {
            throw ApiProblem.invalid(field, fault);
        }
        return URI.create(raw.trim());
    }

    /** What is wrong with the URL, or null when the service may POST to it. */
    String fault(String raw) {
        if (raw == null || raw.isBlank()) {
            return "is required: the http(s) URL to POST events to";
        }
        if (raw.length() > 2048) {
            return "is longer than 2048 characters";
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            return "is not a URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http or https URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry credentials (user:password@); sign-in is the HMAC signature's job";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "has no host";
        }
        if (uri.getFragment() != null) {
            return "must not have a fragment (#...)";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "has a host that does not resolve: " + abbreviate(uri.getHost());
        }
        for (InetAddress a : addresses) {
            if (internal(a) && allowed.stream().noneMatch(n -> n.contains(a))) {
                return "resolves to " + a.getHostAddress() + ", a loopback, link-local or private address, which "
                        + "subscriptions may not call (TIMELINE_SUBSCRIPTIONS_ALLOWED_NETWORKS allows a network)";
            }
        }
        return null;
    }

    private static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;   // unique local fc00::/7
        }
        // carrier-grade NAT 100.64.0.0/10 and 0.0.0.0/8
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || b[0] == 0;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
