package dev.netchat.event;

import dev.netchat.shared.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The one place where an event becomes its WebSocket frame: {@code type} first, then the record's components
 * as JSON-B writes them (DTO fields included as they are, so a field added to a DTO simply flows). Called once
 * per event on the node that fired it; the frame string then goes unchanged into the stored log, onto the bus
 * and to every socket.
 */
public final class EventCodec {

    private EventCodec() {}

    public static String frame(RealtimeEvent event) {
        JsonObjectBuilder frame = Wire.JSON.createObjectBuilder().add("type", event.type());
        JsonValue body = Wire.toValue(event);
        if (body instanceof JsonObject fields) {
            fields.forEach((name, value) -> {
                if (!name.equals("type")) {
                    frame.add(name, value);
                }
            });
        }
        return frame.build().toString();
    }

    /** The event back from its frame (the {@code type} field is dropped); used by tests and tools. */
    public static <T extends RealtimeEvent> T read(String frame, Class<T> type) {
        return Wire.JSONB.fromJson(frame, type);
    }
}
