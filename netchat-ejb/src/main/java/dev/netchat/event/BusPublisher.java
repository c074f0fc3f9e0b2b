package dev.netchat.event;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes deliveries to the cluster-wide topic, defined by the application itself (standard Jakarta Messaging,
 * no server resource to create: the same EAR runs on WildFly's Artemis and Payara's OpenMQ). Published through the
 * server's default connection factory ({@code java:comp/DefaultJMSConnectionFactory}, injected) and NON_PERSISTENT:
 * a node that was down catches up from the stored event log anyway, and persistent sends cost 10-24x throughput.
 */
@Stateless
@JMSDestinationDefinition(
        name = BusPublisher.TOPIC,
        interfaceName = "jakarta.jms.Topic",
        destinationName = "NetChatEvents")
public class BusPublisher {

    static final String TOPIC = "java:app/jms/NetChatEvents";

    /**
     * Test-only fault injection, off unless the system property is set (never in production): a channel event whose
     * frame contains this text is stored and committed but never published, as if its node died between commit and
     * publication. ClusterIT uses it to prove that the other nodes catch up from the log by themselves.
     */
    static final String DROP_PROPERTY = "netchat.test.drop-publications-containing";

    private static final Logger LOG = Logger.getLogger(BusPublisher.class.getName());

    @Inject
    JMSContext jms;

    @Resource(lookup = TOPIC)
    Topic topic;

    // NOT_SUPPORTED: called after commit, on a thread whose transaction has completed; the send is not part of it.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publish(Delivery delivery) {
        String drop = System.getProperty(DROP_PROPERTY);
        if (drop != null
                && !drop.isEmpty()
                && delivery.kind() == Delivery.Kind.CHANNEL
                && delivery.frame().contains(drop)) {
            LOG.warning(() -> "Test fault injection: not publishing " + delivery.channelId() + "/" + delivery.seq());
            return;
        }
        try {
            TextMessage message = jms.createTextMessage(delivery.frame());
            BusMessages.write(delivery, message);
            jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(topic, message);
        } catch (JMSException | JMSRuntimeException e) {
            // The change is committed; sockets learn of it by catch-up (the hub reconciles seqs from the log) or
            // resume.
            LOG.log(Level.WARNING, "Could not publish a {0} delivery: {1}", new Object[] {delivery.kind(), e.toString()
            });
        }
    }
}
