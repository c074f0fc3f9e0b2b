package dev.netchat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt with a configurable cost (never below 10). */
@ApplicationScoped
public class PasswordHasher {

    static final int MIN_COST = 10;

    private final int cost;
    /**
     * A hash of a random password at the configured cost. Checking a login for an unknown username against
     * it takes as long as checking a real one, so response times do not reveal which usernames exist.
     */
    private final String decoyHash;

    @Inject
    public PasswordHasher(@ConfigProperty(name = "netchat.auth.bcrypt-cost", defaultValue = "12") int cost) {
        if (cost < MIN_COST || cost > 31) {
            throw new IllegalArgumentException("netchat.auth.bcrypt-cost must be between 10 and 31, not " + cost);
        }
        this.cost = cost;
        this.decoyHash = BCrypt.hashpw(java.util.UUID.randomUUID().toString(), BCrypt.gensalt(cost));
    }

    /** For CDI's proxy only. */
    protected PasswordHasher() {
        this.cost = MIN_COST;
        this.decoyHash = null;
    }

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    /** Checks the password against the hash, or against the decoy when there is no user (and answers false). */
    public boolean matches(String password, String hashOrNull) {
        if (hashOrNull == null) {
            BCrypt.checkpw(password, decoyHash);
            return false;
        }
        return BCrypt.checkpw(password, hashOrNull);
    }

    public int cost() {
        return cost;
    }
}
