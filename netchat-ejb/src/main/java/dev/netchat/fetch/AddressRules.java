package dev.netchat.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which addresses NetChat's outbound fetches (the avatar proxy, link previews) may connect to: public unicast
 * addresses only, unless the operator allowed an address or range for that feature
 * ({@code netchat.avatars.proxy-allowed-addresses}, {@code netchat.previews.allowed-addresses}; e.g.
 * {@code 127.0.0.1} for tests or {@code 10.20.0.0/16} for an intranet server). Refused: any-local, loopback, private (RFC 1918),
 * carrier-grade NAT, link-local (cloud metadata at 169.254.169.254 among them), multicast, broadcast and
 * reserved IPv4 ranges; IPv6 loopback, link-local, site-local, unique-local (fc00::/7) and multicast; and IPv6
 * forms that carry an IPv4 address (IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96, NAT64 64:ff9b::/96 and
 * 6to4 2002::/16) are judged by the IPv4 address they carry.
 */
public final class AddressRules {

    /** One allowed address or CIDR range. */
    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    public static final AddressRules PUBLIC_ONLY = new AddressRules(List.of());

    private final List<Range> allowed;

    private AddressRules(List<Range> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /**
     * The rules with the operator's allowed addresses: a comma or space separated list of IP addresses and CIDR
     * ranges (IPv4 or IPv6 literals only, never host names). A malformed entry is an error, so a typo does not
     * silently allow nothing or everything.
     */
    public static AddressRules allowing(String setting) {
        List<Range> ranges = new ArrayList<>();
        if (setting != null) {
            for (String entry : setting.split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    ranges.add(parse(entry.strip()));
                }
            }
        }
        return new AddressRules(ranges);
    }

    private static Range parse(String entry) {
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        // A dotted quad or something with a colon (an IPv6 literal): never a name, so never a DNS lookup.
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && !(literal.contains(":") && literal.matches("[0-9a-fA-F:.]+"))) {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + entry);
        }
        byte[] bytes;
        try {
            // Only literals reach here (checked above), so this never asks the DNS.
            bytes = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + entry);
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + entry);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + entry);
            }
        }
        return new Range(bytes, prefix);
    }

    /** Whether a fetch may connect to this address. */
    public boolean permitted(InetAddress address) {
        byte[] b = address.getAddress();
        for (Range r : allowed) {
            if (r.contains(b) || (embeddedIpv4(b) != null && r.contains(embeddedIpv4(b)))) {
                return true;
            }
        }
        return publicAddress(address);
    }

    /** Whether the address is a public unicast one (see the class comment for what is not). */
    public static boolean publicAddress(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return publicIpv4(b);
        }
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] v4 = embeddedIpv4(b);
        if (v4 != null) {
            return publicIpv4(v4);
        }
        // fc00::/7 unique local addresses
        return (b[0] & 0xfe) != 0xfc;
    }

    private static boolean publicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return first != 0 // 0.0.0.0/8 "this network", the any-local address among them
                && first != 10 // 10.0.0.0/8 private
                && first != 127 // loopback
                && !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                && !(first == 169 && second == 254) // link-local, cloud metadata services
                && !(first == 172 && second >= 16 && second < 32) // 172.16.0.0/12 private
                && !(first == 192 && second == 168) // 192.168.0.0/16 private
                && !(first == 192 && second == 0 && third == 0) // 192.0.0.0/24 protocol assignments
                && !(first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                && first < 224; // multicast 224.0.0.0/4, reserved 240.0.0.0/4, broadcast
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null. */
    static byte[] embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return null;
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
            // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible; :: and ::1 themselves are caught before)
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            boolean middleZero = true;
            for (int i = 4; i < 12; i++) {
                middleZero &= b[i] == 0;
            }
            if (middleZero) {
                return new byte[] {b[12], b[13], b[14], b[15]}; // 64:ff9b::/96 NAT64
            }
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]}; // 2002::/16 6to4
        }
        return null;
    }
}
