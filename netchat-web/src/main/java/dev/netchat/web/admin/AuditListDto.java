package dev.netchat.web.admin;

import dev.netchat.audit.AuditEntryView;
import java.util.List;

/** GET /api/admin/audit. */
public record AuditListDto(List<AuditEntryView> entries, int page, boolean hasMore) {}
