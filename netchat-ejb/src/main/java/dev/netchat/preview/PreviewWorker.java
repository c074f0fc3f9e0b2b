package dev.netchat.preview;

import dev.netchat.message.LinkPreviewWanted;
import dev.netchat.message.MessageService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gets previews for messages that want one. Only after the post's (or edit's) transaction committed, so a rolled
 * back post fetches nothing, and on the server's managed executor, so the poster's answer never waits for another
 * host; the fetch holds no channel lock and no database connection, only showing the result takes the lock.
 * At most {@value #IN_FLIGHT} fetches run at once on a node: beyond that, a message simply gets no preview rather
 * than a queue of slow hosts growing behind a flood of links.
 */
@ApplicationScoped
public class PreviewWorker {

    private static final Logger LOG = Logger.getLogger(PreviewWorker.class.getName());
    static final int IN_FLIGHT = 16;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "netchat.previews.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    LinkPreviewFetcher fetcher;

    @EJB
    MessageService messages;

    private final Semaphore slots = new Semaphore(IN_FLIGHT);

    void onPreviewWanted(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkPreviewWanted wanted) {
        if (!enabled || !slots.tryAcquire()) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    fetcher.fetch(wanted.url())
                            .ifPresent(
                                    preview -> messages.showPreview(wanted.messageId(), wanted.channelId(), preview));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Link preview for message " + wanted.messageId() + " not shown", e);
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
        }
    }
}
