package dev.netchat.shared;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether NetChat's database answers right now. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    public boolean databaseUp() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
