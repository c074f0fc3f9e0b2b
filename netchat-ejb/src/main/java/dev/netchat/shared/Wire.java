package dev.netchat.shared;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import java.io.StringReader;

/**
 * JSON as it goes over the wire, shared by REST answers and WebSocket frames so both show one shape:
 * every documented field present (null when empty), in declaration order.
 */
public final class Wire {

    public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(true)
            .withPropertyOrderStrategy(PropertyOrderStrategy.ANY));

    private Wire() {}

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    /** A record or list as a JSON-P value, to embed in a frame built with JSON-P. */
    public static JsonValue toValue(Object value) {
        try (var reader = Json.createReader(new StringReader(JSONB.toJson(value)))) {
            return reader.readValue();
        }
    }

    public static JsonObject parseObject(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
