import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '@/app/app';
import { messages } from '@/config/messages';
import { getSession } from '@/lib/session';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import {
  authResponse,
  currentUser,
  emptyResponse,
  jsonResponse,
  mockApi,
  problemResponse,
} from '@/testing/test-utils';
import type { CurrentUser } from '@/types/api';

/**
 * What the chat screen asks for as soon as it shows: the channel list and, for a person with no time zone saved,
 * PATCH /api/users/me with the browser's (answered with the person as they were, plus that zone).
 */
function chatScreenRoutes(me: CurrentUser) {
  return {
    'GET /api/channels': jsonResponse({ channels: [] }),
    'PATCH /api/users/me': async (request: Request) => jsonResponse({ ...me, ...(await request.json()) }),
  };
}

describe('App', () => {
  // The chat screen opens the socket; none of these tests needs it to answer.
  beforeEach(() => FakeWebSocket.install());

  it('resumes a session silently from the refresh cookie and loads the profile', async () => {
    const me = currentUser({ avatarURL: 'https://example.com/ada.png' });
    mockApi({
      ...chatScreenRoutes(me),
      'POST /api/auth/refresh': jsonResponse(authResponse()),
      'GET /api/users/me': jsonResponse(me),
    });
    render(<App />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading NetChat…');
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByText('Ada Lovelace')).toBeInTheDocument();
    await waitFor(() =>
      expect(banner.querySelector('img')).toHaveAttribute('src', 'https://example.com/ada.png'),
    );
    expect(screen.getByRole('navigation', { name: 'Channels' })).toBeInTheDocument();
  });

  it('shows a profile saved in Settings at once in the banner, without reading the person again', async () => {
    FakeWebSocket.install();
    const user = userEvent.setup();
    const { callsTo } = mockApi({
      ...chatScreenRoutes(currentUser()),
      'POST /api/auth/refresh': jsonResponse(authResponse()),
      'GET /api/users/me': jsonResponse(currentUser()),
      'PATCH /api/users/me': jsonResponse(currentUser({ fullName: 'Ada King' })),
    });
    render(<App />);
    const banner = await screen.findByRole('banner');

    await user.click(within(banner).getByRole('button', { name: messages.settings.open }));
    const fullName = await screen.findByRole('textbox', { name: messages.auth.fields.fullName });
    await user.clear(fullName);
    await user.type(fullName, 'Ada King');
    await user.click(screen.getByRole('button', { name: messages.settings.save }));

    expect(await within(banner).findByText('Ada King')).toBeInTheDocument();
    expect(callsTo('GET /api/users/me')).toHaveLength(1);
  });

  it('shows the status one set on another device in Settings at once (user.status.changed)', async () => {
    FakeWebSocket.install();
    const user = userEvent.setup();
    mockApi({
      ...chatScreenRoutes(currentUser()),
      'POST /api/auth/refresh': jsonResponse(authResponse()),
      'GET /api/users/me': jsonResponse(currentUser()),
    });
    render(<App />);
    const banner = await screen.findByRole('banner');
    await user.click(within(banner).getByRole('button', { name: messages.settings.open }));
    expect(await screen.findByText(messages.status.none)).toBeInTheDocument();

    const socket = FakeWebSocket.instances[0];
    act(() => socket.open());
    act(() =>
      socket.receive({
        type: 'user.status.changed',
        user: { id: 'u-1', status: { emoji: '🌴', text: 'On vacation', expiresAt: null } },
      }),
    );

    expect(await screen.findByText(messages.status.current('🌴 On vacation'))).toBeInTheDocument();
  });

  it('shows sign-in when there is no session, at any path', async () => {
    window.history.pushState({}, '', '/some/deep/link');
    mockApi({ 'POST /api/auth/refresh': problemResponse(401) });
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to NetChat' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    window.history.pushState({}, '', '/');
  });

  it('signs in, then signs out back to the sign-in screen', async () => {
    // A socket that never answers: jsdom's real one fails at once, and under load its reconnect (which renews the
    // session first, here refused) could end the session before Sign out is clicked.
    FakeWebSocket.install();
    const user = userEvent.setup();
    const { callsTo } = mockApi({
      ...chatScreenRoutes(currentUser()),
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/login': jsonResponse(authResponse({ token: 'fresh' })),
      'GET /api/users/me': jsonResponse(currentUser()),
      'POST /api/auth/logout': emptyResponse(204),
    });
    render(<App />);

    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // The heading appears when the screen renders; focus moves to it in an effect that runs just after, which
    // under load can come later than the first look: wait for the focus itself, on the heading as it is then.
    const welcome = () => screen.getByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' });
    await waitFor(() => expect(welcome()).toHaveFocus());
    expect(callsTo('GET /api/users/me')[0].headers.get('Authorization')).toBe('Bearer fresh');

    await user.click(screen.getByRole('button', { name: /account, theme and sign out/ }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    const signIn = () => screen.getByRole('heading', { level: 1, name: 'Sign in to NetChat' });
    await screen.findByRole('heading', { level: 1, name: 'Sign in to NetChat' });
    await waitFor(() => expect(signIn()).toHaveFocus());
    expect(callsTo('POST /api/auth/logout')[0].headers.get('Authorization')).toBe('Bearer fresh');
    expect(getSession()).toBeNull();
  });

  it('switches between sign-in and sign-up, moving focus to the new heading', async () => {
    const user = userEvent.setup();
    mockApi({ 'POST /api/auth/refresh': problemResponse(401) });
    render(<App />);

    await user.click(await screen.findByRole('button', { name: 'Create an account' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Create your NetChat account' })).toHaveFocus();
    expect(document.title).toBe('Create account · NetChat');

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to NetChat' })).toHaveFocus();
  });

  it('returns to sign-in when the session can no longer be renewed', async () => {
    mockApi({
      'POST /api/auth/refresh': [jsonResponse(authResponse()), problemResponse(401)],
      'GET /api/users/me': problemResponse(401),
    });
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to NetChat' })).toBeInTheDocument();
    expect(getSession()).toBeNull();
  });

  it('after signing in with a reset password, shows only the password change, then the app frame', async () => {
    const user = userEvent.setup();
    mockApi({
      ...chatScreenRoutes(currentUser()),
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/login': jsonResponse(authResponse({ mustChangePassword: true })),
      'GET /api/users/me': [
        jsonResponse(currentUser({ mustChangePassword: true })),
        jsonResponse(currentUser()),
      ],
      'POST /api/users/me/password': emptyResponse(204),
    });
    render(<App />);

    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'Xk4-pq9-Zr2');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Choose a new password' })).toHaveFocus();
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Current password'), 'Xk4-pq9-Zr2');
    await user.type(screen.getByLabelText('New password'), 'my new secret');
    await user.type(screen.getByLabelText('Confirm new password'), 'my new secret');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' }),
    ).toBeInTheDocument();
  });

  it('says a disabled account cannot sign in', async () => {
    const user = userEvent.setup();
    mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/login': problemResponse(403, { detail: 'This account is disabled.' }),
    });
    render(<App />);

    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'whatever1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This account is disabled.');
  });

  it('offers Admin to admins and opens the admin page from it', async () => {
    const user = userEvent.setup();
    mockApi({
      ...chatScreenRoutes(currentUser({ role: 'admin' })),
      'POST /api/auth/refresh': jsonResponse(authResponse({ role: 'admin' })),
      'GET /api/users/me': jsonResponse(currentUser({ role: 'admin' })),
      'GET /api/admin/users': jsonResponse({ users: [], page: 0, hasMore: false }),
    });
    render(<App />);

    const banner = await screen.findByRole('banner');
    await user.click(await within(banner).findByRole('link', { name: 'Admin' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Administration' })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
    window.location.hash = '';
  });

  it('shows no Admin entry to others and refuses the admin page address', async () => {
    window.location.hash = '#/admin';
    const { callsTo } = mockApi({
      ...chatScreenRoutes(currentUser()),
      'POST /api/auth/refresh': jsonResponse(authResponse()),
      'GET /api/users/me': jsonResponse(currentUser()),
    });
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent(
      'Only administrators can open the administration page.',
    );
    expect(within(screen.getByRole('banner')).queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
    expect(callsTo('GET /api/admin/users')).toHaveLength(0);
    window.location.hash = '';
  });
});
