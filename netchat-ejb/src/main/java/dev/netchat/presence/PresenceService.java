package dev.netchat.presence;

import dev.netchat.event.ChannelMembership;
import dev.netchat.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Presence's transactions (cluster-wide presence, see {@link OnlineUsers}): which node holds sockets of which
 * user, who shares a small channel with whom, and when a user was last active. Each call is one transaction.
 */
@Stateless
public class PresenceService {

    @Inject
    PresenceRepository presence;

    @Inject
    ChannelMembership membership;

    @Inject
    UserRepository users;

    /**
     * Presence goes only through channels of at most this many members. In a room of n members a wave of
     * arrivals costs n² frames; clients show presence in direct and group conversations, and read {@code online}
     * from member lists elsewhere.
     */
    @Inject
    @ConfigProperty(name = "netchat.presence.max-channel-members", defaultValue = "50")
    int maxChannelMembers;

    /**
     * The members of every channel of at most {@code netchat.presence.max-channel-members} members that one of
     * the given users belongs to, by channel: one query per round of presence changes rather than a self-join per
     * connecting socket.
     */
    public Map<String, Set<String>> membersOfSmallChannelsOf(Collection<String> userIds) {
        return membership.membersOfSmallChannelsOf(userIds, maxChannelMembers);
    }

    /** Records that the users were active at the given time, in one transaction. */
    public void recordActivity(Collection<String> userIds, Instant at) {
        users.recordActivity(userIds, at);
    }

    /** The given users who have a socket on a live node. */
    public Set<String> onlineAnywhere(Collection<String> userIds) {
        return presence.onlineAnywhere(userIds);
    }

    /** The given users who have a socket on a live node other than {@code nodeId}. */
    public Set<String> onlineOnOtherNodes(String nodeId, Collection<String> userIds) {
        return presence.onlineOnOtherNodes(nodeId, userIds);
    }

    public int onlineUserCount() {
        return presence.onlineUserCount();
    }

    /**
     * This node is alive; nodes silent for a minute are removed with their sockets. Answers false when this
     * node's row was not there (its first heartbeat, or another node took it for dead, see {@link #claimDeadNodes}).
     */
    public boolean heartbeat(String nodeId) {
        return presence.heartbeat(nodeId);
    }

    /** Takes over the nodes whose heartbeat went stale, once across the cluster (see {@link PresenceRepository#claimDeadNodes}). */
    public List<DeadNodeUsers> claimDeadNodes(String selfNodeId) {
        return presence.claimDeadNodes(selfNodeId);
    }

    /** Writes which users this node now holds sockets of (true) or no longer does (false). */
    public void recordSockets(String nodeId, Map<String, Boolean> changes) {
        presence.recordSockets(nodeId, changes);
    }

    /** This node is going away: its sockets stop counting now rather than when its heartbeat goes stale. */
    public void forgetNode(String nodeId) {
        presence.forgetNode(nodeId);
    }
}
