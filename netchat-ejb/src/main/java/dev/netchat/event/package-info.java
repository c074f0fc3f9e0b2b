/**
 * Events on their way to sockets. Services fire typed, past-tense records carrying DTOs (they live beside their
 * services, e.g. {@code MessagePosted}); {@link dev.netchat.event.EventCodec} turns each into its frame once.
 * {@link dev.netchat.event.ChannelEventLog} keeps the stored, seq-numbered channel events and their replay;
 * the {@link dev.netchat.event.RealtimeBus} carries everything that must reach sockets, after commit, over a JMS
 * topic to the {@link dev.netchat.event.BusListener} of every node (one node or a cluster: the same path). This
 * package depends on no domain package.
 */
package dev.netchat.event;
