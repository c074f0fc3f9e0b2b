import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { localTimeIn } from '@/lib/time-zone';
import { layOutTimeline, undoTimelineLayOut } from '@/testing/lay-out';
import { channelOf, emptyResponse, jsonResponse, mockApi } from '@/testing/test-utils';
import type { User } from '@/types/api';
import { Conversation } from '../conversation';

const t = messages.conversation;
const ada = { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null };

function renderDirect(bob: User, extra: Partial<Parameters<typeof channelOf>[1]> = {}) {
  const dm = channelOf('c1', {
    type: 'messaging',
    name: null,
    private: true,
    direct: true,
    members: [{ ...ada, online: true }, bob],
    ...extra,
  });
  mockApi({
    'GET /api/channels': jsonResponse({ channels: [dm] }),
    'GET /api/channels/c1': jsonResponse(dm),
    'GET /api/channels/c1/messages': jsonResponse({ messages: [], hasMore: false }),
    'POST /api/channels/c1/read': emptyResponse(),
    // The header's pinned button asks for the pins.
    'GET /api/channels/c1/pins': jsonResponse({ messages: [] }),
    // A direct conversation shares read receipts.
    'GET /api/channels/c1/receipts': jsonResponse({ receipts: [] }),
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <Conversation channelId="c1" self={ada} isAdmin={false} />
    </QueryClientProvider>,
  );
}

describe("a direct conversation's header", () => {
  beforeEach(() => {
    layOutTimeline();
    // Only Date is faked: a fixed "now" (08:35 UTC), while timers and promises run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-15T08:35:20Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    undoTimelineLayOut();
  });

  it("shows the other person's local time in their zone", async () => {
    renderDirect({
      id: 'u-2',
      username: 'bob',
      fullName: 'Bob Builder',
      avatarURL: null,
      online: false,
      timeZone: 'Asia/Kolkata',
    });
    const heading = await screen.findByRole('heading', { level: 1, name: 'Bob Builder' });
    const header = heading.closest('header');
    const shown = localTimeIn('Asia/Kolkata');
    expect(shown).toMatch(/^(14:05|2:05\sPM)$/);
    expect(header).toHaveTextContent(t.localTime(shown!));
    // The presence word stays a text of its own beside the time (the journey finds it exactly).
    expect(within(header!).getByText(t.personOffline, { exact: true })).toBeInTheDocument();
  });

  it('shows no local time for a person who gave no zone', async () => {
    renderDirect({ id: 'u-2', username: 'bob', fullName: 'Bob Builder', avatarURL: null, timeZone: null });
    const heading = await screen.findByRole('heading', { level: 1, name: 'Bob Builder' });
    expect(heading.closest('header')).not.toHaveTextContent(/local time/);
  });
});
