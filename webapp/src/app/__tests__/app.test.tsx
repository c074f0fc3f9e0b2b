import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '@/app/app';
import { getSession } from '@/lib/session';
import {
  authResponse,
  currentUser,
  emptyResponse,
  jsonResponse,
  mockFetch,
  problemResponse,
} from '@/testing/test-utils';

describe('App', () => {
  it('resumes a session silently from the refresh cookie and loads the profile', async () => {
    mockFetch({
      'POST /api/auth/refresh': jsonResponse(authResponse()),
      'GET /api/users/me': jsonResponse(currentUser({ avatarURL: 'https://example.com/ada.png' })),
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

  it('shows sign-in when there is no session, at any path', async () => {
    window.history.pushState({}, '', '/some/deep/link');
    mockFetch({ 'POST /api/auth/refresh': problemResponse(401) });
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to NetChat' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    window.history.pushState({}, '', '/');
  });

  it('signs in, then signs out back to the sign-in screen', async () => {
    const user = userEvent.setup();
    const { callsTo } = mockFetch({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/login': jsonResponse(authResponse({ token: 'fresh' })),
      'GET /api/users/me': jsonResponse(currentUser()),
      'POST /api/auth/logout': emptyResponse(204),
    });
    render(<App />);

    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' });
    expect(heading).toHaveFocus();
    expect(callsTo('GET /api/users/me')[0].headers.get('Authorization')).toBe('Bearer fresh');

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to NetChat' })).toHaveFocus();
    expect(callsTo('POST /api/auth/logout')[0].headers.get('Authorization')).toBe('Bearer fresh');
    expect(getSession()).toBeNull();
  });

  it('switches between sign-in and sign-up, moving focus to the new heading', async () => {
    const user = userEvent.setup();
    mockFetch({ 'POST /api/auth/refresh': problemResponse(401) });
    render(<App />);

    await user.click(await screen.findByRole('button', { name: 'Create an account' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Create your NetChat account' })).toHaveFocus();
    expect(document.title).toBe('Create account · NetChat');

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to NetChat' })).toHaveFocus();
  });

  it('returns to sign-in when the session can no longer be renewed', async () => {
    mockFetch({
      'POST /api/auth/refresh': [jsonResponse(authResponse()), problemResponse(401)],
      'GET /api/users/me': problemResponse(401),
    });
    render(<App />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to NetChat' })).toBeInTheDocument();
    expect(getSession()).toBeNull();
  });
});
