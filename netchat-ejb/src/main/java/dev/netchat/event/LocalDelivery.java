package dev.netchat.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands what the bus brought to this node: to the sockets (the web module's registry, which registers itself here
 * at start because this module cannot see it through CDI), and account changes to the local caches.
 */
@ApplicationScoped
public class LocalDelivery {

    private static final Logger LOG = Logger.getLogger(LocalDelivery.class.getName());

    private final List<RealtimeSink> sinks = new CopyOnWriteArrayList<>();

    @Inject
    Event<AccountChanged> accountChanged;

    public void register(RealtimeSink sink) {
        sinks.add(sink);
    }

    public void unregister(RealtimeSink sink) {
        sinks.remove(sink);
    }

    void deliver(Delivery delivery) {
        if (delivery.kind() == Delivery.Kind.ACCOUNT_CHANGED) {
            accountChanged.fire(new AccountChanged(delivery.userId()));
        }
        for (RealtimeSink sink : sinks) {
            try {
                sink.deliver(delivery);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A realtime sink refused a {0} delivery: {1}", new Object[] {
                    delivery.kind(), e.toString()
                });
            }
        }
    }
}
