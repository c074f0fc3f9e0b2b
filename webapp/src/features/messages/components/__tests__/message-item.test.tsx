import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { closeProfileCard, useOpenProfileCard } from '@/lib/profile-card';
import { messageHandlers, messageOf } from '@/testing/test-utils';
import { MessageItem, gutterTimeOf } from '../message-item';

const handlers = messageHandlers();

describe('MessageItem', () => {
  it('shows a follow-up message’s time in the gutter as hours and minutes only, the full time as its title', () => {
    // An afternoon time: in a 12-hour locale the full time carries a day period the gutter leaves out.
    const at = new Date(2026, 0, 5, 15, 7).toISOString();
    render(
      <MessageItem
        message={messageOf({ createdAt: at, text: 'a follow-up' })}
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

  it('opens the author’s profile card from their name, by keyboard or pointer', async () => {
    const message = messageOf({ text: 'hello' });
    render(
      <MessageItem
        message={message}
        grouped={false}
        selfId="u-9"
        canModerate={false}
        editing={false}
        savingEdit={false}
        handlers={handlers}
      />,
    );
    const card = renderHook(() => useOpenProfileCard());
    const name = message.user.fullName || message.user.username;

    screen.getByRole('button', { name: messages.profile.openAuthor(name) }).focus();
    await userEvent.keyboard('{Enter}');

    expect(card.result.current).toBe(message.user.id);
    act(() => closeProfileCard());
  });

  it('copies a link that opens the conversation at the message, and a reply’s thread', async () => {
    // user-event puts a clipboard of its own in place, which readText() reads back.
    const user = userEvent.setup();
    const message = messageOf({ channelId: 'c1', seq: 7, text: 'worth sharing' });
    const { rerender } = render(
      <MessageItem
        message={message}
        grouped={false}
        selfId="u-9"
        canModerate={false}
        editing={false}
        savingEdit={false}
        handlers={handlers}
      />,
    );

    await user.click(screen.getByRole('button', { name: messages.conversation.copyLink }));

    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/#/c/c1/m/7`);
    expect(await screen.findByText(messages.conversation.linkCopied)).toBeInTheDocument();

    rerender(
      <MessageItem
        message={{ ...message, id: 'r1', parentId: 'p1' }}
        grouped={false}
        selfId="u-9"
        canModerate={false}
        editing={false}
        savingEdit={false}
        handlers={handlers}
      />,
    );
    await user.click(screen.getByRole('button', { name: messages.conversation.copyLink }));
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/#/c/c1/t/p1`);
  });

  it('says who pinned a message and that the reader saved it, and its toolbar offers the opposite of each', async () => {
    const user = userEvent.setup();
    const onTogglePin = vi.fn();
    const onToggleSaved = vi.fn();
    const plain = messageOf({ text: 'the rota' });
    const props = {
      grouped: false,
      selfId: 'u-9',
      canModerate: false,
      editing: false,
      savingEdit: false,
      handlers: { ...handlers, onTogglePin, onToggleSaved },
    };
    const { rerender } = render(<MessageItem message={plain} {...props} />);
    expect(screen.queryByText(messages.conversation.pinnedBy('Greta'))).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: messages.conversation.pin }));
    await user.click(screen.getByRole('button', { name: messages.conversation.save }));
    expect(onTogglePin).toHaveBeenCalledWith(plain);
    expect(onToggleSaved).toHaveBeenCalledWith(plain);

    const greta = { id: 'u-2', username: 'greta', fullName: 'Greta', avatarURL: null };
    rerender(
      <MessageItem
        message={{ ...plain, pinned: { by: greta, at: plain.createdAt }, saved: true }}
        {...props}
      />,
    );
    expect(screen.getByText(messages.conversation.pinnedBy('Greta'))).toBeInTheDocument();
    expect(screen.getByText(messages.conversation.savedMark)).toBeInTheDocument();
    expect(screen.getByRole('article')).toHaveClass('message--pinned');
    expect(screen.getByRole('button', { name: messages.conversation.unpin })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: messages.conversation.unsave })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: messages.conversation.pin })).not.toBeInTheDocument();

    // A deleted message is neither: nothing to pin, nothing to keep.
    rerender(
      <MessageItem
        message={{
          ...plain,
          deleted: true,
          text: '',
          pinned: { by: greta, at: plain.createdAt },
          saved: true,
        }}
        {...props}
      />,
    );
    expect(screen.queryByText(messages.conversation.pinnedBy('Greta'))).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: messages.conversation.unpin })).not.toBeInTheDocument();
  });

  it('shows a received :shortcode: as its emoji, loading the full list when the few built-in ones lack it', async () => {
    render(
      <MessageItem
        message={messageOf({ text: 'release day :partying_face: :rocket:' })}
        grouped={false}
        selfId="u-9"
        canModerate={false}
        editing={false}
        savingEdit={false}
        handlers={handlers}
      />,
    );
    expect(await screen.findByTitle(':partying_face:')).toHaveTextContent('🥳');
    expect(screen.getByTitle(':rocket:')).toHaveTextContent('🚀');
  });
});
