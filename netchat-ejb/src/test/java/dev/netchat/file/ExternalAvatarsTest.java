package dev.netchat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.netchat.fetch.AddressRules;
import dev.netchat.fetch.OutboundHttp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The avatar proxy never reaches into the server's own network, DNS rebinding included. */
class ExternalAvatarsTest {

    private HttpServer origin;
    private final ConcurrentLinkedQueue<String> served = new ConcurrentLinkedQueue<>();
    private byte[] png;

    @BeforeEach
    void startOrigin() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        png = bytes.toByteArray();
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/", exchange -> {
            served.add(exchange.getRequestURI().getPath());
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/redirect")) {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                exchange.sendResponseHeaders(302, -1);
            } else if (path.startsWith("/text")) {
                exchange.getResponseHeaders().add("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, png.length);
                exchange.getResponseBody().write(png);
            } else if (path.startsWith("/huge")) {
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, 0); // chunked, no declared length
                byte[] chunk = new byte[64 * 1024];
                try {
                    for (int i = 0; i < 100; i++) { // 6.4 MB, more than the cap
                        exchange.getResponseBody().write(chunk);
                    }
                } catch (java.io.IOException closedByProxy) {
                    // expected: the proxy stops reading at the cap
                }
            } else {
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                exchange.getResponseBody().write(png);
            }
            exchange.close();
        });
        origin.start();
    }

    @AfterEach
    void stopOrigin() {
        origin.stop(0);
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + origin.getAddress().getPort() + path;
    }

    /** A resolver that gives its answers in turn (the last one again when they run out) and counts the lookups. */
    private static final class Answers implements OutboundHttp.Resolver {
        private final List<InetAddress[]> answers = new ArrayList<>();
        final AtomicInteger lookups = new AtomicInteger();

        Answers(String... answers) throws UnknownHostException {
            for (String answer : answers) {
                List<InetAddress> addresses = new ArrayList<>();
                for (String a : answer.split(" ")) {
                    addresses.add(InetAddress.getByName(a));
                }
                this.answers.add(addresses.toArray(InetAddress[]::new));
            }
        }

        @Override
        public InetAddress[] resolve(String host) {
            int n = lookups.getAndIncrement();
            return answers.get(Math.min(n, answers.size() - 1));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "0.0.0.0",
                "100.64.0.1",
                "224.0.0.1",
                "255.255.255.255",
                "198.18.0.1",
                "::",
                "::1",
                "fe80::1",
                "fec0::1",
                "fd00::1",
                "fc00::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1",
                "64:ff9b::a00:1",
                "2002:a00:1::",
                "::7f00:1"
            })
    void privateLoopbackLinkLocalMulticastAndUniqueLocalAddressesAreRefused(String address) throws Exception {
        assertThat(AddressRules.publicAddress(InetAddress.getByName(address))).isFalse();
        assertThat(AddressRules.PUBLIC_ONLY.permitted(InetAddress.getByName(address)))
                .isFalse();
    }

    @Test
    void ipv4MappedAddressesInTheirIpv6FormAreJudgedByTheirIpv4Address() throws Exception {
        // Built byte by byte, so the JDK cannot turn it into an Inet4Address first.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        InetAddress a = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertThat(AddressRules.publicAddress(a)).isFalse();
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertThat(AddressRules.publicAddress(java.net.Inet6Address.getByAddress(null, mapped, -1)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(AddressRules.PUBLIC_ONLY.permitted(InetAddress.getByName(address)))
                .isTrue();
    }

    @Test
    void theOperatorMayAllowAddressesAndRanges() throws Exception {
        AddressRules rules = AddressRules.allowing("127.0.0.1, 10.20.0.0/16 fd12::/16");
        assertThat(rules.permitted(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(rules.permitted(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(rules.permitted(InetAddress.getByName("10.20.255.1"))).isTrue();
        assertThat(rules.permitted(InetAddress.getByName("10.21.0.1"))).isFalse();
        assertThat(rules.permitted(InetAddress.getByName("fd12:3::1"))).isTrue();
        assertThat(rules.permitted(InetAddress.getByName("fd13::1"))).isFalse();
        assertThat(rules.permitted(InetAddress.getByName("::1"))).isFalse();
        assertThat(rules.permitted(InetAddress.getByName("169.254.169.254"))).isFalse();
        assertThat(rules.permitted(InetAddress.getByName("8.8.8.8"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.0/33", "127.0.0.1/x", "*", "10.0.0.1-10.0.0.9"})
    void malformedAllowedEntriesAreAnErrorNotAGuess(String setting) {
        assertThatThrownBy(() -> AddressRules.allowing(setting)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsNotPermitted() throws Exception {
        var proxy = new ExternalAvatars(null, new Answers("8.8.8.8 10.0.0.1"));
        assertThatThrownBy(() -> proxy.vet("mixed.example")).isInstanceOf(OutboundHttp.RefusedAddressException.class);
        assertThat(new ExternalAvatars(null, new Answers("8.8.8.8 2606:4700::1111")).vet("public.example"))
                .hasSize(2);
    }

    @Test
    void aRebindingDnsIsAskedOnceAndTheConnectionGoesToTheAddressThatWasChecked() throws Exception {
        // First answer acceptable (127.0.0.1, allowed as an operator would), every later one the metadata service.
        Answers rebinding = new Answers("127.0.0.1", "169.254.169.254");
        var proxy = new ExternalAvatars("127.0.0.1", rebinding);

        ExternalAvatars.Fetched fetched = proxy.fetch(url("rebind.example", "/a.png"));

        assertThat(fetched.failure()).isNull();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(fetched.jpeg()))
                        .getWidth())
                .isEqualTo(ExternalAvatars.EDGE);
        assertThat(rebinding.lookups).hasValue(1);
        assertThat(served).containsExactly("/a.png");
    }

    @Test
    void aRebindingDnsThatAnswersPrivateFirstIsRefusedWithoutAConnection() throws Exception {
        Answers rebinding = new Answers("169.254.169.254", "127.0.0.1");
        var proxy = new ExternalAvatars("127.0.0.1", rebinding);

        ExternalAvatars.Fetched fetched = proxy.fetch(url("rebind.example", "/b.png"));

        assertThat(fetched.failure()).isEqualTo(ExternalAvatars.Failure.REFUSED_ADDRESS);
        assertThat(rebinding.lookups).hasValue(1);
        assertThat(served).isEmpty();
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() throws Exception {
        var proxy = new ExternalAvatars(null, InetAddress::getAllByName);
        assertThat(proxy.fetch(url("127.0.0.1", "/c.png")).failure())
                .isEqualTo(ExternalAvatars.Failure.REFUSED_ADDRESS);
        assertThat(served).isEmpty();
    }

    @Test
    void redirectsAreNotFollowedAndNonImagesAndOversizedBodiesAreRefused() throws Exception {
        var proxy = new ExternalAvatars("127.0.0.1", InetAddress::getAllByName);
        assertThat(proxy.fetch(url("127.0.0.1", "/redirect")).failure()).isEqualTo(ExternalAvatars.Failure.UNAVAILABLE);
        assertThat(proxy.fetch(url("127.0.0.1", "/text")).failure()).isEqualTo(ExternalAvatars.Failure.UNAVAILABLE);
        assertThat(proxy.fetch(url("127.0.0.1", "/huge")).failure()).isEqualTo(ExternalAvatars.Failure.UNAVAILABLE);
        assertThat(proxy.fetch(url("127.0.0.1", "/fine.png")).failure()).isNull();
        assertThat(served).containsExactly("/redirect", "/text", "/huge", "/fine.png");
    }

    @Test
    void onlyHttpAndHttpsWithoutCredentials() {
        var proxy = new ExternalAvatars("127.0.0.1", InetAddress::getAllByName);
        assertThat(proxy.fetch("file:///etc/passwd").failure()).isEqualTo(ExternalAvatars.Failure.UNAVAILABLE);
        assertThat(proxy.fetch("ftp://127.0.0.1/a.png").failure()).isEqualTo(ExternalAvatars.Failure.UNAVAILABLE);
        assertThat(proxy.fetch(url("user:pw@127.0.0.1", "/d.png")).failure())
                .isEqualTo(ExternalAvatars.Failure.UNAVAILABLE);
        assertThat(served).isEmpty();
    }

    @Test
    void aProfileAskingAboutAUrlGetsTheProxysAnswerWithoutAFetchAndUnresolvableNamesAreNotRefused() throws Exception {
        var proxy = new ExternalAvatars("127.0.0.1", InetAddress::getAllByName);
        assertThat(proxy.refused("http://169.254.169.254/latest/meta-data/")).isTrue();
        assertThat(proxy.refused("http://[::1]:8080/a.png"))
                .as("IPv6 loopback, only 127.0.0.1 is allowed")
                .isTrue();
        assertThat(proxy.refused("http://[::ffff:10.0.0.1]/a.png")).isTrue();
        assertThat(new ExternalAvatars(null, new Answers("8.8.8.8 10.0.0.1")).refused("https://mixed.example/a.png"))
                .as("a name with one private address")
                .isTrue();
        assertThat(proxy.refused(url("127.0.0.1", "/allowed.png")))
                .as("allowed by the operator")
                .isFalse();
        assertThat(new ExternalAvatars(null, new Answers("8.8.8.8")).refused("https://pictures.example/me.png"))
                .isFalse();
        OutboundHttp.Resolver nowhere = host -> {
            throw new UnknownHostException(host);
        };
        assertThat(new ExternalAvatars(null, nowhere).refused("https://not-yet.example/me.png"))
                .isFalse();
        assertThat(served).as("judging a URL never fetches it").isEmpty();
    }
}
