import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { jsonResponse, messageOf, mockApi } from '@/testing/test-utils';
import type { Message } from '@/types/api';
import { useMessages } from '../../api/get-messages';
import { useTimelineHandlers } from '../../hooks/use-timeline-handlers';
import { loadEmoji, recentEmoji } from '../../utils/emoji';
import { reactionEmoji } from '../../utils/reactions';
import { EmojiPicker, emojiColumns, searchEmoji } from '../emoji-picker';
import { MessageItem } from '../message-item';
import { ReactionBar } from '../reaction-bar';

const t = messages.conversation;
const self = { id: 'u-1', username: 'ada' };

function Timeline() {
  const history = useMessages('c1');
  const { handlers } = useTimelineHandlers(self);
  const message = history.data?.pages[0].messages[0];
  if (!message) return null;
  return (
    <MessageItem
      message={message}
      grouped={false}
      selfId={self.id}
      canModerate={false}
      editing={false}
      savingEdit={false}
      handlers={handlers}
    />
  );
}

function renderMessage(message: Message) {
  const client = createQueryClient();
  client.setQueryData(queryKeys.messages('c1'), {
    pages: [{ messages: [message], hasMore: false }],
    pageParams: [undefined],
  });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <Timeline />
    </QueryClientProvider>,
  );
  return { user, article: screen.getByRole('article', { name: message.user.fullName }) };
}

const picker = () => screen.findByRole('dialog', { name: t.react });
const search = () => screen.getByRole('combobox', { name: messages.emoji.search });
const activeOption = () => {
  const id = search().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

beforeAll(async () => {
  // The list is loaded by import() in the app; here once for the file, so no test waits on its first load.
  await loadEmoji();
});

beforeEach(() => localStorage.clear());

describe('The emoji data', () => {
  it('maps shortcodes the API accepts to emoji, and shows unknown ones as :name:', async () => {
    const list = await loadEmoji();
    expect(list.length).toBeGreaterThan(1500);
    expect(list.every((e) => e.shortcodes.every((s) => /^[a-z0-9_+-]{1,32}$/.test(s)))).toBe(true);
    expect(reactionEmoji('taco')).toBe('🌮');
    expect(reactionEmoji('+1')).toBe('👍');
    expect(reactionEmoji('thumbsup')).toBe('👍');
    expect(reactionEmoji('no_such_emoji')).toBe(':no_such_emoji:');
    // A reaction stored under a word, where GitHub also has "+1".
    expect(list.find((e) => e.shortcodes.includes('+1'))?.shortcode).toBe('thumbsup');
  });

  it('finds by shortcode, name and tag, exact shortcode first', async () => {
    const list = await loadEmoji();
    expect(searchEmoji(list, 'fire')[0].shortcode).toBe('fire');
    expect(searchEmoji(list, ':taco:').map((e) => e.shortcode)).toContain('taco');
    expect(searchEmoji(list, 'zzzzqqq')).toEqual([]);
  });
});

describe('EmojiPicker', () => {
  it('filters by name, moves with the arrows (a row is eight) and picks with Enter', async () => {
    const onPick = vi.fn();
    const user = userEvent.setup();
    render(<EmojiPicker title={t.react} onPick={onPick} onClose={vi.fn()} />);
    await picker();
    await waitFor(() => expect(search()).toHaveFocus());
    // Categories first, without a query.
    expect(screen.getByRole('group', { name: 'Smileys and emotion' })).toBeInTheDocument();
    expect(activeOption()).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowDown}');
    const all = screen.getAllByRole('option');
    expect(activeOption()).toBe(all[emojiColumns]);
    await user.keyboard('{ArrowUp}{ArrowRight}');
    expect(activeOption()).toBe(all[1]);

    await user.type(search(), 'rocket');
    expect(screen.getByRole('status')).toHaveTextContent(/\d+ emoji/);
    expect(activeOption()).toHaveAccessibleName('rocket');
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith({ shortcode: 'rocket', emoji: '🚀' });
    expect(recentEmoji()).toEqual(['rocket']);
  });

  it('says when nothing matches, and Escape closes', async () => {
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(<EmojiPicker title={t.react} onPick={vi.fn()} onClose={onClose} />);
    await picker();
    await user.type(search(), 'zzzzqqq');
    expect(screen.getByRole('status')).toHaveTextContent(messages.emoji.none);
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('shows recently used emoji first', async () => {
    localStorage.setItem('netchat.emoji.recent', JSON.stringify(['taco', 'rocket']));
    render(<EmojiPicker title={t.react} onPick={vi.fn()} onClose={vi.fn()} />);
    const recent = await screen.findByRole('group', { name: messages.emoji.frequent });
    expect(
      within(recent)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['🌮', '🚀']);
  });
});

describe('Reacting with any emoji', () => {
  it('reacts with an emoji found in the picker: PUT /api/messages/{id}/reactions/{shortcode}', async () => {
    const after = [{ type: 'taco', count: 1, me: true, userIds: ['u-1'] }];
    const { calls } = mockApi({
      'PUT /api/messages/m1/reactions/taco': () => jsonResponse(messageOf({ reactions: after })),
    });
    const { user, article } = renderMessage(messageOf({ reactions: [] }));
    await user.click(within(article).getByRole('button', { name: t.react }));
    await user.click(within(article).getByRole('button', { name: messages.emoji.more }));
    await picker();
    await user.type(search(), 'taco');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'PUT', path: '/api/messages/m1/reactions/taco' });
    const taco = await within(article).findByRole('button', { name: t.reactionLabel('taco', 1, true) });
    expect(taco).toHaveTextContent('🌮');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // The dialog gives the focus back to the add-reaction button.
    expect(within(article).getByRole('button', { name: t.react })).toHaveFocus();
  });

  it('shows a known shortcode as its emoji in the reaction bar and an unknown one as :name:', () => {
    render(
      <ReactionBar
        reactions={[
          { type: 'sushi', count: 2, me: false },
          { type: 'made_up_name', count: 1, me: false },
        ]}
        onToggle={vi.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: t.reactionLabel('sushi', 2, false) })).toHaveTextContent('🍣2');
    expect(screen.getByRole('button', { name: t.reactionLabel('made_up_name', 1, false) })).toHaveTextContent(
      ':made_up_name:1',
    );
  });

  it('names who reacted when the pointer or the focus comes to a reaction, the reader first as "You"', async () => {
    const client = createQueryClient();
    const member = (id: string, fullName: string) => ({ id, username: id, fullName, avatarURL: null });
    client.setQueryData(queryKeys.channel('c1'), {
      id: 'c1',
      members: [member('u-1', 'Ada'), member('u-2', 'Bob'), member('u-3', 'Cleo')],
    });
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={client}>
        <ReactionBar
          channelId="c1"
          selfId="u-1"
          reactions={[{ type: 'tada', count: 4, me: true, userIds: ['u-2', 'u-1', 'u-3', 'u-gone'] }]}
          onToggle={vi.fn()}
        />
      </QueryClientProvider>,
    );
    const tada = screen.getByRole('button', { name: t.reactionLabel('tada', 4, true) });
    expect(tada).toHaveAttribute('title', ':tada:');
    await user.hover(tada);
    expect(tada).toHaveAttribute('title', 'You, Bob, Cleo, and 1 other reacted with :tada:');
    expect(tada).toHaveAccessibleDescription('You, Bob, Cleo, and 1 other reacted with :tada:');
  });
});

