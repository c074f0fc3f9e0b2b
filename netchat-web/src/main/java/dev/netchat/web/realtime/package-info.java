/**
 * Real time over the WebSocket at /ws. {@link dev.netchat.web.realtime.ChatEndpoint} keeps the protocol and has no
 * state beyond its one connection; {@link dev.netchat.web.realtime.ChatHub} takes what this node's bus listener
 * received and hands it to the sockets kept by the {@link dev.netchat.web.realtime.ConnectionRegistry}, channel
 * events in seq order through the {@link dev.netchat.web.realtime.ChannelSequencer}; the
 * {@link dev.netchat.web.realtime.PresenceAnnouncer} publishes cluster-wide presence changes. Each
 * {@link dev.netchat.web.realtime.Connection} sends through a bounded queue, one asynchronous write at a time, so no
 * caller ever waits for a socket.
 */
package dev.netchat.web.realtime;
