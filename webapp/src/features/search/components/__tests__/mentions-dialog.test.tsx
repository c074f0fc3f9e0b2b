import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { channelOf, jsonResponse, messageOf, mockApi } from '@/testing/test-utils';
import { MentionsDialog } from '../mentions-dialog';

const channels = [channelOf('general'), channelOf('random')];

function renderDialog(onClose = vi.fn()) {
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MentionsDialog selfId="u-1" selfName="ada" onClose={onClose} />
    </QueryClientProvider>,
  );
  return { user, onClose };
}

afterEach(() => {
  window.location.hash = '';
});

describe('MentionsDialog', () => {
  it('lists the mentions newest first with their conversation, author and the mention marked', async () => {
    mockApi({
      'GET /api/channels': jsonResponse({ channels }),
      'GET /api/mentions': jsonResponse({
        messages: [
          messageOf({ seq: 9, channelId: 'random', text: '@here lunch?', createdAt: '2026-11-21T12:00:00Z' }),
          messageOf({
            seq: 7,
            channelId: 'general',
            text: 'ask @ada about it',
            createdAt: '2026-11-20T09:00:00Z',
          }),
        ],
      }),
    });
    renderDialog();
    const list = await screen.findByRole('list', { name: 'Messages that mention you' });
    const items = within(list).getAllByRole('button');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('# random');
    expect(items[0]).toHaveTextContent('@here lunch?');
    expect(items[1]).toHaveTextContent('# general');
    expect(within(items[1]).getByText('@ada').tagName).toBe('MARK');
    expect(screen.getByRole('status')).toHaveTextContent('2 mentions');
  });

  it('opens a message in its conversation at its seq, and a reply in its thread, closing the view', async () => {
    mockApi({
      'GET /api/channels': jsonResponse({ channels }),
      'GET /api/mentions': jsonResponse({
        messages: [
          messageOf({ seq: 12, id: 'r1', channelId: 'general', parentId: 'p1', text: '@channel see thread' }),
          messageOf({ seq: 7, channelId: 'general', text: 'ask @ada' }),
        ],
      }),
    });
    const { user, onClose } = renderDialog();
    await user.click(await screen.findByRole('button', { name: /ask @ada/ }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/c/general/m/7');
    await user.click(screen.getByRole('button', { name: /see thread/ }));
    expect(window.location.hash).toBe('#/c/general/t/p1');
  });

  it('says when nobody has mentioned you', async () => {
    mockApi({
      'GET /api/channels': jsonResponse({ channels }),
      'GET /api/mentions': jsonResponse({ messages: [] }),
    });
    renderDialog();
    expect(await screen.findByText('Nobody has mentioned you yet.')).toBeInTheDocument();
  });

  it('loads older mentions before the oldest one shown', async () => {
    const page = Array.from({ length: 30 }, (_, i) =>
      messageOf({
        seq: 100 - i,
        text: `@ada number ${100 - i}`,
        createdAt: `2026-11-20T10:${String(59 - i).padStart(2, '0')}:00Z`,
      }),
    );
    const { calls } = mockApi({
      'GET /api/channels': jsonResponse({ channels: [channelOf('c1')] }),
      'GET /api/mentions': [
        jsonResponse({ messages: page }),
        jsonResponse({ messages: [messageOf({ seq: 3, text: '@ada the oldest' })] }),
      ],
    });
    const { user } = renderDialog();
    await user.click(await screen.findByRole('button', { name: 'Show older mentions' }));
    expect(await screen.findByRole('button', { name: /the oldest/ })).toBeInTheDocument();
    const asked = calls
      .filter((c) => c.path === '/api/mentions')
      .map((c) => new URL(c.url, 'http://localhost'));
    expect(asked[1].searchParams.get('before')).toBe('2026-11-20T10:30:00Z');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Show older mentions' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('status')).toHaveTextContent('31 mentions');
  });
});
