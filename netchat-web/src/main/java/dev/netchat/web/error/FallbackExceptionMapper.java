package dev.netchat.web.error;

import jakarta.ejb.EJBException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The last resort. The client gets a correlation id and nothing else; the log gets the same id with the
 * exception's type and message (no stack trace, which could carry request data into the log).
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());
    private static final Set<String> BUSY_SQL_STATES = Set.of("HYT00", "55P03", "57014", "40P01", "40001");
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final Set<String> HIBERNATE_LOCK_FAILURES = Set.of(
            "org.hibernate.PessimisticLockException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.dialect.lock.PessimisticEntityLockException");

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        return toResponse(e, uri);
    }

    /**
     * The link of the cause chain that says "waited too long for a lock" (or lost a deadlock), whichever layer
     * reported it: JPA, Hibernate (its own types, named here because this module does not link Hibernate), or the
     * JDBC driver underneath (H2: SQLState HYT00, error 50200; PostgreSQL: 55P03 lock_not_available, 57014 a
     * cancelled statement, 40P01 deadlock; both: 40001). A lock timeout raised at commit arrives wrapped in EJB
     * and transaction exceptions with nothing but the driver's exception at the bottom. Null when none is found.
     */
    static Throwable busyCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 50; t = next(t), depth++) {
            if (t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException
                    || t instanceof QueryTimeoutException
                    || t instanceof SQLTimeoutException
                    || t instanceof SQLTransactionRollbackException
                    || HIBERNATE_LOCK_FAILURES.contains(t.getClass().getName())) {
                return t;
            }
            if (t instanceof SQLException sql
                    && (BUSY_SQL_STATES.contains(sql.getSQLState()) || sql.getErrorCode() == H2_LOCK_TIMEOUT)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The link of the cause chain that says "the database cannot be reached": a connection failure (SQLState class
     * 08), PostgreSQL shutting down or refusing connections (57P01–57P03, 55000 "not accepting connections"),
     * Hibernate's JDBCConnectionException, or the connection pool unable to hand out a connection. Null when none.
     */
    static Throwable unavailableCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 50; t = next(t), depth++) {
            String type = t.getClass().getName();
            if (type.equals("org.hibernate.exception.JDBCConnectionException")
                    || type.equals("jakarta.resource.ResourceException")
                    || type.startsWith("jakarta.resource.spi.")) {
                return t;
            }
            if (t instanceof SQLException sql && isConnectionState(sql)) {
                return t;
            }
        }
        return null;
    }

    /** A data exception (SQLState class 22: NUL in text, invalid encoding, value out of range) in the cause chain. */
    static Throwable refusedValueCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 50; t = next(t), depth++) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return t;
            }
        }
        return null;
    }

    /**
     * An integrity constraint violation (SQLState class 23: a unique key, a foreign key) in the cause chain: two
     * requests raced to the same change (two sign-ups of one name, two first accounts) and the database let one
     * win. Null when none is found.
     */
    static Throwable constraintCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 50; t = next(t), depth++) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return t;
            }
        }
        return null;
    }

    private static boolean isConnectionState(SQLException sql) {
        String state = sql.getSQLState();
        return state != null
                && (state.startsWith("08")
                        || state.startsWith("57P")
                        || (state.equals("55000")
                                && String.valueOf(sql.getMessage()).contains("accepting connections")));
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null && t.getCause() != t) {
            return t.getCause();
        }
        if (t instanceof SQLException sql && sql.getNextException() != null) {
            return sql.getNextException();
        }
        return t instanceof EJBException ejb ? ejb.getCausedByException() : null;
    }

    Response toResponse(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return Problems.of(
                                409,
                                "Conflict",
                                "Someone else changed this at the same time; try again.",
                                uri,
                                List.of())
                        .build();
            }
        }
        Throwable unavailable = unavailableCause(e);
        if (unavailable != null) {
            LOG.warning(() -> "Database unavailable: " + unavailable.getClass().getSimpleName() + " on "
                    + (uri == null ? "?" : uri.getPath()));
            return Problems.of(
                            503,
                            "Database unavailable",
                            "NetChat cannot reach its database right now; try again shortly.",
                            uri,
                            List.of())
                    .header("Retry-After", 5)
                    .build();
        }
        Throwable refusedValue = refusedValueCause(e);
        if (refusedValue != null) {
            // The database refused a value the request carried (a NUL character, a number out of range): bad input.
            LOG.info(() -> "Value refused by the database: SQLState " + ((SQLException) refusedValue).getSQLState()
                    + " on " + (uri == null ? "?" : uri.getPath()));
            return Problems.of(
                            400,
                            "Invalid input",
                            "The request carries a value that cannot be stored (for example a NUL character).",
                            uri,
                            List.of())
                    .build();
        }
        Throwable constraint = constraintCause(e);
        if (constraint != null) {
            LOG.info(() -> "Constraint refused a concurrent change: SQLState "
                    + ((SQLException) constraint).getSQLState() + " on " + (uri == null ? "?" : uri.getPath()));
            return Problems.of(
                            409,
                            "Conflict",
                            "Someone else made the same change at the same moment; try again.",
                            uri,
                            List.of())
                    .build();
        }
        Throwable busy = busyCause(e);
        if (busy != null) {
            // Too many writers waited on one row (a very busy channel): nothing was changed, try again shortly.
            LOG.warning(
                    () -> "Busy: " + busy.getClass().getSimpleName() + " on " + (uri == null ? "?" : uri.getPath()));
            return Problems.of(
                            503, "Busy", "This channel is very busy right now; try again in a moment.", uri, List.of())
                    .header("Retry-After", 1)
                    .build();
        }
        String id = UUID.randomUUID().toString();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Throwable rootCause = root;
        LOG.severe(() -> "Unexpected failure " + id + " on " + (uri == null ? "?" : uri.getPath()) + ": "
                + e.getClass().getName() + " caused by " + rootCause.getClass().getName() + ": "
                + rootCause.getMessage());
        return Problems.of(500, "Internal error", "Something went wrong on our side. Reference: " + id, uri, List.of())
                .build();
    }
}
