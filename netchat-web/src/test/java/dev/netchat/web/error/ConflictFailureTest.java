package dev.netchat.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

/** Which failures answer 409 ("someone else made the same change") instead of a 500 (ClusterIT races two first accounts). */
class ConflictFailureTest {

    @Test
    void aUniqueViolationAtCommitBuriedUnderEjbAndJpaExceptionsIsAConflict() {
        SQLException pg = new SQLException("duplicate key value violates unique constraint", "23505");
        Exception chain = new EJBTransactionRolledbackException(
                "Transaction rolled back",
                new RuntimeException(
                        "jakarta.transaction.RollbackException",
                        new PersistenceException("could not execute statement", pg)));

        assertThat(FallbackExceptionMapper.constraintCause(chain)).isSameAs(pg);
    }

    @Test
    void anH2DuplicateKeyIsAConflict() {
        var h2 = new SQLIntegrityConstraintViolationException("Unique index or primary key violation", "23505", 23505);

        assertThat(FallbackExceptionMapper.constraintCause(new PersistenceException(h2)))
                .isSameAs(h2);
    }

    @Test
    void otherDatabaseFailuresAreNotConflicts() {
        assertThat(FallbackExceptionMapper.constraintCause(
                        new PersistenceException(new SQLException("deadlock detected", "40P01"))))
                .isNull();
        assertThat(FallbackExceptionMapper.constraintCause(
                        new PersistenceException(new SQLException("refused", "08001"))))
                .isNull();
        assertThat(FallbackExceptionMapper.constraintCause(new IllegalStateException("boom")))
                .isNull();
    }
}
