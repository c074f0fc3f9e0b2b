import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { channelOf, jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';
import type { User } from '@/types/api';
import { ProfileCard, agoText } from '../profile-card';

const t = messages.profile;

const bob: User = {
  id: 'u-2',
  username: 'bob',
  fullName: 'Bob Builder',
  avatarURL: null,
  online: false,
  lastActive: new Date(Date.now() - 5 * 60_000).toISOString(),
  timeZone: 'Asia/Tokyo',
};

function renderCard(userId = 'u-2', selfId = 'u-1') {
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ProfileCard userId={userId} selfId={selfId} onClose={onClose} />
    </QueryClientProvider>,
  );
  return { onClose, user };
}

describe('ProfileCard', () => {
  it('names the person, their username, when they were last active and their local time', async () => {
    mockApi({ 'GET /api/users/u-2': jsonResponse(bob) });
    renderCard();

    const dialog = await screen.findByRole('dialog', { name: 'Bob Builder' });
    expect(dialog).toHaveTextContent('@bob');
    expect(dialog).toHaveTextContent(t.lastActive('5 minutes ago'));
    expect(dialog).toHaveTextContent(/\d{1,2}:\d{2}\S* ?(AM|PM)? local time/);
    expect(screen.getByRole('button', { name: t.message })).toBeInTheDocument();
  });

  it('shows their status and when it clears', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    mockApi({
      'GET /api/users/u-2': jsonResponse({ ...bob, status: { emoji: '🌴', text: 'On vacation', expiresAt } }),
    });
    renderCard();
    expect(await screen.findByText(/^🌴 On vacation · until /)).toBeInTheDocument();
  });

  it('says Online for someone connected', async () => {
    mockApi({ 'GET /api/users/u-2': jsonResponse({ ...bob, online: true }) });
    renderCard();
    expect(await screen.findByText(t.online)).toBeInTheDocument();
  });

  it('Message opens the direct conversation with them and closes the card', async () => {
    const { callsTo } = mockApi({
      'GET /api/users/u-2': jsonResponse(bob),
      'POST /api/channels': jsonResponse(channelOf('dm-1', { type: 'messaging', name: null }), 201),
    });
    const { onClose, user } = renderCard();

    await user.click(await screen.findByRole('button', { name: t.message }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(callsTo('POST /api/channels')[0].body).toEqual({ type: 'messaging', memberIds: ['u-2'] });
    expect(window.location.hash).toBe('#/c/dm-1');
  });

  it('offers no Message on one’s own card', async () => {
    mockApi({ 'GET /api/users/u-1': jsonResponse({ ...bob, id: 'u-1' }) });
    renderCard('u-1', 'u-1');
    expect(await screen.findByText(t.you)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t.message })).not.toBeInTheDocument();
  });

  it('says so when the person is gone (404)', async () => {
    mockApi({ 'GET /api/users/u-2': problemResponse(404, { title: 'Not Found', status: 404 }) });
    renderCard();
    expect(await screen.findByRole('alert')).toHaveTextContent(t.notFound);
  });
});

describe('agoText', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it('says the largest whole unit', () => {
    expect(agoText('2026-12-07T11:59:30Z', now)).toBe('this minute');
    expect(agoText('2026-12-07T11:55:00Z', now)).toBe('5 minutes ago');
    expect(agoText('2026-12-07T09:00:00Z', now)).toBe('3 hours ago');
    expect(agoText('2026-12-06T12:00:00Z', now)).toBe('yesterday');
    expect(agoText('2026-11-16T12:00:00Z', now)).toBe('3 weeks ago');
  });
});
