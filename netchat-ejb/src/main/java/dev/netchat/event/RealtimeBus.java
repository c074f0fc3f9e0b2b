package dev.netchat.event;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;

/**
 * The realtime bus as the services see it: everything that must reach sockets goes through here, and nothing
 * reaches a socket around it. Each event is published once, after the surrounding transaction committed (at
 * once when there is none), to a JMS topic that every node of the cluster listens to ({@link BusListener});
 * a single node runs exactly the same path on its embedded broker. Typed events are also fired as CDI events
 * inside the transaction, for in-process observers (SMS, Stream) that must write in the same transaction.
 */
@ApplicationScoped
public class RealtimeBus {

    @Inject
    Event<Object> typed;

    @Inject
    Event<Delivery> deliveries;

    @EJB
    BusPublisher publisher;

    /** A stored channel event (called by {@link ChannelEventLog}, which already encoded and stored the frame). */
    void channelEvent(ChannelEvent event, String frame, List<String> recipients) {
        typed.fire(event);
        deliveries.fire(Delivery.channel(event, frame, recipients));
    }

    /** An event without seq for the given users' sockets, except those of {@code exceptSessionId} (may be null). */
    public void toUsers(RealtimeEvent event, Collection<String> userIds, String exceptSessionId) {
        typed.fire(event);
        deliveries.fire(Delivery.users(EventCodec.frame(event), List.copyOf(userIds), exceptSessionId));
    }

    /** A presence change of {@code userId} for the given users' sockets (a later one replaces an unsent earlier one). */
    public void presence(String userId, RealtimeEvent event, Collection<String> userIds) {
        deliveries.fire(Delivery.presence(userId, EventCodec.frame(event), List.copyOf(userIds)));
    }

    /**
     * Sign-in sessions ended: their sockets close on every node. Also fired as a CDI event, so this node's session
     * cache ({@code auth.SessionStatus}) forgets its answers after commit.
     */
    public void sessionsEnded(SessionsEnded event) {
        typed.fire(event);
        deliveries.fire(Delivery.sessionsEnded(event));
    }

    /** An account's status changed: every node drops its cached status (and a disabled user's sockets close by {@link #sessionsEnded}). */
    public void accountChanged(String userId) {
        deliveries.fire(Delivery.accountChanged(userId));
    }

    /** After commit only: a rolled-back change is never announced, and nothing is published while a transaction is open. */
    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) Delivery delivery) {
        publisher.publish(delivery);
    }
}
