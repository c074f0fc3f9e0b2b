import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { jsonResponse, messageOf, mockApi } from '@/testing/test-utils';
import type { Message, Reaction } from '@/types/api';
import { useMessages } from '../../api/get-messages';
import { useTimelineHandlers } from '../../hooks/use-timeline-handlers';
import { MessageItem } from '../message-item';

const t = messages.conversation;
const self = { id: 'u-1', username: 'ada' };

/** Bob's message m1: 👍 twice, one of them Ada's; ❤️ once, by someone else. */
const reactions: Reaction[] = [
  { type: 'thumbsup', count: 2, me: true, userIds: ['u-1', 'u-3'] },
  { type: 'heart', count: 1, me: false, userIds: ['u-3'] },
];

/** The channel's cached history and the timeline's handlers, as the conversation wires them. */
function Timeline() {
  const history = useMessages('c1');
  const { handlers } = useTimelineHandlers(self);
  const message = history.data?.pages[0].messages[0];
  if (!message) return null;
  return (
    <MessageItem
      message={message}
      grouped={false}
      selfId={self.id}
      canModerate={false}
      editing={false}
      savingEdit={false}
      handlers={handlers}
    />
  );
}

function renderMessage(message: Message) {
  const client = createQueryClient();
  client.setQueryData(queryKeys.messages('c1'), {
    pages: [{ messages: [message], hasMore: false }],
    pageParams: [undefined],
  });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <Timeline />
    </QueryClientProvider>,
  );
  return { user, article: screen.getByRole('article', { name: message.user.fullName }) };
}

/** The server answers every reaction call with the message as it then is. */
function mockReactions(after: Reaction[]) {
  const answer = () => jsonResponse(messageOf({ reactions: after }));
  return mockApi({
    'PUT /api/messages/m1/reactions/heart': answer,
    'PUT /api/messages/m1/reactions/tada': answer,
    'DELETE /api/messages/m1/reactions/thumbsup': answer,
  });
}

describe('Reacting to a message', () => {
  it('removes your own reaction when you click it: DELETE /api/messages/{id}/reactions/{type}', async () => {
    const { calls } = mockReactions([
      reactions[1],
      { ...reactions[0], count: 1, me: false, userIds: ['u-3'] },
    ]);
    const { user, article } = renderMessage(messageOf({ reactions }));

    const mine = within(article).getByRole('button', { name: t.reactionLabel('thumbsup', 2, true) });
    expect(mine).toHaveAttribute('aria-pressed', 'true');
    await user.click(mine);

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'DELETE', path: '/api/messages/m1/reactions/thumbsup' });
    // Shown at once, and kept after the answer: one 👍 left, not yours.
    expect(
      await within(article).findByRole('button', { name: t.reactionLabel('thumbsup', 1, false) }),
    ).toHaveAttribute('aria-pressed', 'false');
    expect(calls).toHaveLength(1);
  });

  it('adds a reaction you did not give when you click it: PUT /api/messages/{id}/reactions/{type}', async () => {
    const { calls } = mockReactions([
      reactions[0],
      { ...reactions[1], count: 2, me: true, userIds: ['u-3', 'u-1'] },
    ]);
    const { user, article } = renderMessage(messageOf({ reactions }));

    const theirs = within(article).getByRole('button', { name: t.reactionLabel('heart', 1, false) });
    expect(theirs).toHaveAttribute('aria-pressed', 'false');
    await user.click(theirs);

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'PUT', path: '/api/messages/m1/reactions/heart' });
    expect(
      await within(article).findByRole('button', { name: t.reactionLabel('heart', 2, true) }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('adds the reaction chosen in the reaction picker: PUT /api/messages/{id}/reactions/{type}', async () => {
    const { calls } = mockReactions([...reactions, { type: 'tada', count: 1, me: true, userIds: ['u-1'] }]);
    const { user, article } = renderMessage(messageOf({ reactions }));

    await user.click(within(article).getByRole('button', { name: t.react }));
    const picker = within(article).getByRole('group', { name: t.react });
    await user.click(within(picker).getByRole('button', { name: t.reactWith('tada') }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'PUT', path: '/api/messages/m1/reactions/tada' });
    expect(
      await within(article).findByRole('button', { name: t.reactionLabel('tada', 1, true) }),
    ).toBeInTheDocument();
    expect(within(article).queryByRole('group', { name: t.react })).not.toBeInTheDocument();
  });

  it('removes your reaction when you choose it again in the picker: DELETE, not a second PUT', async () => {
    const { calls } = mockReactions([
      reactions[1],
      { ...reactions[0], count: 1, me: false, userIds: ['u-3'] },
    ]);
    const { user, article } = renderMessage(messageOf({ reactions }));

    await user.click(within(article).getByRole('button', { name: t.react }));
    await user.click(within(article).getByRole('button', { name: t.reactWith('thumbsup') }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'DELETE', path: '/api/messages/m1/reactions/thumbsup' });
  });
});
