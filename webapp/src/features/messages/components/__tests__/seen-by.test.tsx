import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { setReceipt } from '../../api/message-cache';
import { createQueryClient } from '@/lib/query-client';
import { layOutTimeline, undoTimelineLayOut } from '@/testing/lay-out';
import { channelOf, emptyResponse, jsonResponse, messageOf, mockApi } from '@/testing/test-utils';
import { Conversation } from '../conversation';

const t = messages.conversation;
const ada = { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null };
const bob = { id: 'u-2', username: 'bob', fullName: 'Bob Byte', avatarURL: null };
const cyd = { id: 'u-3', username: 'cyd', fullName: 'Cyd Charisse', avatarURL: null };

function renderGroup(memberCount: number) {
  const group = channelOf('c1', { type: 'messaging', name: null, memberCount, lastSeq: 3 });
  const fetched = mockApi({
    'GET /api/channels': jsonResponse({ channels: [group] }),
    'GET /api/channels/c1': jsonResponse({ ...group, members: [ada, bob, cyd] }),
    'GET /api/channels/c1/messages': jsonResponse({
      messages: [
        messageOf({ seq: 1, text: 'from Bob', user: bob }),
        messageOf({ seq: 2, text: 'first from Ada', user: ada, createdAt: '2026-01-01T10:01:00Z' }),
        messageOf({ seq: 3, text: 'second from Ada', user: ada, createdAt: '2026-01-01T10:02:00Z' }),
      ],
      hasMore: false,
    }),
    'GET /api/channels/c1/receipts': jsonResponse({ receipts: [{ userId: 'u-2', seq: 2 }] }),
    'POST /api/channels/c1/read': emptyResponse(),
    // The header's pinned button asks for the pins.
    'GET /api/channels/c1/pins': jsonResponse({ messages: [] }),
  });
  const client = createQueryClient();
  render(
    <QueryClientProvider client={client}>
      <Conversation channelId="c1" self={ada} />
    </QueryClientProvider>,
  );
  return { client, fetched };
}

describe('Read receipts in a group conversation', () => {
  beforeEach(() => layOutTimeline());
  afterEach(() => undoTimelineLayOut());

  it('says "Seen by" under the last message each other member has read, and follows receipt.updated live', async () => {
    const { client } = renderGroup(3);
    const seen = await screen.findByText(t.seenBy(['Bob Byte']));
    expect(seen.closest('li')).toHaveTextContent('first from Ada');

    act(() => setReceipt(client, 'c1', { userId: 'u-3', seq: 3 }));
    expect(await screen.findByText(t.seenBy(['Cyd Charisse']))).toBeInTheDocument();
    act(() => setReceipt(client, 'c1', { userId: 'u-2', seq: 3 }));
    const both = await screen.findByText(t.seenBy(['Bob Byte', 'Cyd Charisse']));
    expect(both.closest('li')).toHaveTextContent('second from Ada');
    expect(screen.queryByText(t.seenBy(['Bob Byte']))).not.toBeInTheDocument();
    // An older frame arriving late moves nothing back.
    act(() => setReceipt(client, 'c1', { userId: 'u-2', seq: 1 }));
    expect(screen.getByText(t.seenBy(['Bob Byte', 'Cyd Charisse']))).toBeInTheDocument();
  });

  it('asks for no receipts in a group bigger than the server shares them for', async () => {
    const { fetched } = renderGroup(11);
    expect(await screen.findByText('second from Ada')).toBeInTheDocument();
    expect(fetched.callsTo('GET /api/channels/c1/receipts')).toHaveLength(0);
    expect(screen.queryByText(/Seen by/)).not.toBeInTheDocument();
  });
});
