/** The admin calls of API.md "Administration"; the server answers 403 to anybody but an admin. */
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { AdminUser, AdminUserPage, AuditPage, IntegrationsStatus } from '@/types/api';

export const adminApi = {
  listUsers: (q: string, page: number, signal?: AbortSignal) =>
    apiRequest<AdminUserPage>(`${apiPaths.adminUsers}?${new URLSearchParams({ q, page: String(page) })}`, {
      signal,
    }),
  /** 409 when it would leave no active admin. */
  updateUser: (id: string, body: { role?: AdminUser['role']; disabled?: boolean }) =>
    apiRequest<AdminUser>(apiPaths.adminUser(id), { method: 'PATCH', body }),
  resetPassword: (id: string) =>
    apiRequest<{ oneTimePassword: string }>(apiPaths.adminPasswordReset(id), { method: 'POST' }).then(
      (r) => r.oneTimePassword,
    ),
  endSessions: (id: string) => apiRequest<void>(apiPaths.adminSessions(id), { method: 'DELETE' }),
  deleteUser: (id: string) => apiRequest<void>(apiPaths.adminUser(id), { method: 'DELETE' }),
  listAudit: (page: number, signal?: AbortSignal) =>
    apiRequest<AuditPage>(`${apiPaths.adminAudit}?${new URLSearchParams({ page: String(page) })}`, {
      signal,
    }),
  integrations: (signal?: AbortSignal) =>
    apiRequest<IntegrationsStatus>(apiPaths.adminIntegrations, { signal }),
  /** 404 when the entry is no longer a failed one (sent again meanwhile, or removed by retention). */
  resendOutboxEntry: (id: number) => apiRequest<void>(apiPaths.adminOutboxResend(id), { method: 'POST' }),
  resendAllFailed: () =>
    apiRequest<{ resent: number }>(apiPaths.adminOutboxResendFailed, { method: 'POST' }).then(
      (r) => r.resent,
    ),
};
