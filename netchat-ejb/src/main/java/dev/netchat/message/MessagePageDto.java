package dev.netchat.message;

import java.util.List;

/** A page of history in ascending seq, and whether more lies beyond it in the direction asked. */
public record MessagePageDto(List<MessageDto> messages, boolean hasMore) {}
