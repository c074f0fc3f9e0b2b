import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { getOutbox, reloadOutbox, useOutbox } from '@/lib/outbox';
import { createQueryClient } from '@/lib/query-client';
import { jsonResponse, messageHandlers, messageOf, mockApi, problemResponse } from '@/testing/test-utils';
import { useSendMessage } from '../../hooks/use-send-message';
import { useTimelineHandlers } from '../../hooks/use-timeline-handlers';
import { type TimelineMessage, mergePending } from '../../utils/timeline';
import { MessageItem } from '../message-item';

const t = messages.conversation;
const self = { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null };

function itemProps(message: TimelineMessage) {
  return { message, grouped: false, selfId: self.id, canModerate: false, editing: false, savingEdit: false };
}

/** What the conversation does with the outbox: its entries shown as messages, with the timeline's handlers. */
function Timeline({ channelId }: { channelId: string }) {
  const outbox = useOutbox(self.id);
  const { send } = useSendMessage(self);
  const { handlers } = useTimelineHandlers(self);
  const list = mergePending([], outbox, self);
  return (
    <>
      <button type="button" onClick={() => send(channelId, 'hello world')}>
        write
      </button>
      {list.map((m) => (
        <MessageItem key={m.clientMessageId} {...itemProps(m)} handlers={handlers} />
      ))}
    </>
  );
}

describe('A message whose send failed', () => {
  afterEach(() => {
    window.localStorage.clear();
    reloadOutbox();
  });

  it('is marked as not sent with Retry and Discard controls, which call back with that message', async () => {
    const user = userEvent.setup();
    const handlers = messageHandlers();
    const failed: TimelineMessage = { ...messageOf({ user: self, text: 'lost words' }), pending: 'failed' };
    render(<MessageItem {...itemProps(failed)} handlers={handlers} />);

    const article = screen.getByRole('article', { name: self.fullName });
    expect(within(article).getByText(t.failed)).toBeVisible();
    expect(within(article).queryByText(t.sending)).not.toBeInTheDocument();
    // Not something to react to or edit until the server has it.
    expect(within(article).queryByRole('group', { name: t.messageActions })).not.toBeInTheDocument();

    await user.click(within(article).getByRole('button', { name: t.retry }));
    expect(handlers.onRetry).toHaveBeenCalledExactlyOnceWith(failed);
    expect(handlers.onDiscard).not.toHaveBeenCalled();

    await user.click(within(article).getByRole('button', { name: t.discard }));
    expect(handlers.onDiscard).toHaveBeenCalledExactlyOnceWith(failed);
  });

  it('shows no Retry control while it is still being sent', () => {
    const sending: TimelineMessage = { ...messageOf({ user: self }), pending: 'sending' };
    render(<MessageItem {...itemProps(sending)} handlers={messageHandlers()} />);
    expect(screen.getByText(t.sending)).toBeInTheDocument();
    expect(screen.queryByText(t.failed)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t.retry })).not.toBeInTheDocument();
  });

  it('is posted again with the same clientMessageId when Retry is pressed, and then leaves the failed state', async () => {
    let reject = true;
    const { calls, callsTo } = mockApi({
      'POST /api/channels/c1/messages': () => {
        const body = calls[calls.length - 1].body as { text: string; clientMessageId: string };
        if (reject) return problemResponse(400, { detail: 'Try again later' });
        return jsonResponse(messageOf({ user: self, seq: 7, ...body }), 201);
      },
    });
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <Timeline channelId="c1" />
      </QueryClientProvider>,
    );

    await user.click(screen.getByRole('button', { name: 'write' }));
    const article = await screen.findByRole('article', { name: self.fullName });
    expect(await within(article).findByText(t.failed)).toBeVisible();
    expect(within(article).getByText('hello world')).toBeInTheDocument();
    const posts = callsTo('POST /api/channels/c1/messages');
    expect(posts).toHaveLength(1);
    const first = posts[0].body as { text: string; clientMessageId: string };
    expect(first.clientMessageId).toEqual(expect.any(String));

    reject = false;
    await user.click(within(article).getByRole('button', { name: t.retry }));
    await waitFor(() => expect(callsTo('POST /api/channels/c1/messages')).toHaveLength(2));
    expect(callsTo('POST /api/channels/c1/messages')[1].body).toEqual({
      text: 'hello world',
      clientMessageId: first.clientMessageId,
    });
    await waitFor(() => expect(getOutbox()).toHaveLength(0));
    expect(screen.queryByText(t.failed)).not.toBeInTheDocument();
  });
});
