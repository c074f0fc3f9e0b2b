/**
 * Real time over the WebSocket at /ws. {@link dev.netchat.web.realtime.ChatEndpoint} has no state of its own;
 * {@link dev.netchat.web.realtime.ChatHub} holds the connections and receives committed events from the
 * services' event seam; each {@link dev.netchat.web.realtime.Connection} sends through a bounded queue, one
 * asynchronous write at a time, so no caller ever waits for a socket.
 */
package dev.netchat.web.realtime;
