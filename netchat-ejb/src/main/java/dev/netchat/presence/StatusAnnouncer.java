package dev.netchat.presence;

import dev.netchat.event.RealtimeBus;
import dev.netchat.user.StatusChanged;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells others live when a user sets or clears its custom status: the same people who see its presence (the
 * members of its channels of at most {@code netchat.presence.max-channel-members}), and its own other tabs and
 * devices. Everyone else reads the status when they open its card or the directory. Runs inside the change's
 * transaction; the bus publishes only after it committed.
 */
@ApplicationScoped
public class StatusAnnouncer {

    @EJB
    PresenceService presence;

    @Inject
    RealtimeBus bus;

    void onStatusChanged(@Observes StatusChanged change) {
        Set<String> to = new HashSet<>();
        to.add(change.userId());
        presence.membersOfSmallChannelsOf(List.of(change.userId())).values().forEach(to::addAll);
        bus.toUsers(new UserStatusChanged(new UserStatusChanged.StatusOf(change.userId(), change.status())), to, null);
    }
}
