package dev.netchat.web.admin;

import dev.netchat.audit.AuditEntryDto;
import java.util.List;

/** GET /api/admin/audit. */
public record AuditListDto(List<AuditEntryDto> entries, int page, boolean hasMore) {}
