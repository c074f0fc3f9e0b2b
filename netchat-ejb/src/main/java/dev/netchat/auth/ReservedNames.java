package dev.netchat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Usernames nobody may sign up with, because other users would take them for the operators or for NetChat
 * itself. The first account of an empty installation is the operator's and may take one (it becomes admin).
 */
@ApplicationScoped
public class ReservedNames {

    static final String DEFAULTS = "admin,administrator,root,system,netchat,support,security,help,"
            + "moderator,operator,owner,staff,official,postmaster,webmaster,hostmaster,abuse,noreply,no-reply,everyone,here,channel";

    private final Set<String> reserved;

    @Inject
    public ReservedNames(
            @ConfigProperty(name = "netchat.auth.reserved-usernames", defaultValue = DEFAULTS) String names) {
        Set<String> set = new HashSet<>();
        Arrays.stream(names.split(","))
                .map(n -> n.strip().toLowerCase(Locale.ROOT))
                .filter(n -> !n.isEmpty())
                .forEach(set::add);
        this.reserved = Set.copyOf(set);
    }

    /** For CDI's proxy only. */
    protected ReservedNames() {
        this.reserved = Set.of();
    }

    /** Whether the (normalised) username is reserved. */
    public boolean reserved(String username) {
        return username != null && reserved.contains(username.toLowerCase(Locale.ROOT));
    }
}
