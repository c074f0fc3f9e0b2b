import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { Composer } from '../composer';

describe('Composer', () => {
  it('sends on Enter, breaks the line on Shift+Enter and edits the last message on Up when empty', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    const onEditLast = vi.fn();
    render(<Composer channelId="c1" label="Message #general" onSend={onSend} onEditLast={onEditLast} />);
    const box = screen.getByRole('textbox', { name: 'Message #general' });
    await user.type(box, 'first line{Shift>}{Enter}{/Shift}second');
    expect(onSend).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledWith('first line\nsecond', []);
    expect(box).toHaveValue('');
    await user.keyboard('{ArrowUp}');
    expect(onEditLast).toHaveBeenCalledTimes(1);
  });

  it('does not send blank text', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<Composer channelId="c1" label="Message #general" onSend={onSend} />);
    await user.type(screen.getByRole('textbox'), '   {Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('takes the focus once shown when asked to, but not from someone typing in another field', async () => {
    const { unmount } = render(
      <Composer channelId="c1" label="Message #general" onSend={vi.fn()} autoFocus />,
    );
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message #general' })).toHaveFocus());
    unmount();

    const search = document.createElement('input');
    document.body.append(search);
    search.focus();
    render(<Composer channelId="c2" label="Message #random" onSend={vi.fn()} autoFocus />);
    // Two frames later it would have taken the focus.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(search).toHaveFocus();
    search.remove();
  });

  it('turns a shortcode into its emoji as its closing colon is typed, but leaves times and unknown names', async () => {
    // No pause between keys: the space comes before the next frame, as it does from a fast typist on a busy
    // machine, and a frame passes before the rest; the caret must stay after the space.
    const user = userEvent.setup({ delay: null });
    render(<Composer channelId="c3" label="Message #general" onSend={vi.fn()} />);
    const box = screen.getByRole('textbox', { name: 'Message #general' });
    await user.type(box, 'ship it :rocket: ');
    expect(box).toHaveValue('ship it 🚀 ');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await user.type(box, 'at 10:30: and :nosuchemoji:', { skipClick: true });
    expect(box).toHaveValue('ship it 🚀 at 10:30: and :nosuchemoji:');
  });

  it('inserts an emoji from the picker at the cursor, by keyboard', async () => {
    const user = userEvent.setup();
    render(<Composer channelId="c4" label="Message #general" onSend={vi.fn()} />);
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message #general' });
    await user.type(box, 'good  morning');
    box.setSelectionRange(5, 5);
    await user.click(screen.getByRole('button', { name: messages.composer.emoji }));
    const dialog = await screen.findByRole('dialog', { name: messages.composer.emoji });
    await user.type(within(dialog).getByRole('combobox', { name: messages.emoji.search }), 'sunrise');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(box).toHaveValue('good 🌅 morning'));
    await waitFor(() => expect(box).toHaveFocus());
  });
});
