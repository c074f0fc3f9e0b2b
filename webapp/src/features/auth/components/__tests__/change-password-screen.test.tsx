import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChangePasswordScreen } from '@/features/auth/components/change-password-screen';
import { queryKeys } from '@/lib/query-keys';
import { setSession, sessionFromAuthResponse } from '@/lib/session';
import {
  authResponse,
  currentUser,
  emptyResponse,
  mockApi,
  problemResponse,
  renderWithAuth,
} from '@/testing/test-utils';
import type { CurrentUser } from '@/types/api';

/** Signed in with a password an admin reset: the cached person says a new one is due. */
function renderScreen() {
  setSession(sessionFromAuthResponse(authResponse({ mustChangePassword: true })));
  const rendered = renderWithAuth(
    <ChangePasswordScreen onSignOut={vi.fn(() => Promise.resolve())} />,
    currentUser({ mustChangePassword: true }),
  );
  const mustChangePassword = () =>
    rendered.client.getQueryData<CurrentUser>(queryKeys.me)?.mustChangePassword;
  return { ...rendered, mustChangePassword };
}

describe('ChangePasswordScreen', () => {
  it('ticks off the rules as the new password is typed and checks the confirmation', async () => {
    const { callsTo } = mockApi({});
    const { user } = renderScreen();

    expect(screen.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeInTheDocument();
    const rules = screen.getByRole('list', { name: 'The new password needs:' });
    expect(rules).toHaveTextContent('at least 8 characters (not yet)');

    await user.type(screen.getByLabelText('Current password'), 'Xk4-pq9-Zr2');
    await user.type(screen.getByLabelText('New password'), 'my new secret');
    expect(rules).toHaveTextContent('at least 8 characters (done)');
    expect(rules).toHaveTextContent('the same text in both new password fields (not yet)');

    await user.type(screen.getByLabelText('Confirm new password'), 'my new secre');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(screen.getByLabelText('Confirm new password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('The two new passwords are not the same.')).toBeInTheDocument();
    expect(callsTo('POST /api/users/me/password')).toHaveLength(0);
  });

  it('shows the server refusal at the current password field', async () => {
    mockApi({
      'POST /api/users/me/password': problemResponse(400, {
        errors: [{ field: 'currentPassword', message: 'Current password is wrong.' }],
      }),
    });
    const { user, mustChangePassword } = renderScreen();

    await user.type(screen.getByLabelText('Current password'), 'wrong-one');
    await user.type(screen.getByLabelText('New password'), 'my new secret');
    await user.type(screen.getByLabelText('Confirm new password'), 'my new secret');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    const current = screen.getByLabelText('Current password');
    expect(await screen.findByText('Current password is wrong.')).toBeInTheDocument();
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveFocus();
    expect(mustChangePassword()).toBe(true);
  });

  it('sends current and new password and ends the requirement on success', async () => {
    const { callsTo } = mockApi({ 'POST /api/users/me/password': emptyResponse(204) });
    const { user, mustChangePassword } = renderScreen();

    await user.type(screen.getByLabelText('Current password'), 'Xk4-pq9-Zr2');
    await user.type(screen.getByLabelText('New password'), 'my new secret');
    await user.type(screen.getByLabelText('Confirm new password'), 'my new secret');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    await vi.waitFor(() => expect(mustChangePassword()).toBe(false));
    expect(callsTo('POST /api/users/me/password')[0].body).toEqual({
      currentPassword: 'Xk4-pq9-Zr2',
      newPassword: 'my new secret',
    });
  });
});
