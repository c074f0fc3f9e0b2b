import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { typingIdleMs, typingThrottleMs } from '@/config/constants';
import { messages } from '@/config/messages';
import { setRealtimeClient } from '@/lib/realtime';
import { SocketClient, type SocketLike } from '@/lib/socket-client';
import { Composer } from '../../components/composer';

/** A socket that is open at once and keeps what the client writes to it. */
class FakeSocket implements SocketLike {
  readyState = 1;
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: string[] = [];
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
}

let socket: FakeSocket;
let client: SocketClient;

/** The typing frames that went over the socket, in order. */
function typingFrames() {
  return socket.sent
    .map((data) => JSON.parse(data) as { type: string; channelId?: string })
    .filter((frame) => frame.type.startsWith('typing.'));
}

const start = { type: 'typing.start', channelId: 'c1' };
const stop = { type: 'typing.stop', channelId: 'c1' };

/**
 * Key by key, with fireEvent: the sender reads Date.now() and sets timeouts, so the clock is fake and moves
 * only when a test moves it (user-event's async steps wait on timers that would then never fire).
 */
function renderComposer() {
  render(<Composer channelId="c1" label="Message #general" onSend={vi.fn()} />);
  const box = screen.getByRole('textbox', { name: 'Message #general' }) as HTMLTextAreaElement;
  const type = (text: string) => {
    for (const key of text) fireEvent.change(box, { target: { value: box.value + key } });
  };
  const clear = () => fireEvent.change(box, { target: { value: '' } });
  const pressEnter = () => fireEvent.keyDown(box, { key: 'Enter' });
  return { box, type, clear, pressEnter };
}

describe('useTypingSender (through the composer, over the realtime socket)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    client = new SocketClient({
      url: 'ws://localhost/ws',
      createSocket: () => (socket = new FakeSocket()),
      onChannelEvent: () => {},
      onResync: () => {},
    });
    client.start();
    socket.onopen?.(new Event('open'));
    setRealtimeClient(client);
  });

  afterEach(() => {
    setRealtimeClient(null);
    client.stop();
    vi.useRealTimers();
  });

  it('sends typing.start when the user starts typing, and not again for every key within the throttle time', () => {
    const { type } = renderComposer();
    type('hello there');
    expect(typingFrames()).toEqual([start]);

    // Still typing, a key a second (never idle), until the throttle time has passed: one more typing.start.
    for (let waited = 0; waited <= typingThrottleMs; waited += 1000) {
      act(() => vi.advanceTimersByTime(1000));
      type('x');
    }
    expect(typingFrames()).toEqual([start, start]);
  });

  it('sends typing.stop once the user has been idle for the idle time, not before', () => {
    const { type } = renderComposer();
    type('hi');
    act(() => vi.advanceTimersByTime(typingIdleMs - 10));
    expect(typingFrames()).toEqual([start]);
    act(() => vi.advanceTimersByTime(10));
    expect(typingFrames()).toEqual([start, stop]);
    act(() => vi.advanceTimersByTime(typingIdleMs * 2));
    expect(typingFrames()).toEqual([start, stop]);
  });

  it('sends typing.stop at once when the message is sent, and starts again at once with the next message', () => {
    const { box, type, pressEnter } = renderComposer();
    type('hi');
    pressEnter();
    expect(box).toHaveValue('');
    expect(typingFrames()).toEqual([start, stop]);

    // Well within the throttle time: a new message is news to the others.
    type('and');
    expect(typingFrames()).toEqual([start, stop, start]);
  });

  it('sends typing.stop at once when the text is cleared', () => {
    const { box, type, clear } = renderComposer();
    type('oops');
    clear();
    expect(box).toHaveValue('');
    expect(typingFrames()).toEqual([start, stop]);
    // The idle timer does not send a second stop.
    act(() => vi.advanceTimersByTime(typingIdleMs * 2));
    expect(typingFrames()).toEqual([start, stop]);
  });

  it('sends typing.stop when the message is sent with the Send button', () => {
    const { type } = renderComposer();
    type('hi');
    fireEvent.click(screen.getByRole('button', { name: messages.composer.send }));
    expect(typingFrames()).toEqual([start, stop]);
  });
});
