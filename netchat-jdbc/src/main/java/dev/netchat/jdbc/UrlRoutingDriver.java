package dev.netchat.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Delegates to the JDBC driver that owns the URL's sub-protocol.
 *
 * <p>A WildFly datasource names exactly one driver, and the driver name cannot be derived from the URL with
 * an expression. Routing here lets the operator switch databases by setting {@code NETCHAT_DB_URL} only.
 */
public final class UrlRoutingDriver implements Driver {

    /** URL prefix to the class name of the driver that handles it. */
    private static final Map<String, String> DRIVERS = Map.of(
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:postgresql:", "org.postgresql.Driver");

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Driver target = driverFor(url);
        return target == null ? null : target.connect(url, info);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && DRIVERS.keySet().stream().anyMatch(url::startsWith);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Driver target = driverFor(url);
        return target == null ? new DriverPropertyInfo[0] : target.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("UrlRoutingDriver does not log through java.util.logging");
    }

    /** Returns the delegate for the URL, or null when the URL belongs to no known database (JDBC's contract). */
    static Driver driverFor(String url) throws SQLException {
        if (url == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : DRIVERS.entrySet()) {
            if (url.startsWith(entry.getKey())) {
                return load(entry.getValue());
            }
        }
        return null;
    }

    private static Driver load(String className) throws SQLException {
        try {
            return (Driver) Class.forName(className, true, UrlRoutingDriver.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SQLException("JDBC driver " + className + " is not installed next to NetChat's driver", e);
        }
    }
}
