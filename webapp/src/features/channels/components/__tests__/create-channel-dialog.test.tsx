import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { channelOf, jsonResponse, mockApi, type RecordedCall, problemResponse } from '@/testing/test-utils';
import type { Channel, User } from '@/types/api';
import { CreateChannelDialog } from '../create-channel-dialog';

const t = messages.createChannel;
const picker = messages.userPicker;

const ada: User = { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null };
const grace: User = { id: 'u-3', username: 'grace', fullName: 'Grace Hopper', avatarURL: null };
const greg: User = { id: 'u-4', username: 'greg', fullName: 'Greg House', avatarURL: null };

const channel = (id: string, overrides: Partial<Channel> = {}) =>
  channelOf(id, { memberCount: 1, lastSeq: 0, lastMessageAt: null, ...overrides });

/** GET /api/users answers by its q with the matching people, and always with Ada, the caller. */
function usersRoute(request: Request) {
  const q = new URL(request.url).searchParams.get('q') ?? '';
  const users = [ada, grace, greg].filter(
    (u) => u.id === ada.id || u.username.startsWith(q) || u.fullName.toLowerCase().startsWith(q),
  );
  return jsonResponse({ users });
}

function userSearchUrls(calls: RecordedCall[]): string[] {
  return calls.filter((c) => c.path === '/api/users').map((c) => c.url);
}

function renderDialog() {
  const client = createQueryClient();
  client.setQueryData<Channel[]>(queryKeys.channels, [channel('general')]);
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <CreateChannelDialog selfId="u-1" onClose={onClose} />
    </QueryClientProvider>,
  );
  return { client, onClose, user, dialog: screen.getByRole('dialog', { name: t.title }) };
}

afterEach(() => {
  window.history.replaceState(null, '', window.location.pathname);
});

