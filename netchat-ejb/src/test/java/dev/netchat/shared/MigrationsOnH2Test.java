package dev.netchat.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The migrations create the schema on H2 (PostgreSQL is covered by the integration suite's second run). */
class MigrationsOnH2Test {

    @Test
    void createTheAccountTablesAndEnforceUniqueUsernames() throws Exception {
        String url = "jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();

        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from users")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            String insert = "insert into users (id, username, full_name, password_hash, role, created_at, updated_at) "
                    + "values ('%s', 'ann', 'Ann', 'x', 'USER', current_timestamp, current_timestamp)";
            s.executeUpdate(insert.formatted("1"));
            assertThatThrownBy(() -> s.executeUpdate(insert.formatted("2"))).hasMessageContaining("USERS_USERNAME_UQ");
            try (ResultSet rs = s.executeQuery("select count(*) from refresh_tokens")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
