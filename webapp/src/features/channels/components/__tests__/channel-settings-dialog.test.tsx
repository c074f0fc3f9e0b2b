import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import {
  channelOf,
  deferred,
  emptyResponse,
  jsonResponse,
  mockApi,
  problemResponse,
} from '@/testing/test-utils';
import type { Channel, User } from '@/types/api';
import { ChannelSettingsButton } from '../channel-settings-button';
// The button loads the dialog lazily; loading it with the test file keeps that cost out of the first test.
import '../channel-settings-dialog';

const t = messages.channelSettings;
const fields = messages.createChannel;
const picker = messages.userPicker;

const ada: User = { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null };
const bob: User = { id: 'u-2', username: 'bob', fullName: 'Bob Builder', avatarURL: null };
const carol: User = { id: 'u-3', username: 'carol', fullName: 'Carol Shaw', avatarURL: null };

/** Channel c1, #design, created by Ada, with Ada and Bob as members. */
const design = (overrides: Partial<Channel> = {}) =>
  channelOf('c1', { name: 'design', description: 'Pixels', members: [ada, bob], ...overrides });

/** The settings button of channel c1 for Ada (u-1), as the chat header shows it; the sidebar list is loaded. */
function renderButton({ isAdmin = false } = {}) {
  const client = createQueryClient();
  client.setQueryData<Channel[]>(queryKeys.channels, [design({ members: undefined })]);
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <ChannelSettingsButton channelId="c1" selfId="u-1" isAdmin={isAdmin} />
    </QueryClientProvider>,
  );
  return { client, user };
}

async function openSettings(user: ReturnType<typeof userEvent.setup>, title = t.title('design')) {
  const button = screen.getByRole('button', { name: t.open });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
  return screen.findByRole('dialog', { name: title });
}

/** The names in the member list (the section under the Members heading), as shown, avatars aside. */
function memberNames(dialog: HTMLElement): string[] {
  const section = within(dialog).getByRole('heading', { name: t.members }).closest('section');
  const list = section?.querySelector(':scope > ul');
  if (!(list instanceof HTMLElement)) throw new Error('No member list');
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.member-list__name')?.textContent?.trim() ?? '');
}

/** Every call that changes something (not a GET), as method, path and JSON body. */
function writes(calls: ReturnType<typeof mockApi>['calls']) {
  return calls
    .filter((c) => c.method !== 'GET')
    .map((c) => ({ method: c.method, path: c.path, body: c.body }));
}

afterEach(() => {
  window.history.replaceState(null, '', window.location.pathname);
});

