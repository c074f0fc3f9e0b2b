package dev.netchat.presence;

import java.time.Instant;
import java.util.Set;

/** Users who went offline because the node that held their sockets died, and when that node was last seen. */
public record DeadNodeUsers(Instant lastSeen, Set<String> offline) {}
