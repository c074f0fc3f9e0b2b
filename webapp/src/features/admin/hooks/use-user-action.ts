import { useMutation, useQueryClient } from '@tanstack/react-query';
import { messages } from '@/config/messages';
import { ApiError } from '@/lib/problem';
import { queryKeys } from '@/lib/query-keys';
import type { AdminUser } from '@/types/api';
import { adminApi } from '../api/admin-api';

export type UserAction =
  'disable' | 'enable' | 'makeAdmin' | 'removeAdmin' | 'resetPassword' | 'endSessions' | 'delete';

/** The actions that ask before they run: they lock someone out or cannot be undone. */
export const confirmedActions = ['disable', 'removeAdmin', 'endSessions', 'delete'] as const;
export type ConfirmedAction = (typeof confirmedActions)[number];

export function needsConfirmation(action: UserAction): action is ConfirmedAction {
  return (confirmedActions as readonly string[]).includes(action);
}

function run(action: UserAction, user: AdminUser): Promise<string | void> {
  switch (action) {
    case 'disable':
      return adminApi.updateUser(user.id, { disabled: true }).then(() => undefined);
    case 'enable':
      return adminApi.updateUser(user.id, { disabled: false }).then(() => undefined);
    case 'makeAdmin':
      return adminApi.updateUser(user.id, { role: 'admin' }).then(() => undefined);
    case 'removeAdmin':
      return adminApi.updateUser(user.id, { role: 'user' }).then(() => undefined);
    case 'resetPassword':
      return adminApi.resetPassword(user.id);
    case 'endSessions':
      return adminApi.endSessions(user.id);
    case 'delete':
      return adminApi.deleteUser(user.id);
  }
}

/** What to tell the admin when the server said no (409 "last admin" comes with its own text). */
export function describeRefusal(error: unknown): string {
  const t = messages.admin.actions;
  if (!(error instanceof ApiError)) return t.refused;
  if (error.isNetworkError) return t.network;
  return error.problem.detail ?? error.fieldErrors[0]?.message ?? error.problem.title ?? t.refused;
}

/** Runs one admin action on one user; the users table and the audit log are read again afterwards. */
export function useUserAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, user }: { action: UserAction; user: AdminUser }) => run(action, user),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.adminUsersAll });
      void client.invalidateQueries({ queryKey: queryKeys.adminAudit(0).slice(0, 2) });
    },
  });
}
