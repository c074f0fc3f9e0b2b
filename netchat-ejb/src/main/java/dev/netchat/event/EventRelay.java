package dev.netchat.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forwards events to the sinks only after the transaction that produced them committed: a rolled-back
 * change is never announced, and nothing is sent while a transaction is open. The sinks live in the web
 * module, which this module cannot see through CDI, so they register themselves here at start.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());

    private final List<RealtimeSink> sinks = new CopyOnWriteArrayList<>();

    public void register(RealtimeSink sink) {
        sinks.add(sink);
    }

    public void unregister(RealtimeSink sink) {
        sinks.remove(sink);
    }

    void onChannelEvent(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelEventRecorded event) {
        for (RealtimeSink sink : sinks) {
            try {
                sink.channelEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A realtime sink refused channel event {0}/{1}: {2}",
                        new Object[] {event.channelId(), event.seq(), e.toString()});
            }
        }
    }

    void onEphemeralEvent(@Observes(during = TransactionPhase.AFTER_SUCCESS) EphemeralEventRecorded event) {
        sinks.forEach(s -> s.ephemeralEvent(event));
    }

    void onSessionsEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded event) {
        sinks.forEach(s -> s.sessionsEnded(event));
    }
}
