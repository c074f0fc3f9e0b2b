package dev.netchat.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    private final URI request = URI.create("http://chat.example.com:8080/api/users/me");

    @Test
    void allowsTheServersOwnOriginOnly() {
        AllowedOrigins origins = new AllowedOrigins(Optional.empty());
        assertThat(origins.allows("http://chat.example.com:8080", request)).isTrue();
        assertThat(origins.allows("HTTP://Chat.Example.com:8080", request)).isTrue();
        assertThat(origins.allows("http://chat.example.com", request)).isFalse();
        assertThat(origins.allows("https://chat.example.com:8080", request)).isFalse();
        assertThat(origins.allows("http://evil.example.com:8080", request)).isFalse();
        assertThat(origins.allows("null", request)).isFalse();
        assertThat(origins.allows(null, request)).isFalse();
    }

    @Test
    void allowsConfiguredOriginsToo() {
        AllowedOrigins origins = new AllowedOrigins(Optional.of("https://chat.example.com, https://other.example.com"));
        assertThat(origins.allows("https://chat.example.com", request)).isTrue();
        assertThat(origins.allows("https://other.example.com", request)).isTrue();
        assertThat(origins.allows("https://third.example.com", request)).isFalse();
    }

    @Test
    void dropsDefaultPortsFromTheServersOrigin() {
        assertThat(AllowedOrigins.originOf(URI.create("https://chat.example.com:443/x")))
                .isEqualTo("https://chat.example.com");
        assertThat(AllowedOrigins.originOf(URI.create("http://localhost:8080/x")))
                .isEqualTo("http://localhost:8080");
    }
}
