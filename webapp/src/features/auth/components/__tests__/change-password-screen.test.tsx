import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChangePasswordScreen } from '@/features/auth/components/change-password-screen';
import { setSession, sessionFromAuthResponse, getSession } from '@/lib/session';
import {
  authResponse,
  emptyResponse,
  mockFetch,
  problemResponse,
  renderWithAuth,
} from '@/testing/test-utils';

function renderScreen() {
  setSession(sessionFromAuthResponse(authResponse({ mustChangePassword: true })));
  return renderWithAuth(<ChangePasswordScreen onSignOut={vi.fn(() => Promise.resolve())} />);
}

describe('ChangePasswordScreen', () => {
  it('ticks off the rules as the new password is typed and checks the confirmation', async () => {
    const { callsTo } = mockFetch({ 'GET /api/users/me': problemResponse(404) });
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
    mockFetch({
      'GET /api/users/me': problemResponse(404),
      'POST /api/users/me/password': problemResponse(400, {
        errors: [{ field: 'currentPassword', message: 'Current password is wrong.' }],
      }),
    });
    const { user } = renderScreen();

    await user.type(screen.getByLabelText('Current password'), 'wrong-one');
    await user.type(screen.getByLabelText('New password'), 'my new secret');
    await user.type(screen.getByLabelText('Confirm new password'), 'my new secret');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    const current = screen.getByLabelText('Current password');
    expect(await screen.findByText('Current password is wrong.')).toBeInTheDocument();
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveFocus();
    expect(getSession()?.mustChangePassword).toBe(true);
  });

  it('sends current and new password and ends the requirement on success', async () => {
    const { callsTo } = mockFetch({
      'GET /api/users/me': problemResponse(404),
      'POST /api/users/me/password': emptyResponse(204),
    });
    const { user } = renderScreen();

    await user.type(screen.getByLabelText('Current password'), 'Xk4-pq9-Zr2');
    await user.type(screen.getByLabelText('New password'), 'my new secret');
    await user.type(screen.getByLabelText('Confirm new password'), 'my new secret');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    await vi.waitFor(() => expect(getSession()?.mustChangePassword).toBe(false));
    expect(callsTo('POST /api/users/me/password')[0].body).toEqual({
      currentPassword: 'Xk4-pq9-Zr2',
      newPassword: 'my new secret',
    });
  });
});
