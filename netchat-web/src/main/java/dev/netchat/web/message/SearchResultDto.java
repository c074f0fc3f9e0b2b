package dev.netchat.web.message;

import dev.netchat.message.MessageDto;
import java.util.List;

/**
 * Search matches, best first, and {@code terms}: the words of the query without operators, quotes or exclusions,
 * for the client to highlight.
 */
public record SearchResultDto(List<MessageDto> messages, List<String> terms) {}
