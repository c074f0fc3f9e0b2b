import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { channelOf, jsonResponse, messageOf, mockApi, problemResponse } from '@/testing/test-utils';
import type { Message } from '@/types/api';
import type { MessagesData } from '../../api/message-cache';
import { SavedDialog } from '../saved-dialog';

const t = messages.saved;
const channels = [channelOf('general'), channelOf('random')];
const saved = (message: Message, savedAt = '2026-11-21T12:00:00Z') => ({ savedAt, message });

function renderDialog() {
  const client = createQueryClient();
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <SavedDialog selfId="u-1" onClose={onClose} />
    </QueryClientProvider>,
  );
  return { client, onClose, user };
}

afterEach(() => {
  window.location.hash = '';
});

describe('SavedDialog', () => {
  it('lists the saved messages most recently saved first, each with its conversation, and opens one', async () => {
    mockApi({
      'GET /api/channels': jsonResponse({ channels }),
      'GET /api/saved': jsonResponse({
        items: [
          saved(messageOf({ seq: 9, channelId: 'random', text: 'the recipe' })),
          saved(messageOf({ seq: 4, channelId: 'general', text: 'the plan' }), '2026-11-20T09:00:00Z'),
        ],
      }),
    });
    const { onClose, user } = renderDialog();

    const list = await screen.findByRole('list', { name: t.list });
    const open = within(list).getAllByRole('button', { name: /^Bob Builder/ });
    expect(open).toHaveLength(2);
    expect(open[0]).toHaveTextContent('# random');
    expect(open[0]).toHaveTextContent('the recipe');
    expect(open[1]).toHaveTextContent('# general');
    expect(screen.getByRole('status')).toHaveTextContent(t.count(2));

    await user.click(open[1]);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/c/general/m/4');
  });

  it('takes a message off the list, and its mark off the conversation', async () => {
    const kept = messageOf({ seq: 4, id: 'm4', text: 'the plan', saved: true });
    const { callsTo } = mockApi({
      'GET /api/channels': jsonResponse({ channels: [channelOf('c1')] }),
      'GET /api/saved': [jsonResponse({ items: [saved(kept)] }), jsonResponse({ items: [] })],
      'DELETE /api/messages/m4/saved': jsonResponse({ ...kept, saved: false }),
    });
    const { client, user } = renderDialog();
    client.setQueryData<MessagesData>(queryKeys.messages('c1'), {
      pages: [{ messages: [kept], hasMore: false }],
      pageParams: [undefined],
    });

    await user.click(await screen.findByRole('button', { name: t.removeOf('Bob Builder') }));

    await waitFor(() => expect(callsTo('DELETE /api/messages/m4/saved')).toHaveLength(1));
    expect(await screen.findByText(t.none)).toBeInTheDocument();
    expect(client.getQueryData<MessagesData>(queryKeys.messages('c1'))?.pages[0].messages[0].saved).toBe(
      false,
    );
  });

  it('loads older saved items before the oldest one shown', async () => {
    const page = Array.from({ length: 30 }, (_, i) =>
      saved(
        messageOf({ seq: 100 - i, text: `saved ${100 - i}` }),
        `2026-11-20T10:${String(59 - i).padStart(2, '0')}:00Z`,
      ),
    );
    const { calls } = mockApi({
      'GET /api/channels': jsonResponse({ channels: [channelOf('c1')] }),
      'GET /api/saved': [
        jsonResponse({ items: page }),
        jsonResponse({ items: [saved(messageOf({ seq: 3, text: 'the oldest' }), '2026-11-19T08:00:00Z')] }),
      ],
    });
    const { user } = renderDialog();

    await user.click(await screen.findByRole('button', { name: t.more }));

    expect(await screen.findByRole('button', { name: /the oldest/ })).toBeInTheDocument();
    const asked = calls.filter((c) => c.path === '/api/saved').map((c) => new URL(c.url, 'http://localhost'));
    expect(asked[1].searchParams.get('before')).toBe('2026-11-20T10:30:00Z');
    await waitFor(() => expect(screen.queryByRole('button', { name: t.more })).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent(t.count(31));
  });

  it('says so when the list cannot be loaded', async () => {
    mockApi({
      'GET /api/channels': jsonResponse({ channels }),
      'GET /api/saved': problemResponse(403),
    });
    renderDialog();
    expect(await screen.findByText(t.failed)).toBeInTheDocument();
  });
});
