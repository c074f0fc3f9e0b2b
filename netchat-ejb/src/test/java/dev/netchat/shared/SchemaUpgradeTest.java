package dev.netchat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * An installation of the previous release is upgraded in place: its schema (every migration up to
 * {@link #PREVIOUS_RELEASE}) holds a row in every table, then the current migrations run over it, on H2 and on
 * PostgreSQL (a throw-away database on the server at {@code netchat.test.pg.url}, default 127.0.0.1:5432, user
 * postgres). Every row is still there afterwards and the newer tables work.
 */
class SchemaUpgradeTest {

    /** The schema version of the release before this one. */
    static final String PREVIOUS_RELEASE = "5";

    private static final String PG = System.getProperty("netchat.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");

    @Test
    void anH2InstallationOfThePreviousReleaseWithDataUpgradesInPlace() throws Exception {
        String url = "jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1";
        upgradeWithData(url, "sa", "", "h2");
    }

    @Test
    void aPostgresqlInstallationOfThePreviousReleaseWithDataUpgradesInPlace() throws Exception {
        String db = "netchat_upgrade_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db);
        }
        try {
            upgradeWithData(PG + db, "postgres", "", "postgresql");
        } finally {
            try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "");
                    Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static void upgradeWithData(String url, String user, String password, String vendor) throws Exception {
        String[] locations = {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
        Flyway.configure()
                .dataSource(url, user, password)
                .locations(locations)
                .target(MigrationVersion.fromVersion(PREVIOUS_RELEASE))
                .load()
                .migrate();
        List<String> previousTables;
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            insertARowInEveryTable(s);
            previousTables = tables(c);
            for (String table : previousTables) {
                assertThat(count(s, table))
                        .as("rows in %s before the upgrade (add one above for a new table)", table)
                        .isPositive();
            }
        }

        var result = Flyway.configure()
                .dataSource(url, user, password)
                .locations(locations)
                .load()
                .migrate();
        assertThat(result.success).isTrue();

        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            for (String table : previousTables) {
                assertThat(count(s, table))
                        .as("rows in %s after the upgrade", table)
                        .isPositive();
            }
            try (ResultSet rs = s.executeQuery("select username, must_change_password from users where id = 'u1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ann");
            }
            try (ResultSet rs = s.executeQuery("select text from messages where id = 'm1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("hello from the previous release");
            }
            // A table of this release works on the upgraded schema.
            s.executeUpdate("insert into auth_attempts (id, kind, username, client_address, attempted_at) "
                    + "values ('a1', 'login-failure', 'ann', '10.0.0.1', current_timestamp)");
            assertThat(count(s, "auth_attempts")).isEqualTo(1);
        }
    }

    /** One row in each table of the previous release's schema, in an order the foreign keys allow. */
    private static void insertARowInEveryTable(Statement s) throws Exception {
        String now = "current_timestamp";
        s.executeUpdate("insert into users (id, username, full_name, password_hash, role, created_at, updated_at) "
                + "values ('u1', 'ann', 'Ann', '$2a$10$abcdefghijklmnopqrstuv', 'USER', " + now + ", " + now + ")");
        s.executeUpdate("insert into users (id, username, full_name, password_hash, role, created_at, updated_at) "
                + "values ('u2', 'bob', 'Bob', '$2a$10$abcdefghijklmnopqrstuv', 'ADMIN', " + now + ", " + now + ")");
        s.executeUpdate(
                "insert into refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at, client_address) "
                        + "values ('r1', 'u1', 'f1', 'hash1', " + now + ", " + now + ", '10.0.0.1')");
        s.executeUpdate(
                "insert into channels (id, type, name, team_name, created_by, created_at, updated_at, last_seq, member_count) "
                        + "values ('c1', 'TEAM', 'General', 'general', 'u1', " + now + ", " + now + ", 1, 2)");
        s.executeUpdate(
                "insert into channel_members (channel_id, user_id, joined_at) values ('c1', 'u1', " + now + ")");
        s.executeUpdate(
                "insert into channel_members (channel_id, user_id, joined_at) values ('c1', 'u2', " + now + ")");
        s.executeUpdate(
                "insert into messages (id, channel_id, seq, user_id, text, client_message_id, created_at, updated_at) "
                        + "values ('m1', 'c1', 1, 'u1', 'hello from the previous release', 'cm1', " + now + ", " + now
                        + ")");
        s.executeUpdate("insert into reactions (message_id, user_id, type, created_at) values ('m1', 'u2', 'thumbsup', "
                + now + ")");
        s.executeUpdate("insert into channel_events (channel_id, seq, type, payload, created_at) "
                + "values ('c1', 1, 'message.new', '{}', " + now + ")");
        s.executeUpdate("insert into audit_log (id, occurred_at, actor_id, action, source) values ('a1', " + now
                + ", 'u2', 'user.disabled', 'web')");
        s.executeUpdate("insert into outbox (kind, ordering_key, payload, status, not_before, created_at) "
                + "values ('sms', 'k1', '{}', 'pending', " + now + ", " + now + ")");
        s.executeUpdate("insert into webhook_receipt (id, source, received_at) values ('w1', 'stream', " + now + ")");
    }

    private static List<String> tables(Connection c) throws Exception {
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? "PUBLIC" : "public";
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals("flyway_schema_history")) {
                    names.add(name);
                }
            }
        }
        assertThat(names).as("tables of the previous release").contains("users", "messages", "outbox");
        return names;
    }

    private static long count(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
