package dev.netchat.event;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who belongs to which channel, as the event log, the replay and presence need it. Answered from the channel
 * package's repository, which implements this: those packages cannot see the channel classes (the channel package
 * depends on them), and the question is then written once.
 */
public interface ChannelMembership {

    /** The channel's members, in the order they joined. */
    List<String> memberIds(String channelId);

    /** The channel's last seq if {@code userId} is a member of it, else null. */
    Long lastSeqForMember(String channelId, String userId);

    /** The last seq of each of the given channels that exists. */
    Map<String, Long> lastSeqs(Collection<String> channelIds);

    /**
     * The members of every channel of at most {@code maxMembers} members that one of the given users belongs to,
     * by channel (a set per channel, with no DISTINCT in the query: the caller works out who shares what).
     */
    Map<String, Set<String>> membersOfSmallChannelsOf(Collection<String> userIds, int maxMembers);
}
