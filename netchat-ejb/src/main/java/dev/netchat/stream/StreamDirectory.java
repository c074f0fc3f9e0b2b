package dev.netchat.stream;

import dev.netchat.user.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * What the Stream mirror reads from NetChat when it sends an entry: Stream's id for a message (the same as
 * NetChat's, except for messages that came from Stream) and the users a channel needs to exist in Stream first.
 * Read at sending time, so a message that was brought in after the entry was written is still found.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StreamDirectory {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

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
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select u from UserAccount u where u.id in :ids", UserAccount.class)
                .setParameter("ids", ids)
                .getResultList();
    }
}
