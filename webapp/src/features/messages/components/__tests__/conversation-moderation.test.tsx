import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { layOutTimeline, undoTimelineLayOut } from '@/testing/lay-out';
import { channelOf, emptyResponse, jsonResponse, messageOf, mockApi } from '@/testing/test-utils';
import { Conversation } from '../conversation';

const t = messages.conversation;
const ada = { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null };

/** #general with a message by Bob and one by Ada, seen by Ada; `createdBy` made the channel. */
function renderConversation({ createdBy, isAdmin }: { createdBy: string; isAdmin: boolean }) {
  const general = channelOf('c1', { name: 'general', createdBy, lastSeq: 2 });
  mockApi({
    'GET /api/channels': jsonResponse({ channels: [general] }),
    'GET /api/channels/c1': jsonResponse({ ...general, members: [] }),
    'GET /api/channels/c1/messages': jsonResponse({
      messages: [
        messageOf({ seq: 1, text: 'from Bob' }),
        messageOf({ seq: 2, text: 'from Ada', user: ada, createdAt: '2026-01-01T10:01:00Z' }),
      ],
      hasMore: false,
    }),
    'POST /api/channels/c1/read': emptyResponse(),
    // The header's pinned button asks for the pins.
    'GET /api/channels/c1/pins': jsonResponse({ messages: [] }),
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <Conversation channelId="c1" self={ada} isAdmin={isAdmin} />
    </QueryClientProvider>,
  );
}

/** The Delete action of the message with this text, if it is offered. */
async function deleteOf(text: string) {
  const item = (await screen.findByText(text)).closest('article');
  if (!item) throw new Error(`no message "${text}"`);
  return within(item).queryByRole('button', { name: t.delete });
}

describe('Who may delete a message in a conversation', () => {
  beforeEach(() => layOutTimeline());
  afterEach(() => undoTimelineLayOut());

  it("offers another member no Delete on someone else's message, only on their own", async () => {
    renderConversation({ createdBy: 'u-3', isAdmin: false });
    expect(await deleteOf('from Ada')).toBeInTheDocument();
    expect(await deleteOf('from Bob')).not.toBeInTheDocument();
  });

  it("offers the channel's creator Delete on anybody's message", async () => {
    renderConversation({ createdBy: 'u-1', isAdmin: false });
    expect(await deleteOf('from Bob')).toBeInTheDocument();
  });

  it("offers an admin Delete on anybody's message, in a channel somebody else created", async () => {
    renderConversation({ createdBy: 'u-3', isAdmin: true });
    expect(await deleteOf('from Bob')).toBeInTheDocument();
  });
});
