import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { channelOf, jsonResponse, mockApi, type RecordedCall, problemResponse } from '@/testing/test-utils';
import type { Channel, User } from '@/types/api';
import { QuickSwitcherLauncher } from '../quick-switcher-launcher';
// The launcher loads the switcher lazily; loading it with the test file keeps that out of each test's time.
import '@/features/switcher/components/quick-switcher';
import '@/features/search/components/mentions-dialog';

const t = messages.switcher;

function person(id: string, fullName: string): User {
  return { id, username: fullName.split(' ')[0].toLowerCase(), fullName, avatarURL: null };
}

const ada = person('u-1', 'Ada Lovelace');
const grace = person('u-3', 'Grace Hopper');
const gregory = person('u-4', 'Gregory House');

/** general (newest), random, then gardening (oldest): the order the switcher lists them in. */
const channels = [
  channelOf('random', { lastMessageAt: '2026-11-19T00:00:00Z' }),
  channelOf('general', { lastMessageAt: '2026-11-21T00:00:00Z' }),
  channelOf('gardening', { lastMessageAt: '2026-11-10T00:00:00Z' }),
];

function renderLauncher() {
  const client = createQueryClient();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <input aria-label="Elsewhere" />
      <QuickSwitcherLauncher selfId={ada.id} selfName={ada.username} />
    </QueryClientProvider>,
  );
  return { client, user };
}

const dialog = () => screen.findByRole('dialog', { name: t.title });
const combobox = () => screen.getByRole('combobox', { name: t.input });
/** An option's accessible name is its label followed by its kind ("general" + "Channel"); the # is hidden. */
const option = (label: string) => screen.findByRole('option', { name: new RegExp(`^${label}`) });
const searchQueries = (calls: RecordedCall[]) =>
  calls
    .filter((c) => c.path === '/api/users')
    .map((c) => new URL(c.url, 'http://localhost').searchParams.get('q'));

afterEach(() => {
  window.location.hash = '';
});

