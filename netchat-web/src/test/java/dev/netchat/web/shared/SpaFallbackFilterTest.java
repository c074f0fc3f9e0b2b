package dev.netchat.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpaFallbackFilterTest {

    @ParameterizedTest
    @CsvSource({
        "GET, /channels/general, true",
        "GET, /settings, true",
        "HEAD, /c/x/thread/y, true",
        "GET, /, false",
        "GET, /favicon.svg, false",
        "GET, /assets/index-abc.js, false",
        "GET, /api, false",
        "GET, /api/users/me, false",
        "GET, /ws, false",
        "GET, /health, false",
        "GET, /openapi, false",
        "GET, /metrics, false",
        "GET, /error/status, false",
        "POST, /channels/general, false",
        "GET, /apiary, true",
    })
    void fallsBackOnlyForClientRoutes(String method, String path, boolean expected) {
        assertThat(SpaFallbackFilter.isClientRoute(method, path)).isEqualTo(expected);
    }
}
