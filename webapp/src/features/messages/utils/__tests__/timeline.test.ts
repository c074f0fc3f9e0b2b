import { describe, expect, it } from 'vitest';
import type { Message } from '@/types/api';
import { messageOf } from '@/testing/test-utils';
import { buildTimeline, mergePending } from '../timeline';

const ann = { id: 'ann', username: 'ann', fullName: 'Ann', avatarURL: null };
const bob = { id: 'bob', username: 'bob', fullName: 'Bob', avatarURL: null };

function msg(seq: number, user = ann, createdAt = `2026-11-20T10:0${seq}:00Z`): Message {
  return messageOf({ seq, user, createdAt, channelId: 'c', clientMessageId: `c${seq}` });
}

describe('buildTimeline', () => {
  it('groups consecutive messages of one author and separates days', () => {
    const rows = buildTimeline(
      [msg(1), msg(2), msg(3, bob), msg(4, bob, '2026-11-21T09:00:00Z')],
      null,
      'ann',
      new Date('2026-11-21T12:00:00Z'),
    );
    expect(
      rows.map((r) => (r.kind === 'message' ? `${r.message.seq}${r.grouped ? 'g' : ''}` : r.kind)),
    ).toEqual(['start', 'day', '1', '2g', '3', 'day', '4']);
  });

  it('puts the new-messages line before the first unread message of someone else', () => {
    const rows = buildTimeline([msg(1), msg(2, bob), msg(3, bob)], 1, 'ann');
    expect(rows.map((r) => r.kind)).toEqual(['start', 'day', 'message', 'new', 'message', 'message']);
  });

  it('shows outbox entries until the server returns the same clientMessageId', () => {
    const pending = [
      {
        clientMessageId: 'c2',
        userId: 'me',
        channelId: 'c',
        parentId: null,
        text: 'x',
        createdAt: '',
        status: 'sending' as const,
      },
      {
        clientMessageId: 'c9',
        userId: 'me',
        channelId: 'c',
        parentId: null,
        text: 'y',
        createdAt: '',
        status: 'queued' as const,
      },
    ];
    const merged = mergePending([msg(1), msg(2)], pending, ann);
    expect(merged.map((m) => m.clientMessageId)).toEqual(['c1', 'c2', 'c9']);
    expect(merged[2].pending).toBe('queued');
  });
});
