import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { jsonResponse, messageOf, mockApi } from '@/testing/test-utils';
import { PinnedDialog } from '../pinned-dialog';

const t = messages.pins;
const greta = { id: 'u-3', username: 'greta', fullName: 'Greta Garbo', avatarURL: null };
const pinned = messageOf({
  seq: 4,
  id: 'm4',
  text: 'the plan',
  pinned: { by: greta, at: '2026-11-20T10:00:00Z' },
});

function renderDialog() {
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <PinnedDialog channelId="c1" selfId="u-1" onClose={onClose} />
    </QueryClientProvider>,
  );
  return { onClose, user };
}

afterEach(() => {
  window.location.hash = '';
});

describe('PinnedDialog', () => {
  it('lists the pinned messages with who pinned them, and opens one in the conversation', async () => {
    mockApi({ 'GET /api/channels/c1/pins': jsonResponse({ messages: [pinned] }) });
    const { onClose, user } = renderDialog();

    const list = await screen.findByRole('list', { name: t.list });
    const open = within(list).getByRole('button', { name: t.jump('Bob Builder') });
    expect(open).toHaveTextContent(t.pinnedBy('Greta Garbo'));
    await user.click(open);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/c/c1/m/4');
  });

  it('unpins a message, which leaves the list', async () => {
    const { callsTo } = mockApi({
      'GET /api/channels/c1/pins': jsonResponse({ messages: [pinned] }),
      'DELETE /api/messages/m4/pin': jsonResponse({ ...pinned, pinned: null }),
    });
    const { user } = renderDialog();

    await user.click(await screen.findByRole('button', { name: t.unpinOf('Bob Builder') }));

    await waitFor(() => expect(callsTo('DELETE /api/messages/m4/pin')).toHaveLength(1));
    expect(await screen.findByText(t.none)).toBeInTheDocument();
  });
});
