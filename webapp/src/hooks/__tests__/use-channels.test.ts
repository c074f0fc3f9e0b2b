import { describe, expect, it } from 'vitest';
import { keepNewerChannels } from '@/hooks/use-channels';
import { channelOf } from '@/testing/test-utils';
import type { Channel } from '@/types/api';

describe('keepNewerChannels', () => {
  it('keeps what a socket event brought while an older list was on its way', () => {
    const cached = [
      channelOf('dm', { lastSeq: 7, unreadCount: 1, lastReadSeq: 6, lastMessageAt: '2026-12-07T05:00:01Z' }),
    ];
    const late = [
      channelOf('dm', {
        lastSeq: 6,
        unreadCount: 0,
        lastReadSeq: 6,
        lastMessageAt: '2026-12-07T05:00:00Z',
        name: 'renamed',
      }),
    ];

    const [dm] = keepNewerChannels(cached, late) as Channel[];

    expect(dm.lastSeq).toBe(7);
    expect(dm.unreadCount).toBe(1);
    expect(dm.lastMessageAt).toBe('2026-12-07T05:00:01Z');
    expect(dm.name).toBe('renamed');
  });

  it('takes the answer when it is as new or newer, and channels the cache did not know', () => {
    const cached = [channelOf('a', { lastSeq: 3, unreadCount: 2 })];
    const fresh = [
      channelOf('a', { lastSeq: 5, unreadCount: 0, lastReadSeq: 5 }),
      channelOf('b', { lastSeq: 1 }),
    ];

    const merged = keepNewerChannels(cached, fresh) as Channel[];

    expect(merged).toEqual(fresh);
  });

  it('keeps the reference when nothing changed, as TanStack Query does by default', () => {
    const cached = [channelOf('a', { lastSeq: 3 })];
    expect(keepNewerChannels(cached, [channelOf('a', { lastSeq: 3 })])).toBe(cached);
  });
});
