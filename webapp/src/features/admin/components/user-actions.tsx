import { useState } from 'react';
import { Button } from '@/components/button';
import { messages } from '@/config/messages';
import type { AdminUser } from '@/types/api';
import {
  type ConfirmedAction,
  type UserAction,
  describeRefusal,
  needsConfirmation,
  useUserAction,
} from '../hooks/use-user-action';
import { ConfirmActionDialog } from './confirm-action-dialog';
import { OneTimePasswordDialog } from './one-time-password-dialog';

const t = messages.admin;

interface UserActionsProps {
  user: AdminUser;
  /** A short success text for the page's status region. */
  onDone: (message: string) => void;
  /** The server's refusal, for the page's alert region. */
  onRefused: (message: string) => void;
}

/** The buttons of one row of the users table, with their confirmations and the one-time password. */
export function UserActions({ user, onDone, onRefused }: UserActionsProps) {
  const [confirming, setConfirming] = useState<ConfirmedAction | null>(null);
  const [oneTimePassword, setOneTimePassword] = useState<string | null>(null);
  const mutation = useUserAction();

  const perform = (action: UserAction) => {
    mutation.mutate(
      { action, user },
      {
        onSuccess: (result) => {
          setConfirming(null);
          if (action === 'resetPassword' && typeof result === 'string') setOneTimePassword(result);
          else if (action !== 'resetPassword') onDone(t.actions.done[action](user.username));
        },
        onError: (error) => {
          setConfirming(null);
          onRefused(describeRefusal(error));
        },
      },
    );
  };

  const request = (action: UserAction) => {
    if (needsConfirmation(action)) setConfirming(action);
    else perform(action);
  };

  const busy = mutation.isPending;
  const button = (action: UserAction, danger = false) => (
    <Button
      variant={danger ? 'secondary' : 'quiet'}
      className={danger ? 'button--danger-text' : undefined}
      disabled={busy}
      onClick={() => request(action)}
    >
      {t.actions[action]} <span className="visually-hidden">{user.username}</span>
    </Button>
  );

  return (
    <div className="admin-actions" role="group" aria-label={t.users.actionsFor(user.username)}>
      {user.disabled ? button('enable') : button('disable')}
      {user.role === 'admin' ? button('removeAdmin') : button('makeAdmin')}
      {button('resetPassword')}
      {button('endSessions')}
      {button('delete', true)}
      {confirming && (
        <ConfirmActionDialog
          action={confirming}
          username={user.username}
          busy={busy}
          onConfirm={() => perform(confirming)}
          onClose={() => setConfirming(null)}
        />
      )}
      {oneTimePassword !== null && (
        <OneTimePasswordDialog
          username={user.username}
          password={oneTimePassword}
          onClose={() => setOneTimePassword(null)}
        />
      )}
    </div>
  );
}
