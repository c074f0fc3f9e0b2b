package dev.netchat.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The avatar proxy never reaches into the server's own network. */
class ExternalAvatarsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1",
            "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1"})
    void privateLoopbackAndLinkLocalAddressesAreRefused(String address) throws Exception {
        assertThat(ExternalAvatars.publicAddress(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(ExternalAvatars.publicAddress(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "no-such-host.invalid"})
    void hostsResolvingToThisMachineOrNowhereAreRefused(String host) {
        assertThat(ExternalAvatars.publicHost(host)).isFalse();
    }
}
