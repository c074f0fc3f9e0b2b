import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storageKeys } from '@/config/constants';
import { useRealtime } from '../use-realtime';
import { navigate } from '@/lib/navigation';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { setVisibility, stubNotifications, turnedOn } from '@/testing/browser-notifications';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { channelOf, messageNewFrame } from '@/testing/test-utils';
import type { Message } from '@/types/api';
import {
  desktopNotificationsEnabled,
  notifyIfHidden,
  setDesktopNotifications,
} from '@/lib/desktop-notifications';

afterEach(() => {
  window.location.hash = '';
});

describe('notifyIfHidden', () => {
  it('shows the notification while the tab is hidden; a click focuses the window, runs the action and closes it', () => {
    const { shown } = stubNotifications('granted');
    turnedOn();
    setVisibility('hidden');
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {});
    const onClick = vi.fn();

    notifyIfHidden('Bob Builder in general', 'lunch?', onClick);

    expect(shown).toHaveLength(1);
    expect(shown[0].title).toBe('Bob Builder in general');
    expect(shown[0].options).toMatchObject({ body: 'lunch?' });
    shown[0].onclick?.();
    expect(focus).toHaveBeenCalled();
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(shown[0].close).toHaveBeenCalled();
  });

  it('shows nothing while the tab is visible', () => {
    const { shown } = stubNotifications('granted');
    turnedOn();
    setVisibility('visible');

    notifyIfHidden('Bob Builder in general', 'lunch?', vi.fn());

    expect(shown).toHaveLength(0);
  });

  it.each<NotificationPermission>(['default', 'denied'])(
    'shows nothing when the permission is "%s", even with the setting on',
    (permission) => {
      const { shown } = stubNotifications(permission);
      turnedOn();
      setVisibility('hidden');

      notifyIfHidden('Bob Builder in general', 'lunch?', vi.fn());

      expect(shown).toHaveLength(0);
      expect(desktopNotificationsEnabled()).toBe(false);
    },
  );

  it('shows nothing when the setting is off, even with the permission granted', () => {
    const { shown } = stubNotifications('granted');
    setVisibility('hidden');

    notifyIfHidden('Bob Builder in general', 'lunch?', vi.fn());
    window.localStorage.setItem(storageKeys.desktopNotifications, 'off');
    notifyIfHidden('Bob Builder in general', 'lunch?', vi.fn());

    expect(shown).toHaveLength(0);
  });

  it('does nothing, and does not throw, where the browser has no notifications', () => {
    turnedOn();
    setVisibility('hidden');
    expect('Notification' in window).toBe(false);

    expect(() => notifyIfHidden('Bob Builder in general', 'lunch?', vi.fn())).not.toThrow();
  });
});

describe('setDesktopNotifications', () => {
  it('asks for the permission when turning on and is on only if granted', async () => {
    const { FakeNotification } = stubNotifications('granted');
    await expect(setDesktopNotifications(true)).resolves.toBe(true);
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(desktopNotificationsEnabled()).toBe(true);
  });

  it('stays off when the permission is refused', async () => {
    stubNotifications('denied');
    await expect(setDesktopNotifications(true)).resolves.toBe(false);
    expect(window.localStorage.getItem(storageKeys.desktopNotifications)).toBe('off');
  });

  it('turns off without asking', async () => {
    const { FakeNotification } = stubNotifications('granted');
    turnedOn();
    await expect(setDesktopNotifications(false)).resolves.toBe(false);
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    expect(desktopNotificationsEnabled()).toBe(false);
  });
});

const general = channelOf('c1', { name: 'general', createdBy: 'u-2', lastSeq: 4 });

const ada = { id: 'u-1', username: 'ada', fullName: 'Ada Lovelace', avatarURL: null };

/**
 * The realtime hook with its socket open and the channel list cached, handing new messages to notifyIfHidden
 * the way the chat screen does (src/app/chat-screen.tsx, whose title wording is its own business).
 */
function renderRealtime() {
  FakeWebSocket.install();
  const client = createQueryClient();
  client.setQueryData(queryKeys.channels, [general]);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const onIncomingMessage = (message: Message) =>
    notifyIfHidden(message.user.fullName, message.text, () => navigate(message.channelId));
  renderHook(() => useRealtime(ada, { onIncomingMessage }), { wrapper });
  const socket = FakeWebSocket.instances[0];
  act(() => socket.open());
  return socket;
}

describe('desktop notifications of realtime messages', () => {
  it("notify of someone else's new message in the background; a click opens its channel", () => {
    const { shown } = stubNotifications('granted');
    turnedOn();
    setVisibility('hidden');
    vi.spyOn(window, 'focus').mockImplementation(() => {});
    const socket = renderRealtime();

    act(() => socket.receive(messageNewFrame(5)));

    expect(shown.map((n) => [n.title, n.options.body])).toEqual([['Bob Builder', 'text 5']]);
    act(() => shown[0].onclick?.());
    expect(window.location.hash).toBe('#/c/c1');
  });

  it('never notify of one’s own message, sent from another tab or device', () => {
    const { shown } = stubNotifications('granted');
    turnedOn();
    setVisibility('hidden');
    const socket = renderRealtime();

    act(() => socket.receive(messageNewFrame(5, ada)));
    expect(shown).toHaveLength(0);

    // The next one, from Bob, does: the silence above was about the author.
    act(() => socket.receive(messageNewFrame(6)));
    expect(shown).toHaveLength(1);
  });

  it('stay silent while the tab is visible', () => {
    const { shown } = stubNotifications('granted');
    turnedOn();
    setVisibility('visible');
    const socket = renderRealtime();

    act(() => socket.receive(messageNewFrame(5)));

    expect(shown).toHaveLength(0);
  });
});
