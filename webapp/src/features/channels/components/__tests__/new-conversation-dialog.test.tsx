import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';
import type { Channel, User } from '@/types/api';
import { NewConversationDialog } from '../new-conversation-dialog';

const t = messages.newConversation;
const picker = messages.userPicker;

const ada: User = { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null };
const bob: User = { id: 'u-2', username: 'bob', fullName: 'Bob Builder', avatarURL: null };
const carol: User = { id: 'u-3', username: 'carol', fullName: 'Carol Shaw', avatarURL: null };
const dan: User = { id: 'u-4', username: 'dan', fullName: 'Dan Brown', avatarURL: null };

function conversation(memberList: User[]): Channel {
  return {
    id: 'dm1',
    type: 'messaging',
    name: null,
    description: null,
    private: true,
    createdBy: 'u-1',
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    memberCount: memberList.length,
    lastSeq: 0,
    lastMessageAt: null,
    unreadCount: 0,
    members: memberList,
  };
}

/** GET /api/users answers by its q with the people whose username starts with it, and always with Ada, the caller. */
function usersRoute(request: Request) {
  const q = new URL(request.url).searchParams.get('q') ?? '';
  return jsonResponse({
    users: [ada, bob, carol, dan].filter((u) => u === ada || u.username.startsWith(q)),
  });
}

function renderDialog() {
  const client = createQueryClient();
  client.setQueryData<Channel[]>(queryKeys.channels, []);
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <NewConversationDialog selfId="u-1" onClose={onClose} />
    </QueryClientProvider>,
  );
  const dialog = screen.getByRole('dialog', { name: t.title });
  return {
    client,
    onClose,
    user,
    dialog,
    search: within(dialog).getByRole('searchbox', { name: picker.search }),
  };
}

afterEach(() => {
  window.history.replaceState(null, '', window.location.pathname);
});

describe('NewConversationDialog', () => {
  it('starts a messaging channel with the chosen people and opens it', async () => {
    const started = conversation([ada, bob, carol]);
    const mock = mockApi({
      'GET /api/users': usersRoute,
      'POST /api/channels': jsonResponse(started, 201),
    });
    const { client, onClose, user, dialog, search } = renderDialog();

    for (const person of [bob, carol]) {
      await user.type(search, person.username.slice(0, 2));
      await user.click(await within(dialog).findByRole('button', { name: picker.add(person.fullName) }));
    }
    const chosen = within(dialog).getByRole('list', { name: picker.selected });
    expect(
      within(chosen)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining(bob.fullName), expect.stringContaining(carol.fullName)]);

    await user.click(within(dialog).getByRole('button', { name: t.submit }));

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    const sent = mock.calls.filter((c) => c.method !== 'GET');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/api/channels' });
    expect(sent[0].body).toStrictEqual({ type: 'messaging', memberIds: ['u-2', 'u-3'] });
    expect(window.location.hash).toBe('#/c/dm1');
    expect(client.getQueryData<Channel[]>(queryKeys.channels)?.map((c) => c.id)).toEqual(['dm1']);
    // The conversation's members are known at once, so it is named without asking again.
    expect(client.getQueryData<Channel>(queryKeys.channel('dm1'))?.members).toEqual([ada, bob, carol]);
  });

  it('takes a chosen person off again with their Remove button', async () => {
    const mock = mockApi({
      'GET /api/users': usersRoute,
      'POST /api/channels': jsonResponse(conversation([ada, bob]), 201),
    });
    const { onClose, user, dialog, search } = renderDialog();
    await user.type(search, 'da');
    await user.click(await within(dialog).findByRole('button', { name: picker.add(dan.fullName) }));

    await user.click(within(dialog).getByRole('button', { name: picker.remove(dan.fullName) }));

    expect(within(dialog).queryByRole('list', { name: picker.selected })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: t.submit }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(t.pickSomeone);
    expect(mock.callsTo('POST /api/channels')).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks to choose someone and sends nothing when nobody is chosen', async () => {
    const { calls } = mockApi({});
    const { onClose, user, dialog } = renderDialog();

    await user.click(within(dialog).getByRole('button', { name: t.submit }));

    expect(within(dialog).getByRole('alert')).toHaveTextContent(t.pickSomeone);
    expect(calls).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('works from the keyboard: the search has focus, Enter adds a found person and Enter starts', async () => {
    const mock = mockApi({
      'GET /api/users': usersRoute,
      'POST /api/channels': jsonResponse(conversation([ada, bob]), 201),
    });
    const { onClose, user, dialog, search } = renderDialog();

    expect(search).toHaveFocus();
    await user.keyboard('bo');
    const add = await within(dialog).findByRole('button', { name: picker.add(bob.fullName) });
    await user.tab();
    expect(add).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('list', { name: picker.selected })).toHaveTextContent(bob.fullName);
    // The chosen result leaves the list: the focus is back in the search, where Enter (nothing typed) starts.
    expect(search).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(mock.callsTo('POST /api/channels')[0].body).toStrictEqual({
      type: 'messaging',
      memberIds: ['u-2'],
    });
    expect(window.location.hash).toBe('#/c/dm1');
  });

  it('adds the first person found with Enter in the search, sending nothing, then starts with Enter', async () => {
    const mock = mockApi({
      'GET /api/users': usersRoute,
      'POST /api/channels': jsonResponse(conversation([ada, bob]), 201),
    });
    const { onClose, user, dialog, search } = renderDialog();

    await user.keyboard('bo');
    await within(dialog).findByRole('button', { name: picker.add(bob.fullName) });
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('list', { name: picker.selected })).toHaveTextContent(bob.fullName);
    expect(search).toHaveValue('');
    expect(search).toHaveFocus();
    expect(mock.callsTo('POST /api/channels')).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();

    await user.keyboard('{Enter}');
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(mock.callsTo('POST /api/channels').map((c) => c.body)).toEqual([
      { type: 'messaging', memberIds: ['u-2'] },
    ]);
  });

  it('shows the server’s error and stays open', async () => {
    mockApi({
      'GET /api/users': usersRoute,
      'POST /api/channels': problemResponse(403, {
        title: 'Forbidden',
        detail: 'Bob does not accept messages.',
      }),
    });
    const { onClose, user, dialog, search } = renderDialog();

    await user.type(search, 'bo');
    await user.click(await within(dialog).findByRole('button', { name: picker.add(bob.fullName) }));
    await user.click(within(dialog).getByRole('button', { name: t.submit }));

    expect(await within(dialog).findByText('Bob does not accept messages.')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Bob does not accept messages.');
    expect(onClose).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('');
  });
});
