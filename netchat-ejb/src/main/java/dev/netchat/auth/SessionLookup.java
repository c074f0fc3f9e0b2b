package dev.netchat.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Reads which sign-in sessions are alive, in a transaction of its own: callers include a scheduled sweep on a
 * plain managed thread, where an entity manager outside a transaction would outlive the call.
 */
@Stateless
public class SessionLookup {

    @Inject
    RefreshTokenRepository tokens;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<String> alive(List<String> sessionIds, Instant now) {
        return tokens.aliveFamilies(sessionIds, now);
    }
}
