package dev.netchat.event;

/**
 * Something that happened and that sockets must hear about: a typed, past-tense record carrying DTOs (never JPA
 * entities, never JSON). Its frame is {@code {type, ...the record's components}}, built once by {@link EventCodec}.
 * Methods that are not record components (like {@link #type()}) are not part of the frame.
 */
public interface RealtimeEvent {

    /** The frame's {@code type}, as ../shared/API.md names it. */
    String type();
}
