package dev.netchat.outbox;

import java.time.Instant;

/** How one integration's outbox stands: counts by status, the last success and the last error. */
public record OutboxSummary(long pending, long sent, long failed, Instant lastSentAt, String lastError) {}
