package dev.netchat.auth;

import dev.netchat.shared.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt with a configurable cost (never below 10). At most a fixed number of hashes run at once (default: one
 * per processor): a flood of sign-ins or sign-ups waits briefly for a turn and is then refused with 429, instead
 * of every request on the server waiting behind bcrypt.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int MIN_COST = 10;

    private final int cost;
    /**
     * A hash of a random password at the configured cost. Checking a login for an unknown username against
     * it takes as long as checking a real one, so response times do not reveal which usernames exist.
     */
    private final String decoyHash;

    private final Semaphore turns;
    private final long waitMillis;

    @Inject
    public PasswordHasher(
            @ConfigProperty(name = "netchat.auth.bcrypt-cost", defaultValue = "12") int cost,
            @ConfigProperty(name = "netchat.auth.max-concurrent-hashing", defaultValue = "0") int maxConcurrent,
            @ConfigProperty(name = "netchat.auth.hashing-wait", defaultValue = "PT2S") Duration wait) {
        if (cost < MIN_COST || cost > 31) {
            throw new IllegalArgumentException("netchat.auth.bcrypt-cost must be between 10 and 31, not " + cost);
        }
        this.cost = cost;
        this.decoyHash = BCrypt.hashpw(java.util.UUID.randomUUID().toString(), BCrypt.gensalt(cost));
        int permits = maxConcurrent > 0
                ? maxConcurrent
                : Math.max(2, Runtime.getRuntime().availableProcessors());
        this.turns = new Semaphore(permits, true);
        this.waitMillis = Math.max(0, wait.toMillis());
    }

    PasswordHasher(int cost) {
        this(cost, 0, Duration.ofSeconds(2));
    }

    /** For CDI's proxy only. */
    protected PasswordHasher() {
        this.cost = MIN_COST;
        this.decoyHash = null;
        this.turns = new Semaphore(1);
        this.waitMillis = 0;
    }

    public String hash(String password) {
        acquire();
        try {
            return BCrypt.hashpw(password, BCrypt.gensalt(cost));
        } finally {
            turns.release();
        }
    }

    /** Checks the password against the hash, or against the decoy when there is no user (and answers false). */
    public boolean matches(String password, String hashOrNull) {
        acquire();
        try {
            if (hashOrNull == null) {
                BCrypt.checkpw(password, decoyHash);
                return false;
            }
            return BCrypt.checkpw(password, hashOrNull);
        } finally {
            turns.release();
        }
    }

    public int cost() {
        return cost;
    }

    private void acquire() {
        try {
            if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new TooManyRequestsException("The server is busy checking passwords. Try again in a moment.", 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooManyRequestsException("The server is busy checking passwords. Try again in a moment.", 1);
        }
    }
}
