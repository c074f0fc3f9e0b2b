import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { setTyping } from '../../api/message-cache';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import type { User } from '@/types/api';
import { TypingLine } from '../typing-line';

function member(id: string, fullName: string): User {
  return { id, username: fullName.toLowerCase(), fullName, avatarURL: null };
}

const members = [member('u-2', 'Bob Builder'), member('u-3', 'Cy Twombly'), member('u-4', 'Dee Dee')];

/** The typing line as the conversation shows it; typing frames reach it through the cache, as the realtime hook puts them there. */
async function renderLine() {
  const client = createQueryClient();
  render(
    <QueryClientProvider client={client}>
      <TypingLine channelId="c1" members={members} />
    </QueryClientProvider>,
  );
  // The line starts from an empty list of its own; frames arrive after that.
  await waitFor(() => expect(client.getQueryState(queryKeys.typing('c1'))?.status).toBe('success'));
  const typing = (userId: string, on: boolean) => act(() => setTyping(client, 'c1', userId, on));
  return { typing };
}

const t = messages.composer;

describe('TypingLine', () => {
  it('says nothing while nobody is typing', async () => {
    await renderLine();
    expect(screen.queryByText(/typing/i)).not.toBeInTheDocument();
  });

  it('names one, then two people typing, and says several people are typing beyond two', async () => {
    const { typing } = await renderLine();

    typing('u-2', true);
    const line = await screen.findByText(t.typing(['Bob Builder']));
    // A polite live region: screen readers hear who starts typing without losing their place.
    expect(line).toHaveAttribute('aria-live', 'polite');

    typing('u-3', true);
    await waitFor(() => expect(line).toHaveTextContent(t.typing(['Bob Builder', 'Cy Twombly'])));
    expect(line).toHaveTextContent('Bob Builder and Cy Twombly');

    typing('u-4', true);
    await waitFor(() => expect(line).toHaveTextContent(t.typing(['Bob Builder', 'Cy Twombly', 'Dee Dee'])));
    expect(line).not.toHaveTextContent('Bob Builder');
  });

  it('empties again when everyone has stopped typing, keeping the live region in place', async () => {
    const { typing } = await renderLine();
    typing('u-2', true);
    typing('u-3', true);
    const line = await screen.findByText(t.typing(['Bob Builder', 'Cy Twombly']));

    typing('u-2', false);
    await waitFor(() => expect(line).toHaveTextContent(t.typing(['Cy Twombly'])));
    typing('u-3', false);
    await waitFor(() => expect(line).toBeEmptyDOMElement());
    expect(line).toBeInTheDocument();
  });

  it('calls a typist it does not know yet "Someone"', async () => {
    const { typing } = await renderLine();
    typing('u-9', true);
    expect(await screen.findByText(t.typing([t.someone]))).toBeInTheDocument();
  });
});
