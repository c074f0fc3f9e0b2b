import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { ReactionBar } from '../reaction-bar';

// Its own file: the emoji list is not loaded yet, as in a page that has never opened the picker.
describe('A reaction bar with a name beyond the common few', () => {
  it('shows :name: at first, loads the full emoji list by itself and then shows the emoji', async () => {
    render(<ReactionBar reactions={[{ type: 'taco', count: 1, me: false }]} onToggle={vi.fn()} />);
    const button = screen.getByRole('button', {
      name: messages.conversation.reactionLabel('taco', 1, false),
    });
    expect(button).toHaveTextContent(':taco:1');
    expect(await screen.findByText('🌮', {}, { timeout: 15_000 })).toBeInTheDocument();
  });
});
