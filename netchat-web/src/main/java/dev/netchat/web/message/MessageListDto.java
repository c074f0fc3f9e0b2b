package dev.netchat.web.message;

import dev.netchat.message.MessageDto;
import java.util.List;

/** A list of messages (thread replies, search results). */
public record MessageListDto(List<MessageDto> messages) {}
