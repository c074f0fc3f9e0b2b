package dev.netchat.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures answer 503 + Retry-After ("busy, try again") instead of a 500. */
class BusyFailureTest {

    @Test
    void anH2LockTimeoutAtCommitBuriedUnderEjbAndJpaExceptionsIsBusy() {
        SQLTimeoutException h2 = new SQLTimeoutException("Timeout trying to lock table \"CHANNELS\"", "HYT00", 50200);
        Exception chain = new EJBTransactionRolledbackException(
                "Transaction rolled back",
                new RuntimeException(
                        "jakarta.transaction.RollbackException",
                        new PersistenceException("could not execute statement", h2)));

        assertThat(FallbackExceptionMapper.busyCause(chain)).isSameAs(h2);
    }

    @Test
    void aPostgresqlLockNotAvailableIsBusy() {
        SQLException pg = new SQLException("canceling statement due to lock timeout", "55P03");

        assertThat(FallbackExceptionMapper.busyCause(new EJBException(new PersistenceException(pg))))
                .isSameAs(pg);
    }

    @Test
    void aDeadlockVictimIsBusy() {
        SQLException pg = new SQLException("deadlock detected", "40P01");

        assertThat(FallbackExceptionMapper.busyCause(new PersistenceException(pg)))
                .isSameAs(pg);
    }

    @Test
    void aJpaLockTimeoutIsBusy() {
        var timeout = new jakarta.persistence.LockTimeoutException("lock timeout");

        assertThat(FallbackExceptionMapper.busyCause(new EJBException(timeout))).isSameAs(timeout);
    }

    @Test
    void otherDatabaseFailuresAreNotBusy() {
        SQLException unique = new SQLException("duplicate key", "23505");
        SQLException down = new SQLException("Connection refused", "08001");

        assertThat(FallbackExceptionMapper.busyCause(new PersistenceException(unique)))
                .isNull();
        assertThat(FallbackExceptionMapper.busyCause(new EJBException(new PersistenceException(down))))
                .isNull();
        assertThat(FallbackExceptionMapper.busyCause(new NullPointerException()))
                .isNull();
    }
}