describe('QuickSwitcherLauncher and QuickSwitcher', () => {
  it('opens from Ctrl+K and from Cmd+K anywhere, taking the shortcut from the browser, but not from a plain K', async () => {
    mockApi({ 'GET /api/channels': jsonResponse({ channels }) });
    const { user } = renderLauncher();
    expect(screen.getByRole('button', { name: new RegExp(t.open) })).toHaveAttribute(
      'aria-keyshortcuts',
      'Control+K Meta+K',
    );

    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    await user.click(elsewhere);
    await user.keyboard('{Control>}k{/Control}');
    expect(await dialog()).toBeInTheDocument();
    await waitFor(() => expect(combobox()).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(elsewhere).toHaveFocus();

    // The switcher is loaded now, so it would show at once: a plain K is only typing.
    await user.keyboard('k');
    expect(elsewhere).toHaveValue('k');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.keyboard('{Meta>}k{/Meta}');
    expect(await dialog()).toBeInTheDocument();
    await user.keyboard('{Escape}');

    // The browser's own Ctrl+K (focus the address bar's search) must not also happen.
    expect(fireEvent.keyDown(document, { key: 'K', ctrlKey: true })).toBe(false);
    expect(await dialog()).toBeInTheDocument();
  });

  it('finds channels from the channel list and people from the user search, leaving out oneself', async () => {
    const { calls } = mockApi({
      'GET /api/channels': jsonResponse({ channels }),
      'GET /api/users': jsonResponse({ users: [ada, grace, gregory] }),
    });
    const { user } = renderLauncher();
    await user.click(screen.getByRole('button', { name: new RegExp(t.open) }));
    await dialog();

    // Empty: every channel, most recent first, and no people.
    const list = await screen.findByRole('listbox', { name: t.results });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual([`#general${t.channel}`, `#random${t.channel}`, `#gardening${t.channel}`]),
    );

    await user.type(combobox(), 'g');
    expect(await option('Grace Hopper')).toHaveTextContent(t.person);
    expect(searchQueries(calls)).toContain('g');
    const names = screen.getAllByRole('option').map((o) => o.textContent);
    expect(names).toEqual([
      `#general${t.channel}`,
      `#gardening${t.channel}`,
      `GHGrace Hopper${t.person}`,
      `GHGregory House${t.person}`,
      // Last, always: searching messages for what was typed.
      `${t.searchFor('g')}${t.search}`,
    ]);
    expect(screen.queryByRole('option', { name: /Ada Lovelace/ })).not.toBeInTheDocument();

    // No channel or person matches: only the message search is left, so Enter falls through to it.
    await user.type(combobox(), 'zz');
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
        `${t.searchFor('gzz')}${t.search}`,
      ]),
    );
  });

  it('with the keyboard alone, opens the direct conversation with a person: POST /api/channels, then goes there', async () => {
    const conversation = channelOf('dm-3', { type: 'messaging', name: null, members: [ada, grace] });
    const { callsTo } = mockApi({
      'GET /api/channels': jsonResponse({ channels }),
      'GET /api/users': jsonResponse({ users: [grace] }),
      'POST /api/channels': jsonResponse(conversation, 201),
    });
    const { client, user } = renderLauncher();
    await user.keyboard('{Control>}k{/Control}');
    await dialog();

    await user.type(combobox(), 'g');
    const graceOption = await option('Grace Hopper');
    // #general, #gardening, then Grace: two steps down from the first result.
    expect(combobox()).toHaveAttribute('aria-activedescendant', screen.getAllByRole('option')[0].id);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(graceOption).toHaveAttribute('aria-selected', 'true');
    expect(combobox()).toHaveAttribute('aria-activedescendant', graceOption.id);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(callsTo('POST /api/channels').map((c) => c.body)).toEqual([
      { type: 'messaging', memberIds: [grace.id] },
    ]);
    expect(window.location.hash).toBe('#/c/dm-3');
    // The new conversation is in the sidebar's list at once, not after the next refetch.
    expect(client.getQueryData<Channel[]>(queryKeys.channels)?.map((c) => c.id)).toContain('dm-3');
  });

  it('asks for one conversation however often Enter is pressed while the first request is on its way', async () => {
    const conversation = channelOf('dm-3', { type: 'messaging', name: null, members: [ada, grace] });
    let answer: (response: Response) => void = () => {};
    const { callsTo } = mockApi({
      'GET /api/channels': jsonResponse({ channels }),
      'GET /api/users': jsonResponse({ users: [grace] }),
      'POST /api/channels': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const { user } = renderLauncher();
    await user.keyboard('{Control>}k{/Control}');
    await dialog();
    await user.type(combobox(), 'grace');
    await option('Grace Hopper');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(callsTo('POST /api/channels')).toHaveLength(1));
    await user.keyboard('{Enter}{Enter}');

    answer(jsonResponse(conversation, 201));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(callsTo('POST /api/channels')).toHaveLength(1);
  });

  it('moves through the results with the arrow keys, wrapping round, and Enter opens the highlighted channel', async () => {
    mockApi({ 'GET /api/channels': jsonResponse({ channels }) });
    const { user } = renderLauncher();
    await user.keyboard('{Control>}k{/Control}');
    const general = await option('general');
    const random = screen.getByRole('option', { name: /^random/ });
    const gardening = screen.getByRole('option', { name: /^gardening/ });
    expect(general).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowUp}');
    expect(gardening).toHaveAttribute('aria-selected', 'true');
    expect(general).toHaveAttribute('aria-selected', 'false');
    expect(combobox()).toHaveAttribute('aria-activedescendant', gardening.id);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(general).toHaveAttribute('aria-selected', 'false');
    expect(random).toHaveAttribute('aria-selected', 'true');
    expect(combobox()).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(window.location.hash).toBe('#/c/random'));
  });

  it('closes on Escape without going anywhere, and gives the focus back', async () => {
    mockApi({ 'GET /api/channels': jsonResponse({ channels }) });
    const { user } = renderLauncher();
    const find = screen.getByRole('button', { name: new RegExp(t.open) });
    await user.click(find);
    await option('general');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(find).toHaveFocus();
    expect(window.location.hash).toBe('');
  });

  it('stays open and says why when the conversation cannot be created', async () => {
    mockApi({
      'GET /api/channels': jsonResponse({ channels }),
      'GET /api/users': jsonResponse({ users: [grace] }),
      'POST /api/channels': problemResponse(403, { detail: 'You cannot message this person.' }),
    });
    const { user } = renderLauncher();
    await user.keyboard('{Control>}k{/Control}');
    await dialog();
    await user.type(combobox(), 'grace');
    await user.click(await option('Grace Hopper'));

    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot message this person.');
    expect(screen.getByRole('dialog', { name: t.title })).toBeInTheDocument();
    expect(window.location.hash).toBe('');
  });
});

describe('Mentions from the banner and from Ctrl+K', () => {
  it('opens the mentions view from its button and from the switcher option', async () => {
    mockApi({
      'GET /api/channels': jsonResponse({ channels }),
      'GET /api/mentions': jsonResponse({ messages: [] }),
    });
    const { user } = renderLauncher();
    await user.click(screen.getByRole('button', { name: messages.mentions.open }));
    const view = await screen.findByRole('dialog', { name: messages.mentions.title });
    expect(await within(view).findByText(messages.mentions.none)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.keyboard('{Control>}k{/Control}');
    await dialog();
    await user.type(combobox(), 'ment');
    expect(await option(messages.mentions.switcherOption)).toBeInTheDocument();
    // Before "Search messages for …": the first option here, so Enter opens it.
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: messages.mentions.title })).toBeInTheDocument();
  });
});
