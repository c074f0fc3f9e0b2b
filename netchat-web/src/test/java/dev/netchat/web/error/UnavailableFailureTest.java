package dev.netchat.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot be reached" (503 + Retry-After) rather than a bug (500). */
class UnavailableFailureTest {

    @Test
    void aConnectionFailureBuriedUnderEjbAndJpaIsUnavailable() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        assertThat(FallbackExceptionMapper.unavailableCause(new EJBException(new PersistenceException(refused))))
                .isSameAs(refused);
    }

    @Test
    void postgresqlRefusingConnectionsOrShuttingDownIsUnavailable() {
        SQLException notAccepting =
                new SQLException("FATAL: database \"netchat\" is not currently accepting connections", "55000");
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(FallbackExceptionMapper.unavailableCause(new PersistenceException(notAccepting)))
                .isSameAs(notAccepting);
        assertThat(FallbackExceptionMapper.unavailableCause(new PersistenceException(terminated)))
                .isSameAs(terminated);
    }

    @Test
    void ordinaryFailuresAreNotUnavailable() {
        assertThat(FallbackExceptionMapper.unavailableCause(new IllegalStateException("bug")))
                .isNull();
        assertThat(FallbackExceptionMapper.unavailableCause(
                        new PersistenceException(new SQLException("syntax", "42601"))))
                .isNull();
    }

    @Test
    void aValueTheDatabaseRefusesIsBadInputNotAFailure() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertThat(FallbackExceptionMapper.refusedValueCause(new EJBException(new PersistenceException(nul))))
                .isSameAs(nul);
        assertThat(FallbackExceptionMapper.refusedValueCause(new PersistenceException(new SQLException("x", "08001"))))
                .isNull();
    }
}
