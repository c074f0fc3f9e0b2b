import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { channelOf, jsonResponse, mockApi } from '@/testing/test-utils';
import type { UserStatus } from '@/types/api';
import { ChannelSidebar } from '../channel-sidebar';

describe('ChannelSidebar', () => {
  it('lists team channels and conversations apart, most recent first, with unread counts and presence', async () => {
    mockApi({
      'GET /api/channels': jsonResponse({
        channels: [
          channelOf('older', { lastMessageAt: '2026-11-10T00:00:00Z' }),
          channelOf('newer', { unreadCount: 3, mentionCount: 1, lastMessageAt: '2026-11-21T00:00:00Z' }),
          channelOf('dm', { type: 'messaging', name: null }),
        ],
      }),
      'GET /api/channels/dm': jsonResponse(
        channelOf('dm', {
          type: 'messaging',
          name: null,
          members: [
            { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null },
            { id: 'u-2', username: 'bob', fullName: 'Bob Builder', avatarURL: null, online: true },
          ],
        }),
      ),
    });
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <ChannelSidebar selfId="u-1" />
      </QueryClientProvider>,
    );

    const teams = await screen.findByRole('list', { name: 'Channels' });
    const links = within(teams).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      expect.stringMatching(/^newer/),
      expect.stringMatching(/^older/),
    ]);
    // The # is an icon now (an SVG hidden from screen readers), not a character of the name.
    expect(links[0].querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(links[0]).toHaveAccessibleName(/mentions you, 3 unread messages/);
    // The mention mark comes from the listed count (so it is there after a reload), only where it is > 0.
    expect(links[1]).not.toHaveAccessibleName(/mentions you/);
    const direct = screen.getByRole('list', { name: 'Direct messages' });
    expect(await within(direct).findByRole('link', { name: /Bob Builder, online/ })).toBeInTheDocument();

    // Roving focus: one tab stop, arrows move.
    expect(links[0]).toHaveAttribute('tabindex', '0');
    expect(links[1]).toHaveAttribute('tabindex', '-1');
    links[0].focus();
    await user.keyboard('{ArrowDown}');
    expect(links[1]).toHaveFocus();
    expect(links[1]).toHaveAttribute('tabindex', '0');
  });

  it('shows a person’s custom status beside their name, and not once it has expired', async () => {
    const member = (id: string, username: string, status: UserStatus | null) => ({
      id,
      username,
      fullName: username,
      avatarURL: null,
      status,
    });
    mockApi({
      'GET /api/channels': jsonResponse({
        channels: [
          channelOf('dm1', {
            type: 'messaging',
            name: null,
            direct: true,
            lastMessageAt: '2026-11-21T00:00:00Z',
          }),
          channelOf('dm2', {
            type: 'messaging',
            name: null,
            direct: true,
            lastMessageAt: '2026-11-20T00:00:00Z',
          }),
        ],
      }),
      'GET /api/channels/dm1': jsonResponse(
        channelOf('dm1', {
          type: 'messaging',
          name: null,
          direct: true,
          members: [
            member('u-1', 'ada', null),
            member('u-2', 'cleo', { emoji: '🌴', text: 'On vacation', expiresAt: null }),
          ],
        }),
      ),
      'GET /api/channels/dm2': jsonResponse(
        channelOf('dm2', {
          type: 'messaging',
          name: null,
          direct: true,
          members: [
            member('u-1', 'ada', null),
            member('u-3', 'dan', { emoji: '📅', text: 'In a meeting', expiresAt: '2020-01-01T00:00:00Z' }),
          ],
        }),
      ),
    });
    render(
      <QueryClientProvider client={createQueryClient()}>
        <ChannelSidebar selfId="u-1" />
      </QueryClientProvider>,
    );
    const direct = await screen.findByRole('list', { name: 'Direct messages' });
    const cleo = await within(direct).findByRole('link', { name: /cleo, offline, 🌴 On vacation/ });
    expect(within(cleo).getByTitle('🌴 On vacation')).toBeInTheDocument();
    const dan = await within(direct).findByRole('link', { name: /^dan, offline$/ });
    expect(dan.textContent).not.toContain('📅');
  });
});
