import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatScreen } from '@/app/chat-screen';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { setVisibility, stubNotifications, turnedOn } from '@/testing/browser-notifications';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { channelOf, currentUser, jsonResponse, messageNewFrame, mockApi } from '@/testing/test-utils';

afterEach(() => {
  window.location.hash = '';
});

const general = channelOf('c1', { name: 'general', createdBy: 'u-2', lastSeq: 4 });

const ada = { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null };

/** The signed-in screen with its socket open and the channel list loaded. */
async function renderChatScreen(desktop: 'all' | 'mentions' = 'all') {
  FakeWebSocket.install();
  // The person, with their notification level, is in the cache before the chat screen shows.
  const me = currentUser({ ...ada, notifications: { desktop } });
  mockApi({
    'GET /api/channels': jsonResponse({ channels: [general] }),
    // The browser's time zone, sent for a person with none saved: answered with the person plus that zone.
    'PATCH /api/users/me': async (request) => jsonResponse({ ...me, ...(await request.json()) }),
  });
  const client = createQueryClient();
  client.setQueryData(queryKeys.me, me);
  render(
    <QueryClientProvider client={client}>
      <ChatScreen user={me} onSignOut={vi.fn()} focusHeading={false} />
    </QueryClientProvider>,
  );
  await screen.findByRole('link', { name: /general/ });
  const socket = FakeWebSocket.instances[0];
  act(() => socket.open());
  return { socket, client };
}

describe('desktop notifications on the chat screen', () => {
  it("notifies of someone else's new message in the background, named by author and channel; a click opens the channel", async () => {
    const { shown } = stubNotifications('granted');
    turnedOn();
    setVisibility('hidden');
    vi.spyOn(window, 'focus').mockImplementation(() => {});
    const { socket } = await renderChatScreen();

    act(() => socket.receive(messageNewFrame(5)));

    expect(shown.map((n) => [n.title, n.options.body])).toEqual([
      [messages.settings.notificationTitle('Bob Builder', '#general'), 'text 5'],
    ]);
    act(() => shown[0].onclick?.());
    expect(window.location.hash).toBe('#/c/c1');
  });

  it('does not notify of one’s own message, sent from another tab or device', async () => {
    const { shown } = stubNotifications('granted');
    turnedOn();
    setVisibility('hidden');
    const { socket } = await renderChatScreen();

    act(() => socket.receive(messageNewFrame(5, ada)));
    expect(shown).toHaveLength(0);

    // The next one, from Bob, does: the silence above was about the author.
    act(() => socket.receive(messageNewFrame(6)));
    expect(shown).toHaveLength(1);
  });

  it('follows a level saved in Settings at once: the cached person decides, not the one the screen began with', async () => {
    const { shown } = stubNotifications('granted');
    turnedOn();
    setVisibility('hidden');
    const { socket, client } = await renderChatScreen('all');

    act(() => client.setQueryData(queryKeys.me, currentUser({ ...ada, notifications: { desktop: 'off' } })));
    act(() => socket.receive(messageNewFrame(5)));
    expect(shown).toHaveLength(0);
  });

  it('at the default level (mentions and direct messages) stays silent for an ordinary channel message', async () => {
    const { shown } = stubNotifications('granted');
    turnedOn();
    setVisibility('hidden');
    const { socket } = await renderChatScreen('mentions');

    act(() => socket.receive(messageNewFrame(5)));
    expect(shown).toHaveLength(0);

    act(() =>
      socket.receive({ ...messageNewFrame(6), message: { ...messageNewFrame(6).message, text: 'hey @ada' } }),
    );
    expect(shown).toHaveLength(1);
  });
});
