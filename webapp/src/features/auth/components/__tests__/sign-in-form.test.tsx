import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { queryKeys } from '@/lib/query-keys';
import { getSession, setSignOutReason, signOutReasonOf } from '@/lib/session';
import {
  authResponse,
  currentUser,
  jsonResponse,
  mockApi,
  problemResponse,
  renderWithAuth,
} from '@/testing/test-utils';

async function signInAs(username: string, password: string) {
  const onSwitch = vi.fn();
  const { user, client } = renderWithAuth(<SignInForm onSwitchToSignUp={onSwitch} />);
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return { user, client, onSwitch };
}

describe('SignInForm', () => {
  it('starts the session once the person is read with its token, and keeps them only in the query cache', async () => {
    const { callsTo } = mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/login': jsonResponse(authResponse({ token: 'fresh' })),
      'GET /api/users/me': jsonResponse(currentUser({ avatarURL: 'https://example.com/ada.png' })),
    });

    const { client } = await signInAs('ada', 'correct horse');

    await waitFor(() => expect(getSession()).not.toBeNull());
    expect(callsTo('GET /api/users/me')[0].headers.get('Authorization')).toBe('Bearer fresh');
    expect(client.getQueryData(queryKeys.me)).toEqual(
      currentUser({ avatarURL: 'https://example.com/ada.png' }),
    );
    expect(Object.keys(getSession()!).sort()).toEqual(['expiresAt', 'token', 'userId']);
  });

  it('stays signed out and says so when the person cannot be read after the sign-in', async () => {
    mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/login': jsonResponse(authResponse()),
      'GET /api/users/me': problemResponse(503),
    });

    await signInAs('ada', 'correct horse');

    expect(await screen.findByRole('alert')).toHaveTextContent('NetChat is unavailable right now');
    expect(getSession()).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('shows "Wrong username or password" in the alert region on 401, without renewing the session', async () => {
    const { callsTo } = mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/login': problemResponse(401, { detail: 'Bad credentials' }),
    });

    await signInAs('ada', 'wrong password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password');
    expect(callsTo('POST /api/auth/refresh')).toHaveLength(1); // the start-up check only
    expect(callsTo('POST /api/auth/login')[0].body).toEqual({ username: 'ada', password: 'wrong password' });
  });

  it('shows how many seconds to wait on 429, from Retry-After', async () => {
    mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/login': problemResponse(429, {}, { 'Retry-After': '30' }),
    });

    await signInAs('ada', 'whatever1');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in 30 seconds');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('tells a person whose account an admin disabled why they were signed out, once', async () => {
    mockApi({ 'POST /api/auth/refresh': problemResponse(401) });
    setSignOutReason(signOutReasonOf(1008, 'Session ended: account disabled'));

    const first = renderWithAuth(<SignInForm onSwitchToSignUp={vi.fn()} />);

    expect(await screen.findByRole('alert')).toHaveTextContent('an administrator disabled your account');
    first.unmount();
    renderWithAuth(<SignInForm onSwitchToSignUp={vi.fn()} />);
    expect(screen.queryByText(/disabled your account/)).not.toBeInTheDocument();
  });

  it('gives no reason for an ordinary sign-out or another close', () => {
    expect(signOutReasonOf(1008, 'Session ended: signed out')).toBeNull();
    expect(signOutReasonOf(1006, '')).toBeNull();
    expect(signOutReasonOf(1008, 'Session ended: password changed')).toBe('password-changed');
  });

  it('says a long wait in minutes, not seconds', async () => {
    mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/login': problemResponse(429, {}, { 'Retry-After': '890' }),
    });

    await signInAs('ada', 'whatever1');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in 15 minutes');
  });

  it('says so when the server cannot be reached', async () => {
    mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/login': () => Response.error(),
    });

    await signInAs('ada', 'whatever1');

    expect(await screen.findByRole('alert')).toHaveTextContent(/cannot reach netchat/i);
  });

  it('asks for both fields before calling the server', async () => {
    const { callsTo } = mockApi({ 'POST /api/auth/refresh': problemResponse(401) });
    const { user } = renderWithAuth(<SignInForm onSwitchToSignUp={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(callsTo('POST /api/auth/login')).toHaveLength(0);
  });

  it('offers a way to create an account', async () => {
    mockApi({ 'POST /api/auth/refresh': problemResponse(401) });
    const onSwitch = vi.fn();
    const { user } = renderWithAuth(<SignInForm onSwitchToSignUp={onSwitch} />);

    await user.click(screen.getByRole('button', { name: 'Create an account' }));

    expect(onSwitch).toHaveBeenCalledOnce();
  });
});
