package dev.netchat.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UrlRoutingDriverTest {

    private final UrlRoutingDriver driver = new UrlRoutingDriver();

    @Test
    void acceptsOnlyH2AndPostgresqlUrls() {
        assertThat(driver.acceptsURL("jdbc:h2:mem:x")).isTrue();
        assertThat(driver.acceptsURL("jdbc:postgresql://127.0.0.1/test")).isTrue();
        assertThat(driver.acceptsURL("jdbc:mysql://127.0.0.1/test")).isFalse();
        assertThat(driver.acceptsURL(null)).isFalse();
    }

    @Test
    void connectsToH2ThroughTheH2Driver() throws Exception {
        try (Connection c = driver.connect("jdbc:h2:mem:routing", new Properties())) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
    }

    @Test
    void answersNullForAForeignUrlAsJdbcRequires() throws Exception {
        assertThat(driver.connect("jdbc:mysql://127.0.0.1/test", new Properties()))
                .isNull();
    }
}