describe('ChannelSettingsButton and ChannelSettingsDialog', () => {
  it('opens from the header button by keyboard once the details are loaded, filled in, and closes with Escape', async () => {
    const details = deferred<Response>();
    mockApi({ 'GET /api/channels/c1': () => details.promise });
    const { user } = renderButton();
    const button = screen.getByRole('button', { name: t.open });
    expect(button).toBeDisabled();

    details.resolve(jsonResponse(design()));
    await waitFor(() => expect(button).toBeEnabled());
    button.focus();
    await user.keyboard('{Enter}');

    const dialog = await screen.findByRole('dialog', { name: t.title('design') });
    const name = within(dialog).getByRole('textbox', { name: fields.name });
    expect(name).toHaveValue('design');
    // The dialog moves focus to its first field after it opened (it failed once under heavy load when asked at once).
    await waitFor(() => expect(name).toHaveFocus());
    expect(within(dialog).getByRole('textbox', { name: fields.description })).toHaveValue('Pixels');
    expect(within(dialog).getByRole('checkbox', { name: fields.private })).not.toBeChecked();
    expect(memberNames(dialog)).toEqual([`${ada.fullName} ${t.you}`, bob.fullName]);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('saves the name, description and privacy with PATCH on Enter and says it was saved', async () => {
    const saved = design({ name: 'design-team', description: 'Pixels and type', private: true });
    const { calls } = mockApi({
      'GET /api/channels/c1': [jsonResponse(design()), jsonResponse(saved)],
      'PATCH /api/channels/c1': jsonResponse(saved),
    });
    const { client, user } = renderButton();
    const dialog = await openSettings(user);

    const name = within(dialog).getByRole('textbox', { name: fields.name });
    await user.clear(name);
    await user.type(name, ' design-team ');
    await user.click(within(dialog).getByRole('checkbox', { name: fields.private }));
    const description = within(dialog).getByRole('textbox', { name: fields.description });
    await user.type(description, ' and type{Enter}');

    expect(await within(dialog).findByRole('status')).toHaveTextContent(t.saved);
    expect(writes(calls)).toEqual([
      {
        method: 'PATCH',
        path: '/api/channels/c1',
        body: { name: 'design-team', description: 'Pixels and type', private: true },
      },
    ]);
    // The heading follows the new name (the details are asked again), and so does the sidebar's list.
    expect(await screen.findByRole('dialog', { name: t.title('design-team') })).toBe(dialog);
    expect(client.getQueryData<Channel[]>(queryKeys.channels)?.[0]).toMatchObject({
      name: 'design-team',
      private: true,
    });
  });

  it('adds the people chosen in the picker with POST members {userIds} and lists them afterwards', async () => {
    const withCarol = design({ members: [ada, bob, carol], memberCount: 3 });
    const { calls } = mockApi({
      'GET /api/channels/c1': [jsonResponse(design()), jsonResponse(withCarol)],
      // Bob is a member already: found, but not offered.
      'GET /api/users': jsonResponse({ users: [bob, carol] }),
      'POST /api/channels/c1/members': jsonResponse(withCarol),
    });
    const { user } = renderButton();
    const dialog = await openSettings(user);
    const adding = within(dialog).getByRole('group', { name: t.addMembers });
    expect(within(dialog).queryByRole('button', { name: t.addChosen })).not.toBeInTheDocument();

    await user.type(within(adding).getByRole('searchbox', { name: picker.search }), 'c');
    await user.click(await within(adding).findByRole('button', { name: picker.add(carol.fullName) }));
    expect(within(adding).queryByRole('button', { name: picker.add(bob.fullName) })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: t.addChosen }));

    await waitFor(() => expect(memberNames(dialog)).toContain(carol.fullName));
    expect(writes(calls)).toEqual([
      { method: 'POST', path: '/api/channels/c1/members', body: { userIds: ['u-3'] } },
    ]);
    // The picker is emptied for the next addition.
    expect(within(adding).queryByRole('list', { name: picker.selected })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: t.addChosen })).not.toBeInTheDocument();
  });

  it('removes a member with DELETE members/{userId} and drops them from the list; there is no Remove for oneself', async () => {
    const { calls } = mockApi({
      'GET /api/channels/c1': [
        jsonResponse(design()),
        jsonResponse(design({ members: [ada], memberCount: 1 })),
      ],
      'DELETE /api/channels/c1/members/u-2': emptyResponse(),
    });
    const { user } = renderButton();
    const dialog = await openSettings(user);
    expect(
      within(dialog).queryByRole('button', { name: t.removeMember(ada.fullName) }),
    ).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: t.removeMember(bob.fullName) }));

    await waitFor(() => expect(memberNames(dialog)).toEqual([`${ada.fullName} ${t.you}`]));
    expect(writes(calls)).toEqual([
      { method: 'DELETE', path: '/api/channels/c1/members/u-2', body: undefined },
    ]);
    expect(screen.getByRole('dialog', { name: t.title('design') })).toBe(dialog);
  });

  it('leaves with DELETE of its own membership, closes, leaves the channel and drops it from the list', async () => {
    window.location.hash = '#/c/c1';
    const { calls } = mockApi({
      'GET /api/channels/c1': jsonResponse(design()),
      'DELETE /api/channels/c1/members/u-1': emptyResponse(),
    });
    const { client, user } = renderButton();
    const dialog = await openSettings(user);

    await user.click(within(dialog).getByRole('button', { name: t.leave }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(writes(calls)).toEqual([
      { method: 'DELETE', path: '/api/channels/c1/members/u-1', body: undefined },
    ]);
    expect(window.location.hash).toBe('');
    expect(client.getQueryData<Channel[]>(queryKeys.channels)).toEqual([]);
  });

  it('shows the server’s refusal and keeps the dialog open', async () => {
    mockApi({
      'GET /api/channels/c1': jsonResponse(design()),
      'PATCH /api/channels/c1': problemResponse(409, {
        title: 'Conflict',
        detail: 'Only the creator or an admin may change this channel.',
      }),
    });
    const { user } = renderButton();
    const dialog = await openSettings(user);

    await user.type(within(dialog).getByRole('textbox', { name: fields.name }), '-x{Enter}');

    expect(
      await within(dialog).findByText('Only the creator or an admin may change this channel.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Only the creator or an admin may change this channel.',
    );
    expect(within(dialog).getByRole('status')).toBeEmptyDOMElement();
  });

  it('for a group conversation shows no name fields and no Remove buttons, only adding people and leaving', async () => {
    const dm = design({ type: 'messaging', name: null, description: null, private: true });
    mockApi({ 'GET /api/channels/c1': jsonResponse(dm) });
    const { user } = renderButton();
    const dialog = await openSettings(user, t.conversationTitle(bob.fullName));

    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('checkbox', { name: /private/i })).not.toBeInTheDocument();
    expect(
      within(dialog).queryByRole('button', { name: t.removeMember(bob.fullName) }),
    ).not.toBeInTheDocument();
    expect(within(dialog).getByRole('group', { name: t.addMembers })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: t.leaveConversation })).toBeInTheDocument();
  });

  it("keeps the person's own notification level and mute for the channel", async () => {
    const { callsTo } = mockApi({
      'GET /api/channels/c1': jsonResponse(design()),
      'PUT /api/channels/c1/notifications': jsonResponse(design({ notificationLevel: 'all', muted: false })),
    });
    const { user } = renderButton();
    const dialog = await openSettings(user);
    const group = within(dialog).getByRole('group', { name: messages.channelNotifications.legend });
    expect(within(group).getByRole('radio', { name: messages.channelNotifications.default })).toBeChecked();

    await user.click(within(group).getByRole('radio', { name: messages.channelNotifications.all }));

    await waitFor(() => expect(callsTo('PUT /api/channels/c1/notifications')).toHaveLength(1));
    expect(callsTo('PUT /api/channels/c1/notifications')[0].body).toEqual({ level: 'all', muted: false });
    expect(within(group).getByRole('radio', { name: messages.channelNotifications.all })).toBeChecked();
  });

  it('shows Mute checked from the click on, while the server saves it, and unchecked again when it refuses', async () => {
    const saved = deferred<Response>();
    mockApi({
      'GET /api/channels/c1': jsonResponse(design()),
      'PUT /api/channels/c1/notifications': () => saved.promise,
    });
    const { user } = renderButton();
    const dialog = await openSettings(user);
    const mute = within(dialog).getByRole('checkbox', { name: messages.channelNotifications.mute });

    await user.click(mute);
    // At once, not after the mutation's state arrives: a box that snapped back looked unclicked.
    expect(mute).toBeChecked();

    saved.resolve(problemResponse(403, { title: 'Forbidden', status: 403 }));
    await waitFor(() => expect(mute).not.toBeChecked());
  });

  it('for a direct conversation offers no Add members (the server refuses them) but Start a group with the person', async () => {
    const dm = design({ type: 'messaging', name: null, description: null, private: true, direct: true });
    mockApi({ 'GET /api/channels/c1': jsonResponse(dm) });
    const { user } = renderButton();
    const dialog = await openSettings(user, t.conversationTitle(bob.fullName));

    expect(within(dialog).queryByRole('group', { name: t.addMembers })).not.toBeInTheDocument();
    expect(within(dialog).queryByText(/channel/i)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: t.startGroup(bob.fullName) }));

    const start = await screen.findByRole('dialog', { name: t.startGroup(bob.fullName) });
    expect(within(start).getByText(bob.fullName)).toBeInTheDocument();
  });

  it('to a member who neither created it nor is an admin, shows its details and members and offers only leaving', async () => {
    const { calls } = mockApi({
      'GET /api/channels/c1': jsonResponse(design({ createdBy: 'u-2' })),
      'DELETE /api/channels/c1/members/u-1': emptyResponse(),
    });
    const { user } = renderButton();
    const dialog = await openSettings(user);

    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('checkbox', { name: /private/i })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: t.save })).not.toBeInTheDocument();
    expect(within(dialog).getByText('Pixels')).toBeInTheDocument();
    expect(within(dialog).getByText(t.onlyManagers)).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: t.members })).toBeInTheDocument();
    expect(memberNames(dialog)).toEqual([`Ada Lovelace ${t.you}`, 'Bob Builder']);
    expect(
      within(dialog).queryByRole('button', { name: t.removeMember(bob.fullName) }),
    ).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('group', { name: t.addMembers })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: t.leave }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(writes(calls)).toEqual([
      { method: 'DELETE', path: '/api/channels/c1/members/u-1', body: undefined },
    ]);
  });

  it('lets an admin who did not create the channel edit it and manage its members', async () => {
    mockApi({ 'GET /api/channels/c1': jsonResponse(design({ createdBy: 'u-2' })) });
    const { user } = renderButton({ isAdmin: true });
    const dialog = await openSettings(user);

    expect(within(dialog).getByRole('textbox', { name: fields.name })).toHaveValue('design');
    expect(within(dialog).getByRole('button', { name: t.removeMember(bob.fullName) })).toBeInTheDocument();
    expect(within(dialog).getByRole('group', { name: t.addMembers })).toBeInTheDocument();
  });
});
