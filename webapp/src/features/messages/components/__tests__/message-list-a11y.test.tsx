import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { upsertMessage } from '../../api/message-cache';
import { createQueryClient } from '@/lib/query-client';
import { layOutTimeline, undoTimelineLayOut } from '@/testing/lay-out';
import { channelOf, emptyResponse, jsonResponse, messageOf, mockApi } from '@/testing/test-utils';
import { Conversation } from '../conversation';

const t = messages.conversation;
const self = { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null };

const general = channelOf('c1', {
  name: 'general',
  createdBy: 'u-2',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  lastSeq: 2,
  lastMessageAt: '2026-01-01T10:01:00Z',
});

function renderConversation() {
  mockApi({
    'GET /api/channels': jsonResponse({ channels: [general] }),
    'GET /api/channels/c1': jsonResponse({ ...general, members: [] }),
    'GET /api/channels/c1/messages': jsonResponse({
      messages: [messageOf({ seq: 1 }), messageOf({ seq: 2, createdAt: '2026-01-01T10:01:00Z' })],
      hasMore: false,
    }),
    'POST /api/channels/c1/read': emptyResponse(),
    // The header's pinned button asks for the pins.
    'GET /api/channels/c1/pins': jsonResponse({ messages: [] }),
  });
  const client = createQueryClient();
  render(
    <QueryClientProvider client={client}>
      <Conversation channelId="c1" self={self} />
    </QueryClientProvider>,
  );
  return client;
}

describe('The message list, for screen readers', () => {
  beforeEach(() => layOutTimeline());
  afterEach(() => undoTimelineLayOut());

  it('is a list named for the channel that announces added messages politely', async () => {
    renderConversation();

    const list = await screen.findByRole('list', { name: t.timelineLabel('general') });
    expect(list).toHaveAttribute('aria-live', 'polite');
    // Only what arrives is read out, not the whole list again on every change.
    expect(list).toHaveAttribute('aria-relevant', 'additions');
  });

  it('scrolls in a named region that the keyboard can reach', async () => {
    renderConversation();

    const scroller = await screen.findByRole('region', { name: t.timelineLabel('general') });
    // Reachable from the keyboard, to scroll the history without a mouse.
    expect(scroller).toHaveAttribute('tabindex', '0');
    expect(within(scroller).getByRole('list', { name: t.timelineLabel('general') })).toBeInTheDocument();
  });

  it('adds a message that arrives into that live list', async () => {
    const client = renderConversation();
    const list = await screen.findByRole('list', { name: t.timelineLabel('general') });
    expect(await within(list).findByText('text 2')).toBeInTheDocument();

    act(() => {
      upsertMessage(client, messageOf({ seq: 3, text: 'a new message', createdAt: '2026-01-01T10:02:00Z' }));
    });
    expect(await within(list).findByText('a new message')).toBeInTheDocument();
  });
});
