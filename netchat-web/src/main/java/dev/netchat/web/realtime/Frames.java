package dev.netchat.web.realtime;

import dev.netchat.web.error.Problems;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/** Frames of the socket protocol itself (hello, pong, resync, error); every event frame comes from the event codec. */
final class Frames {

    /**
     * Looked up once, as {@link dev.netchat.shared.Wire#JSON} is: {@code Json.createObjectBuilder()} asks the
     * ServiceLoader for the provider on every call, which cost more than building the frame. Its own constant,
     * not {@code Wire.JSON}, because frames need JSON-P only and Wire also starts JSON-B.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Frames() {}

    static String hello(String connectionId, String userId) {
        return JSON.createObjectBuilder()
                .add("type", "hello")
                .add("connectionId", connectionId)
                .add("userId", userId)
                .build()
                .toString();
    }

    static String pong() {
        return "{\"type\":\"pong\"}";
    }

    static String resync(String channelId) {
        return JSON.createObjectBuilder()
                .add("type", "resync.required")
                .add("channelId", channelId)
                .build()
                .toString();
    }

    /** An error frame carrying a problem object (the same shape as REST's problem+json). */
    static String error(int status, String title, String detail) {
        // The same problem document a REST answer carries (one factory), without an instance: a frame has no URL.
        JsonObject problem = Problems.toJson(Problems.problem(status, title, detail, null, List.of()));
        return JSON.createObjectBuilder()
                .add("type", "error")
                .add("problem", problem)
                .build()
                .toString();
    }
}
