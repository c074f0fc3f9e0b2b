package dev.netchat.shared;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database NetChat runs on, for the few queries that differ (full-text search). */
@ApplicationScoped
public class DatabaseVendor {

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    private boolean postgresql;

    @PostConstruct
    void detect() {
        try (Connection c = dataSource.getConnection()) {
            postgresql = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("NetChat cannot reach its database: " + e.getMessage(), e);
        }
    }

    public boolean isPostgresql() {
        return postgresql;
    }
}