describe('Skin tones', () => {
  it('offers the five tones of an emoji that has them, keeps the choice, and picks under a toned name', async () => {
    const list = await loadEmoji();
    const thumbs = list.find((e) => e.shortcode === 'thumbsup');
    expect(thumbs?.tones).toHaveLength(5);
    expect(reactionEmoji('thumbsup_tone3')).toBe('👍🏽');
    expect(list.find((e) => e.shortcode === 'taco')?.tones).toBeUndefined();

    const onPick = vi.fn();
    const user = userEvent.setup();
    const { unmount } = render(<EmojiPicker title={t.react} onPick={onPick} onClose={vi.fn()} />);
    await picker();
    const tones = screen.getByRole('group', { name: messages.emoji.skinTone });
    expect(within(tones).getByRole('radio', { name: messages.emoji.tones[0] })).toBeChecked();
    await user.click(within(tones).getByRole('radio', { name: messages.emoji.tones[3] }));
    await user.type(search(), 'thumbsup');
    expect(activeOption()).toHaveTextContent('👍🏽');
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith({ shortcode: 'thumbsup_tone3', emoji: '👍🏽' });
    // Kept for the next picker; an emoji without tones is picked as it is.
    unmount();
    render(<EmojiPicker title={t.react} onPick={onPick} onClose={vi.fn()} />);
    await picker();
    expect(screen.getByRole('radio', { name: messages.emoji.tones[3] })).toBeChecked();
    await user.type(search(), 'taco');
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenLastCalledWith({ shortcode: 'taco', emoji: '🌮' });
  });
});
