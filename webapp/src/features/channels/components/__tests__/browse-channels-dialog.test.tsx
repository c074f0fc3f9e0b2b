import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { channelOf, jsonResponse, mockApi, type RecordedCall, problemResponse } from '@/testing/test-utils';
import type { Channel } from '@/types/api';
import { BrowseChannelsDialog } from '../browse-channels-dialog';

const t = messages.browse;

const channel = (id: string, overrides: Partial<Channel> = {}) =>
  channelOf(id, { createdBy: 'u-2', ...overrides });

/** The address (path and query) of every GET /api/channels/discover the dialog sent. */
function discoverUrls(calls: RecordedCall[]): string[] {
  return calls.filter((c) => c.path === '/api/channels/discover').map((c) => c.url);
}

function renderDialog() {
  const client = createQueryClient();
  // The sidebar's list is loaded: a joined channel must show up in it.
  client.setQueryData<Channel[]>(queryKeys.channels, [channel('general', { createdBy: 'u-1' })]);
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <BrowseChannelsDialog onClose={onClose} />
    </QueryClientProvider>,
  );
  return { client, onClose, user };
}

afterEach(() => {
  window.history.replaceState(null, '', window.location.pathname);
});

describe('BrowseChannelsDialog', () => {
  it('lists the public channels the server offers and searches them with the typed query', async () => {
    const { calls } = mockApi({
      'GET /api/channels/discover': (request) =>
        new URL(request.url).searchParams.get('q') === 'des'
          ? jsonResponse({ channels: [channel('design', { memberCount: 1 })] })
          : jsonResponse({
              channels: [
                channel('design', { memberCount: 1 }),
                channel('random', { description: 'Anything goes', memberCount: 5 }),
              ],
            }),
    });
    const { user } = renderDialog();

    const dialog = screen.getByRole('dialog', { name: t.title });
    const list = within(dialog).getByRole('list', { name: t.results });
    expect(await within(list).findByRole('button', { name: t.join('random') })).toBeInTheDocument();
    expect(within(list).getByRole('button', { name: t.join('design') })).toBeInTheDocument();
    expect(list).toHaveTextContent(`Anything goes · ${t.members(5)}`);
    expect(list).toHaveTextContent(t.members(1));
    expect(discoverUrls(calls)).toEqual(['/api/channels/discover?q=']);

    const search = within(dialog).getByRole('searchbox', { name: t.search });
    expect(search).toHaveFocus();
    await user.type(search, ' des ');
    await waitFor(() => expect(discoverUrls(calls)).toContain('/api/channels/discover?q=des'));
    await waitFor(() =>
      expect(within(list).queryByRole('button', { name: t.join('random') })).not.toBeInTheDocument(),
    );
    expect(await within(list).findByRole('button', { name: t.join('design') })).toBeInTheDocument();
    // The query is trimmed (debouncing normally leaves just the one search for "des").
    for (const url of discoverUrls(calls)) expect(url).toMatch(/^\/api\/channels\/discover\?q=(d|de|des)?$/);
  });

  it('says so when there is nothing to join', async () => {
    mockApi({ 'GET /api/channels/discover': jsonResponse({ channels: [] }) });
    renderDialog();
    const list = screen.getByRole('list', { name: t.results });
    expect(await within(list).findByText(t.none)).toBeInTheDocument();
    expect(within(list).queryByRole('button')).not.toBeInTheDocument();
  });

  it('joins a channel with POST /join, puts it in the channel list, opens it and closes', async () => {
    const joined = channel('design', { memberCount: 2, unreadCount: null });
    const { calls, callsTo } = mockApi({
      'GET /api/channels/discover': jsonResponse({ channels: [channel('design', { memberCount: 1 })] }),
      'POST /api/channels/design/join': jsonResponse(joined),
    });
    const { client, onClose, user } = renderDialog();

    await user.click(await screen.findByRole('button', { name: t.join('design') }));

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    const [join] = callsTo('POST /api/channels/design/join');
    expect(join).toMatchObject({ method: 'POST', path: '/api/channels/design/join', body: undefined });
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(1);
    expect(window.location.hash).toBe('#/c/design');
    expect(client.getQueryData<Channel[]>(queryKeys.channels)?.map((c) => [c.id, c.unreadCount])).toEqual([
      ['design', 0],
      ['general', 0],
    ]);
  });

  it('joins with the keyboard: Tab from the search field to a Join button and Enter', async () => {
    const { callsTo } = mockApi({
      'GET /api/channels/discover': jsonResponse({ channels: [channel('design')] }),
      'POST /api/channels/design/join': jsonResponse(channel('design')),
    });
    const { onClose, user } = renderDialog();
    const join = await screen.findByRole('button', { name: t.join('design') });

    expect(screen.getByRole('searchbox', { name: t.search })).toHaveFocus();
    await user.tab();
    expect(join).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(callsTo('POST /api/channels/design/join')).toHaveLength(1);
    expect(window.location.hash).toBe('#/c/design');
  });

  it('shows the server’s refusal to join and stays open', async () => {
    const { callsTo } = mockApi({
      'GET /api/channels/discover': jsonResponse({ channels: [channel('design')] }),
      'POST /api/channels/design/join': problemResponse(403, {
        title: 'Forbidden',
        detail: 'This channel is private.',
      }),
    });
    const { client, onClose, user } = renderDialog();

    await user.click(await screen.findByRole('button', { name: t.join('design') }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This channel is private.');
    expect(callsTo('POST /api/channels/design/join')).toHaveLength(1);
    expect(onClose).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('');
    expect(client.getQueryData<Channel[]>(queryKeys.channels)?.map((c) => c.id)).toEqual(['general']);
    expect(screen.getByRole('button', { name: t.join('design') })).toBeEnabled();
  });

  it('says so when the search fails, and keeps the last results on screen while the next search is on its way', async () => {
    let answerSecond: (response: Response) => void = () => {};
    const { calls } = mockApi({
      'GET /api/channels/discover': [
        jsonResponse({ channels: [channel('design')] }),
        () => new Promise<Response>((resolve) => (answerSecond = resolve)),
        problemResponse(400, { title: 'Bad Request', detail: 'q is too long.' }),
      ],
    });
    const { user } = renderDialog();
    await screen.findByRole('button', { name: t.join('design') });

    await user.type(screen.getByRole('searchbox', { name: t.search }), 'des');
    await waitFor(() => expect(discoverUrls(calls)).toHaveLength(2));
    // The second search has not answered: the first results stay instead of an empty list.
    expect(screen.getByRole('button', { name: t.join('design') })).toBeInTheDocument();
    expect(screen.queryByText(t.none)).not.toBeInTheDocument();
    answerSecond(jsonResponse({ channels: [channel('design-team')] }));
    await screen.findByRole('button', { name: t.join('design-team') });

    await user.type(screen.getByRole('searchbox', { name: t.search }), 'x');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('q is too long.'));
  });
});
