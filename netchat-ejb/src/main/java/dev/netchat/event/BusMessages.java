package dev.netchat.event;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Arrays;
import java.util.List;

/** A {@link Delivery} as a JMS text message: the frame is the body, the routing travels as string properties. */
final class BusMessages {

    private BusMessages() {}

    static void write(Delivery d, Message m) throws JMSException {
        m.setStringProperty("kind", d.kind().name());
        set(m, "channelId", d.channelId());
        m.setLongProperty("seq", d.seq());
        // User ids are UUIDs: a comma never occurs in one.
        m.setStringProperty("recipients", String.join(",", d.recipients()));
        set(m, "except", d.exceptSessionId());
        set(m, "userId", d.userId());
        set(m, "sessionId", d.sessionId());
        set(m, "keepSessionId", d.keepSessionId());
        set(m, "reason", d.reason());
    }

    static Delivery read(TextMessage m) throws JMSException {
        String recipients = m.getStringProperty("recipients");
        List<String> ids =
                recipients == null || recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(","));
        String body = m.getText();
        return new Delivery(
                Delivery.Kind.valueOf(m.getStringProperty("kind")),
                body == null ? "" : body,
                m.getStringProperty("channelId"),
                m.getLongProperty("seq"),
                ids,
                m.getStringProperty("except"),
                m.getStringProperty("userId"),
                m.getStringProperty("sessionId"),
                m.getStringProperty("keepSessionId"),
                m.getStringProperty("reason"));
    }

    private static void set(Message m, String name, String value) throws JMSException {
        if (value != null) {
            m.setStringProperty(name, value);
        }
    }
}
