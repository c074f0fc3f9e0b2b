/**
 * The one seam through which events leave the services. Services append channel events to the per-channel
 * log (gap-free seq under the channel row's lock) and fire CDI events; {@link dev.netchat.event.EventRelay}
 * hands them, only after the transaction committed, to every registered {@link dev.netchat.event.RealtimeSink}:
 * today the local WebSocket hub, later a JMS bridge that carries them to the other nodes of a cluster.
 */
package dev.netchat.event;