describe('CreateChannelDialog', () => {
  it('sends a team channel with the trimmed name and description and the private choice, then opens it', async () => {
    const created = channel('c9', { name: 'design-team', description: 'Design talk', private: true });
    const { calls, callsTo } = mockApi({ 'POST /api/channels': jsonResponse(created, 201) });
    const { client, onClose, user, dialog } = renderDialog();

    await user.type(within(dialog).getByRole('textbox', { name: t.name }), ' design-team ');
    await user.type(
      within(dialog).getByRole('textbox', { name: new RegExp(`^${t.description}`) }),
      'Design talk ',
    );
    await user.click(within(dialog).getByRole('checkbox', { name: t.private }));
    await user.click(within(dialog).getByRole('button', { name: t.submit }));

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(calls).toHaveLength(1);
    const [post] = callsTo('POST /api/channels');
    expect(post.headers.get('Content-Type')).toBe('application/json');
    expect(post.body).toStrictEqual({
      type: 'team',
      name: 'design-team',
      description: 'Design talk',
      private: true,
      memberIds: [],
    });
    expect(window.location.hash).toBe('#/c/c9');
    expect(client.getQueryData<Channel[]>(queryKeys.channels)?.map((c) => c.id)).toEqual(['c9', 'general']);
  });

  it('adds the people picked by searching users, never the caller, to memberIds', async () => {
    const mock = mockApi({
      'GET /api/users': usersRoute,
      'POST /api/channels': jsonResponse(channel('c9'), 201),
    });
    const { onClose, user, dialog } = renderDialog();
    const members = within(dialog).getByRole('group', { name: t.members });
    const search = within(members).getByRole('searchbox', { name: picker.search });

    await user.type(within(dialog).getByRole('textbox', { name: t.name }), 'design');
    await user.type(search, 'gr');
    await user.click(await within(members).findByRole('button', { name: picker.add(grace.fullName) }));
    await user.type(search, 'gr');
    await user.click(await within(members).findByRole('button', { name: picker.add(greg.fullName) }));
    expect(userSearchUrls(mock.calls)).toContain('/api/users?q=gr&limit=20');
    // The search answered with Ada (the caller) too; she is never offered, nor is a person already chosen.
    await user.type(search, 'gr');
    expect(await within(members).findByRole('list', { name: picker.results })).toHaveTextContent(
      picker.noResults,
    );
    const chosen = within(members).getByRole('list', { name: picker.selected });
    expect(
      within(chosen)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining(grace.fullName), expect.stringContaining(greg.fullName)]);

    await user.click(within(dialog).getByRole('button', { name: t.submit }));

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(mock.callsTo('POST /api/channels')[0].body).toStrictEqual({
      type: 'team',
      name: 'design',
      private: false,
      memberIds: ['u-3', 'u-4'],
    });
  });

  it('Enter in the people search adds the first match and keeps the focus there; it does not create the channel', async () => {
    const created = channel('c9', { name: 'design-team', memberCount: 2 });
    const mock = mockApi({
      'GET /api/users': usersRoute,
      'POST /api/channels': jsonResponse(created, 201),
    });
    const { onClose, user, dialog } = renderDialog();
    await user.type(within(dialog).getByRole('textbox', { name: t.name }), 'design-team');
    const search = within(dialog).getByRole('searchbox', { name: picker.search });

    await user.type(search, 'gra');
    await within(dialog).findByRole('button', { name: picker.add(grace.fullName) });
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('list', { name: picker.selected })).toHaveTextContent(grace.fullName);
    expect(search).toHaveFocus();
    expect(mock.callsTo('POST /api/channels')).toHaveLength(0);

    await user.keyboard('greg');
    // Enter takes only results of what is typed: wait for the search for "greg" itself.
    await waitFor(() => expect(userSearchUrls(mock.calls).some((url) => url.includes('q=greg'))).toBe(true));
    await within(dialog).findByRole('button', { name: picker.add(greg.fullName) });
    await user.keyboard('{Enter}{Enter}');
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(mock.callsTo('POST /api/channels').map((c) => c.body)).toEqual([
      expect.objectContaining({ name: 'design-team', memberIds: ['u-3', 'u-4'] }),
    ]);
  });

  it('submits with Enter from the name field, public, without members and without an empty description', async () => {
    const { calls, callsTo } = mockApi({ 'POST /api/channels': jsonResponse(channel('c7'), 201) });
    const { onClose, user, dialog } = renderDialog();

    const name = within(dialog).getByRole('textbox', { name: t.name });
    expect(name).toHaveFocus();
    await user.keyboard('random{Enter}');

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(calls).toHaveLength(1);
    expect(callsTo('POST /api/channels')[0].body).toStrictEqual({
      type: 'team',
      name: 'random',
      private: false,
      memberIds: [],
    });
    expect(window.location.hash).toBe('#/c/c7');
  });

  it('refuses a blank name with an error on the field and sends nothing', async () => {
    const { calls } = mockApi({});
    const { onClose, user, dialog } = renderDialog();
    const name = within(dialog).getByRole('textbox', { name: t.name });

    await user.type(name, '   ');
    await user.click(within(dialog).getByRole('button', { name: t.submit }));

    expect(name).toBeInvalid();
    expect(name).toHaveAccessibleDescription(expect.stringContaining(t.nameRequired));
    expect(calls).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();

    await user.type(name, 'x');
    expect(name).toBeValid();
    expect(name).not.toHaveAccessibleDescription(expect.stringContaining(t.nameRequired));
  });

  it('shows the server’s objection to the name on the name field and stays open', async () => {
    const { callsTo } = mockApi({
      'POST /api/channels': problemResponse(400, {
        title: 'Invalid input',
        errors: [{ field: 'name', message: 'Use lowercase letters, digits and hyphens.' }],
      }),
    });
    const { onClose, user, dialog } = renderDialog();
    const name = within(dialog).getByRole('textbox', { name: t.name });

    await user.type(name, 'Bad Name!{Enter}');

    await waitFor(() =>
      expect(name).toHaveAccessibleDescription(
        expect.stringContaining('Use lowercase letters, digits and hyphens.'),
      ),
    );
    expect(name).toBeInvalid();
    expect(callsTo('POST /api/channels')[0].body).toMatchObject({ name: 'Bad Name!' });
    expect(within(dialog).getByRole('alert')).toBeEmptyDOMElement();
    expect(onClose).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('');
  });

  it('shows any other server error in the alert', async () => {
    mockApi({
      'POST /api/channels': problemResponse(409, {
        title: 'Conflict',
        detail: 'A channel with this name already exists.',
      }),
    });
    const { onClose, user, dialog } = renderDialog();

    await user.type(within(dialog).getByRole('textbox', { name: t.name }), 'general{Enter}');

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'A channel with this name already exists.',
    );
    expect(onClose).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('button', { name: t.submit })).toBeEnabled();
  });
});
