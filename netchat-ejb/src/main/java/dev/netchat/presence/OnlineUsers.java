package dev.netchat.presence;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Who is online, cluster-wide: a user is online while any node holds one of their sockets. Kept in the database
 * ({@code presence_sockets}, written by each node's presence rounds, see {@link PresenceService}), not in an
 * Infinispan cache: the database is the one store every node already shares on WildFly and Payara alike, a node
 * that dies is recognised by its stale heartbeat, and presence is read at rates (member lists, the SMS check) a
 * small indexed table serves easily. This node's own sockets are asked first, so a socket that just opened counts
 * here at once, before the next round writes it.
 */
@ApplicationScoped
public class OnlineUsers {

    @EJB
    PresenceService store;

    private volatile LocalSockets local;

    /** The connection registry registers itself at start (this module cannot see it through CDI). */
    public void attach(LocalSockets sockets) {
        this.local = sockets;
    }

    public boolean isOnline(String userId) {
        LocalSockets here = local;
        if (here != null && here.hasSockets(userId)) {
            return true;
        }
        return !store.onlineAnywhere(Set.of(userId)).isEmpty();
    }

    /** The given users who are online on any node: one query for all. */
    public Set<String> onlineAmong(Collection<String> userIds) {
        Set<String> online = new HashSet<>();
        LocalSockets here = local;
        for (String id : userIds) {
            if (here != null && here.hasSockets(id)) {
                online.add(id);
            }
        }
        if (online.size() < userIds.size()) {
            online.addAll(store.onlineAnywhere(userIds));
        }
        return online;
    }

    /** Users online on any live node. */
    public int onlineUsers() {
        return store.onlineUserCount();
    }

    /** Sockets open on this node. */
    public int openSockets() {
        LocalSockets here = local;
        return here == null ? 0 : here.openSockets();
    }
}
