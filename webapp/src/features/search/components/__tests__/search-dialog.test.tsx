import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { getLocation } from '@/lib/navigation';
import { queryKeys } from '@/lib/query-keys';
import { channelOf, jsonResponse, messageOf, mockApi, problemResponse } from '@/testing/test-utils';
import type { Channel } from '@/types/api';
import { SearchDialog } from '../search-dialog';

const t = messages.search;

function renderSearch(initialQuery: string) {
  const client = createQueryClient();
  client.setQueryData<Channel[]>(queryKeys.channels, [
    channelOf('c1', { name: 'design' }),
    channelOf('c2', { name: 'ops' }),
  ]);
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <SearchDialog selfId="u-1" initialQuery={initialQuery} onClose={onClose} />
    </QueryClientProvider>,
  );
  return { onClose, user };
}

afterEach(() => {
  window.history.replaceState(null, '', window.location.pathname);
});

describe('SearchDialog', () => {
  it('sends the query as typed, groups the results by conversation in the server order and marks the words', async () => {
    const { calls } = mockApi({
      'GET /api/search/messages': jsonResponse({
        messages: [
          messageOf({ seq: 7, channelId: 'c2', text: 'the Budget for Q3 is final' }),
          messageOf({ seq: 3, channelId: 'c1', text: 'draft budget attached' }),
          messageOf({ seq: 2, channelId: 'c2', text: 'budget meeting moved' }),
        ],
        terms: ['budget'],
      }),
    });
    renderSearch('budget in:#ops');

    const groups = await screen.findAllByRole('heading', { level: 3 });
    expect(groups.map((h) => h.textContent)).toEqual(['ops', 'design']);
    const url = new URL(calls.at(-1)?.url ?? '', 'http://localhost');
    expect(url.searchParams.get('q')).toBe('budget in:#ops');
    const ops = screen.getByRole('list', { name: t.results('ops') });
    expect(within(ops).getAllByRole('button')).toHaveLength(2);
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Budget',
      'budget',
      'budget',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(t.count(3));
  });

  it('opens a result at its message, and a reply in its thread', async () => {
    mockApi({
      'GET /api/search/messages': jsonResponse({
        messages: [
          messageOf({ seq: 42, channelId: 'c1', text: 'found it' }),
          messageOf({ seq: 43, channelId: 'c1', text: 'found in a reply', id: 'r1', parentId: 'p1' }),
        ],
        terms: ['found'],
      }),
    });
    const { onClose, user } = renderSearch('found');

    await user.click(await screen.findByRole('button', { name: /found it/ }));
    expect(onClose).toHaveBeenCalled();
    expect(getLocation()).toMatchObject({ channelId: 'c1', threadId: null, messageSeq: 42 });

    await user.click(screen.getByRole('button', { name: /found in a reply/ }));
    expect(getLocation()).toMatchObject({ channelId: 'c1', threadId: 'p1', messageSeq: null });
  });

  it('says when nothing matched and shows the server refusing a malformed filter', async () => {
    mockApi({
      'GET /api/search/messages': [
        jsonResponse({ messages: [], terms: ['zzz'] }),
        problemResponse(400, { detail: 'before: takes a date such as 2026-12-31.' }),
      ],
    });
    const { user } = renderSearch('zzz');
    expect(await screen.findByText(t.none)).toBeInTheDocument();

    const box = screen.getByRole('searchbox', { name: t.input });
    await user.clear(box);
    await user.type(box, 'before:soon');
    // The alert region is always there (empty), so that a screen reader announces what is written into it.
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/before: takes a date/), {
      timeout: 5000,
    });
  });
});
