package dev.netchat.audit;

import dev.netchat.shared.Times;

/** One audit log line as the admin API shows it. */
public record AuditEntryDto(
        String id,
        String occurredAt,
        String actorId,
        String actorName,
        String action,
        String targetId,
        String targetName,
        String detail,
        String source,
        String clientAddress) {

    public static AuditEntryDto of(AuditEntry e) {
        return new AuditEntryDto(
                e.getId(),
                Times.iso(e.getOccurredAt()),
                e.getActorId(),
                e.getActorName(),
                e.getAction(),
                e.getTargetId(),
                e.getTargetName(),
                e.getDetail(),
                e.getSource(),
                e.getClientAddress());
    }
}
