import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';
import { adminApi } from '../api/admin-api';

/**
 * Sends failed outbox entries again: one (by id) or, without an id, all of them. The integrations status and
 * the audit log (where the server records it) are read again afterwards.
 */
export function useOutboxResend() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') =>
      id === 'all' ? adminApi.resendAllFailed() : adminApi.resendOutboxEntry(id).then(() => 1),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.adminIntegrations });
      void client.invalidateQueries({ queryKey: queryKeys.adminAudit(0).slice(0, 2) });
    },
  });
}
