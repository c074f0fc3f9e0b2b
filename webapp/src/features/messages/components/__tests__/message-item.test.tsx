import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TimelineMessage } from '../../utils/timeline';
import { MessageItem, gutterTimeOf } from '../message-item';

const handlers = {
  onReact: vi.fn(),
  onStartEdit: vi.fn(),
  onSaveEdit: vi.fn(),
  onCancelEdit: vi.fn(),
  onDelete: vi.fn(),
  onRetry: vi.fn(),
  onDiscard: vi.fn(),
};

function message(createdAt: string): TimelineMessage {
  return {
    id: 'm1',
    channelId: 'c1',
    seq: 1,
    user: { id: 'u-2', username: 'bob', fullName: 'Bob Builder', avatarURL: null },
    text: 'a follow-up',
    createdAt,
    updatedAt: createdAt,
    edited: false,
    deleted: false,
    parentId: null,
    replyCount: 0,
    reactions: [],
    clientMessageId: 'cm1',
  };
}

describe('MessageItem', () => {
  it('shows a follow-up message’s time in the gutter as hours and minutes only, the full time as its title', () => {
    // An afternoon time: in a 12-hour locale the full time carries a day period the gutter leaves out.
    const at = new Date(2026, 0, 5, 15, 7).toISOString();
    render(
      <MessageItem
        message={message(at)}
        grouped
        selfId="u-1"
        canModerate={false}
        editing={false}
        savingEdit={false}
        handlers={handlers}
      />,
    );
    const time = screen.getByRole('article').querySelector('time.message__time--hover');
    expect(time?.textContent).toMatch(/^\d{1,2}[:.]\d{2}$/);
    expect(time?.textContent).toBe(gutterTimeOf(at));
    expect(time?.getAttribute('title')).toContain(time?.textContent ?? '-');
    expect(time?.getAttribute('dateTime')).toBe(at);
  });
});
