import { describe, expect, it } from 'vitest';
import { addresses, mentions, notificationTitle, shouldNotify } from '@/lib/notification-rules';
import type { Message } from '@/types/api';

const plain = { text: 'lunch at noon?' };
const mention = { text: 'hey @ada, lunch?' };
const team = { type: 'team' as const, notificationLevel: null, muted: false };
const dm = { type: 'messaging' as const, notificationLevel: null, muted: false };
const now = Date.parse('2026-12-06T10:00:00Z');

describe('shouldNotify', () => {
  it('by default notifies direct and group conversations and mentions, not every channel message', () => {
    expect(shouldNotify(plain, dm, {}, 'ada', now)).toBe(true);
    expect(shouldNotify(mention, team, {}, 'ada', now)).toBe(true);
    expect(shouldNotify(plain, team, {}, 'ada', now)).toBe(false);
    expect(shouldNotify({ text: '@here standup' }, team, {}, 'ada', now)).toBe(true);
  });

  it("follows the person's level, and a channel's own level over it", () => {
    expect(shouldNotify(plain, team, { desktop: 'all' }, 'ada', now)).toBe(true);
    expect(shouldNotify(plain, dm, { desktop: 'off' }, 'ada', now)).toBe(false);
    expect(shouldNotify(plain, { ...team, notificationLevel: 'all' }, { desktop: 'off' }, 'ada', now)).toBe(
      true,
    );
    expect(shouldNotify(mention, { ...team, notificationLevel: 'off' }, { desktop: 'all' }, 'ada', now)).toBe(
      false,
    );
  });

  it('says nothing for a muted channel or during do-not-disturb, which ends at its time', () => {
    expect(shouldNotify(mention, { ...dm, muted: true }, { desktop: 'all' }, 'ada', now)).toBe(false);
    const dnd = { desktop: 'all' as const, dndUntil: '2026-12-06T11:00:00Z' };
    expect(shouldNotify(mention, dm, dnd, 'ada', now)).toBe(false);
    expect(shouldNotify(mention, dm, dnd, 'ada', Date.parse('2026-12-06T11:00:01Z'))).toBe(true);
  });
});

describe('notificationTitle', () => {
  const bob = { user: { fullName: 'Bob Builder' } } as Pick<Message, 'user'>;
  const members = [
    { id: 'u-1', username: 'ada', fullName: 'Ada', avatarURL: null },
    { id: 'u-2', username: 'bob', fullName: 'Bob Builder', avatarURL: null },
    { id: 'u-3', username: 'cy', fullName: 'Cy', avatarURL: null },
  ];

  it('names only the author of a direct message (not "Bob in Bob")', () => {
    const direct = { type: 'messaging' as const, name: null, direct: true, members: members.slice(0, 2) };
    expect(notificationTitle(bob, direct, 'u-1')).toBe('Bob Builder');
  });

  it('names the channel or the group after the author', () => {
    expect(notificationTitle(bob, { type: 'team', name: 'design', members: null }, 'u-1')).toBe(
      'Bob Builder in #design',
    );
    expect(notificationTitle(bob, { type: 'messaging', name: null, direct: false, members }, 'u-1')).toBe(
      'Bob Builder in Bob Builder, Cy',
    );
  });
});

describe('who a text calls on', () => {
  it('recognises @username mentions only as whole names', () => {
    expect(mentions('hi @ann!', 'ann')).toBe(true);
    expect(mentions('hi @anna', 'ann')).toBe(false);
    expect(mentions('mail ann@x.org', 'ann')).toBe(false);
  });

  it('takes @channel and @here as addressed to everyone, as whole words only', () => {
    expect(addresses('@channel build is red', 'ann')).toBe(true);
    expect(addresses('lunch? @Here', 'ann')).toBe(true);
    expect(addresses('see #channel, mail here@x.org', 'ann')).toBe(false);
    expect(addresses('the @channels list', 'ann')).toBe(false);
  });
});
