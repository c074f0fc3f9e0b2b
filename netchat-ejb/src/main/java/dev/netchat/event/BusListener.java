package dev.netchat.event;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's one subscriber to the bus: a non-durable topic subscription per node, so every node gets every
 * delivery once; one session ({@code maxSession=1}; the sequencer restores seq order per channel regardless)
 * hands them to this node's sockets in the order they arrived. Not transacted: the messages are non-persistent.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = BusPublisher.TOPIC),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BusListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(BusListener.class.getName());

    @Inject
    LocalDelivery local;

    @Override
    public void onMessage(Message message) {
        try {
            if (message instanceof TextMessage text) {
                local.deliver(BusMessages.read(text));
            }
        } catch (JMSException | RuntimeException e) {
            // One bad delivery must not stop the listener; sockets catch up from the log.
            LOG.log(Level.WARNING, "Could not deliver a bus message: {0}", e.toString());
        }
    }
}
