/**
 * Who is around: a user is online while any node of the cluster holds one of their sockets (kept in the database,
 * see {@link dev.netchat.presence.OnlineUsers}), who shares a small channel with whom, and the typing and presence
 * events the realtime code publishes on the bus.
 */
package dev.netchat.presence;
