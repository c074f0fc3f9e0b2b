package dev.netchat.web.channel;

import dev.netchat.channel.ReadReceipt;
import java.util.List;

/** GET /api/channels/{id}/receipts: {@code {receipts: [{userId, seq}]}}, the caller left out. */
public record ReceiptsDto(List<ReadReceipt> receipts) {}
