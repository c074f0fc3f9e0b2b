import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { User } from '@/types/api';
import { mayCallEveryone } from '../../utils/mention-query';
import { Composer } from '../composer';

const person = (id: string, username: string, fullName: string, online = false): User => ({
  id,
  username,
  fullName,
  avatarURL: null,
  online,
});

const members = [
  person('u0', 'me', 'My Self'),
  person('u1', 'ada', 'Ada Lovelace', true),
  person('u2', 'alan', 'Alan Turing'),
  person('u3', 'grace', 'Grace Hopper'),
  person('u4', 'linus', 'Linus Alander'),
];

function renderComposer(everyone = true, onSend = vi.fn()) {
  render(
    <Composer
      channelId="c-mentions"
      label="Message #general"
      onSend={onSend}
      mentionables={{ members, selfId: 'u0', everyone }}
    />,
  );
  return { box: screen.getByRole('textbox', { name: 'Message #general' }), onSend };
}

const optionNames = () =>
  within(screen.getByRole('listbox', { name: 'People to mention' }))
    .getAllByRole('option')
    .map((o) =>
      [...o.querySelectorAll('.mention-option__name, .mention-option__handle')]
        .map((part) => part.textContent)
        .join(''),
    );

describe('@ autocomplete in the composer', () => {
  it('opens on @ and letters with the matching members (username first, then full name), never oneself', async () => {
    const user = userEvent.setup();
    const { box } = renderComposer();
    await user.type(box, 'hi @a');
    expect(optionNames()).toEqual(['Ada Lovelace@ada', 'Alan Turing@alan', 'Linus Alander@linus']);
    expect(box).toHaveAttribute('aria-autocomplete', 'list');
    expect(box).toHaveAttribute('aria-controls', screen.getByRole('listbox').id);
    expect(box).toHaveAttribute('aria-activedescendant', screen.getAllByRole('option')[0].id);
    expect(screen.getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    await user.type(box, 'l');
    expect(optionNames()).toEqual(['Alan Turing@alan', 'Linus Alander@linus']);
    // No @ at a word's end in an address.
    await user.clear(box);
    await user.type(box, 'mail ada@gr');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('moves with Down and Up, and Enter inserts the active name instead of sending', async () => {
    const user = userEvent.setup();
    const { box, onSend } = renderComposer();
    await user.type(box, 'ping @a');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    const options = screen.getAllByRole('option');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[1].id);
    await user.keyboard('{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(box).toHaveValue('ping @alan ');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.keyboard('now{Enter}');
    expect(onSend).toHaveBeenCalledWith('ping @alan now', []);
  });

  it('Tab picks too, Escape closes the list without clearing the text, and Enter then sends', async () => {
    const user = userEvent.setup();
    const { box, onSend } = renderComposer();
    await user.type(box, '@gr');
    await user.keyboard('{Tab}');
    expect(box).toHaveValue('@grace ');
    expect(box).toHaveFocus();
    // A key typed at once after the pick, then a frame: the caret was placed in the commit that put the name in,
    // so nothing moves it back before that key later ("@grace nd @lia" when it was placed a frame late).
    await user.keyboard('a');
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    await user.keyboard('nd @li');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(box).toHaveValue('@grace and @li');
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledWith('@grace and @li', []);
    // Closed for that one @ only: the next one opens the list again.
    await user.type(box, '@li');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
  });

  it('a click on an option inserts it and keeps the focus in the field', async () => {
    const user = userEvent.setup();
    const { box } = renderComposer();
    await user.type(box, 'thanks @hop');
    const grace = screen.getByRole('option', { name: /Grace Hopper/ });
    fireEvent.mouseDown(grace);
    await user.click(grace);
    expect(box).toHaveValue('thanks @grace ');
    expect(box).toHaveFocus();
  });

  it('offers @channel and @here only where the caller may call everyone', async () => {
    const user = userEvent.setup();
    renderComposer(true);
    await user.type(screen.getByRole('textbox'), '@');
    expect(optionNames()).toContain('@channelNotify everyone in this conversation');
    await user.type(screen.getByRole('textbox'), 'h');
    expect(optionNames()).toEqual(['Grace Hopper@grace', '@hereNotify everyone here who is online']);
  });

  it('hides @channel and @here in a channel over 50 members from someone who does not manage it', async () => {
    expect(mayCallEveryone(50, false)).toBe(true);
    expect(mayCallEveryone(51, false)).toBe(false);
    expect(mayCallEveryone(51, true)).toBe(true);
    const user = userEvent.setup();
    renderComposer(false);
    await user.type(screen.getByRole('textbox'), '@ch');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });
});
