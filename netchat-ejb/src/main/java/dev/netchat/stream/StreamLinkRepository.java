package dev.netchat.stream;

import dev.netchat.user.UserAccount;
import dev.netchat.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What ties NetChat to Stream in the database: which NetChat message Stream knows under which id (the same as
 * NetChat's, except for messages that came from Stream) and which webhook deliveries were applied. The mirror
 * reads it at sending time, so a message that was brought in after the entry was written is still found; the
 * webhook writes it in the transaction of the change it applies.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StreamLinkRepository {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    @Inject
    UserRepository userRepository;

    /** Stream's id for a NetChat message id. */
    public String streamId(String messageId) {
        StreamMessageLink link = em.find(StreamMessageLink.class, messageId);
        return link == null ? messageId : link.getStreamId();
    }

    /** The NetChat message that Stream knows under {@code streamId}, if it came from Stream. */
    public Optional<String> messageIdOf(String streamId) {
        return em.createQuery("select l.messageId from StreamMessageLink l where l.streamId = :s", String.class)
                .setParameter("s", streamId)
                .getResultStream()
                .findFirst();
    }

    /** The users with these ids (deleted ones are simply missing). */
    public List<UserAccount> users(List<String> ids) {
        return new ArrayList<>(userRepository.findAll(ids).values());
    }

    /** NetChat stored {@code messageId} for the message Stream knows as {@code streamId}. */
    public void link(String messageId, String streamId) {
        em.persist(new StreamMessageLink(messageId, streamId));
    }

    /** Whether a webhook delivery with this id was applied already. */
    public boolean receiptExists(String webhookId) {
        return em.find(WebhookReceipt.class, webhookId) != null;
    }

    /**
     * Takes the delivery's id and flushes it at once: a concurrent redelivery waits on this key and then fails,
     * acting not at all.
     */
    public void addReceipt(String webhookId, Instant receivedAt) {
        em.persist(new WebhookReceipt(webhookId, "stream", receivedAt));
        em.flush();
    }
}
