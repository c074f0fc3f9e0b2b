import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelEvent, Message } from '@/types/api';
import { type SocketLike, SocketClient, backoffDelay } from '../socket-client';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly url: string;
  readonly protocols: string[];
  constructor(url: string, protocols: string[]) {
    this.url = url;
    this.protocols = protocols;
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
  open() {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
}

function event(channelId: string, seq: number): ChannelEvent {
  return { type: 'message.new', channelId, seq, message: { id: `m${seq}` } as Message };
}

function setup(overrides: Partial<ConstructorParameters<typeof SocketClient>[0]> = {}) {
  const sockets: FakeSocket[] = [];
  const onChannelEvent = vi.fn();
  const onResync = vi.fn();
  const onStatus = vi.fn();
  const client = new SocketClient({
    url: 'ws://test/ws',
    protocols: ['netchat.v1'],
    createSocket: (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      sockets.push(socket);
      return socket;
    },
    onChannelEvent,
    onResync,
    onStatus,
    random: () => 0.5,
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    ...overrides,
  });
  const last = () => sockets[sockets.length - 1];
  return { client, sockets, last, onChannelEvent, onResync, onStatus };
}

describe('SocketClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands read.updated to onFrame, not to the channel events: its seq is a read marker, not a log place', () => {
    const onFrame = vi.fn();
    const { client, last, onChannelEvent } = setup({ onFrame });
    client.seedCursor('c1', 5);
    client.start();
    last().open();
    const read = { type: 'read.updated', channelId: 'c1', userId: 'u1', seq: 3 };
    last().receive(read);
    expect(onFrame).toHaveBeenCalledWith(read);
    expect(onChannelEvent).not.toHaveBeenCalled();
    // And it moves no cursor: the next channel event is still expected at 6.
    last().receive(event('c1', 6));
    expect(onChannelEvent).toHaveBeenCalledTimes(1);
    client.stop();
  });

  it('hands receipt.updated to onFrame too: its seq is how far another member has read', () => {
    const onFrame = vi.fn();
    const { client, last, onChannelEvent } = setup({ onFrame });
    client.seedCursor('c1', 5);
    client.start();
    last().open();
    const receipt = { type: 'receipt.updated', channelId: 'c1', userId: 'u2', seq: 9 };
    last().receive(receipt);
    expect(onFrame).toHaveBeenCalledWith(receipt);
    expect(onChannelEvent).not.toHaveBeenCalled();
    last().receive(event('c1', 6));
    expect(onChannelEvent).toHaveBeenCalledTimes(1);
    client.stop();
  });

  it('connects with the netchat.v1 subprotocol and sends resume on open', () => {
    const { client, last } = setup();
    client.seedCursor('c1', 7);
    client.start();
    expect(last().protocols).toEqual(['netchat.v1']);
    last().open();
    expect(last().sent).toEqual([{ type: 'resume', cursors: { c1: 7 } }]);
    client.stop();
  });

  it('reconnects with exponential back-off and jitter, and resets it after a success', () => {
    const { client, sockets, last, onStatus } = setup();
    client.start();
    last().drop(); // never opened: attempt 0 -> 750 ms (half fixed + half of random 0.5)
    expect(onStatus).toHaveBeenLastCalledWith('reconnecting');
    vi.advanceTimersByTime(749);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().drop(); // attempt 1 -> 1500 ms
    vi.advanceTimersByTime(1499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    last().drop(); // attempt 2 -> 3000 ms
    vi.advanceTimersByTime(3000);
    expect(sockets).toHaveLength(4);
    last().open();
    expect(onStatus).toHaveBeenLastCalledWith('open');
    last().drop(); // back to attempt 0
    vi.advanceTimersByTime(750);
    expect(sockets).toHaveLength(5);
    client.stop();
  });

  it('caps the back-off at the maximum delay', () => {
    expect(backoffDelay(20, 1000, 8000, () => 1)).toBe(8000);
    expect(backoffDelay(0, 1000, 8000, () => 0)).toBe(500);
  });

  it('sends the cursors of every channel it applied on reconnect', () => {
    const { client, last } = setup();
    client.start();
    last().open();
    last().receive(event('c1', 1));
    last().receive(event('c1', 2));
    last().receive(event('c2', 5));
    last().drop();
    vi.advanceTimersByTime(10_000);
    last().open();
    expect(last().sent[0]).toEqual({ type: 'resume', cursors: { c1: 2, c2: 5 } });
    client.stop();
  });

  it('drops the socket at once when the browser goes offline and resumes from its cursors when back', () => {
    const { client, sockets, last, onStatus, onChannelEvent } = setup();
    client.start();
    last().open();
    last().receive(event('c1', 1));
    const dead = last();
    client.dropConnection();
    expect(dead.readyState).toBe(3);
    expect(onStatus).toHaveBeenLastCalledWith('reconnecting');
    // A frame the dead socket still delivers is not applied: resume will bring it in order.
    dead.onmessage?.({ data: JSON.stringify(event('c1', 2)) } as MessageEvent);
    expect(onChannelEvent).toHaveBeenCalledTimes(1);
    expect(sockets).toHaveLength(1);
    client.reconnectNow();
    expect(sockets).toHaveLength(2);
    last().open();
    expect(last().sent[0]).toEqual({ type: 'resume', cursors: { c1: 1 } });
    expect(onStatus).toHaveBeenLastCalledWith('open');
    client.stop();
  });

  it('ignores duplicates and applies out-of-order events in seq order', () => {
    const { client, last, onChannelEvent } = setup();
    client.seedCursor('c1', 1);
    client.start();
    last().open();
    last().receive(event('c1', 1)); // duplicate of what REST gave
    last().receive(event('c1', 3)); // early
    last().receive(event('c1', 4));
    expect(onChannelEvent).not.toHaveBeenCalled();
    last().receive(event('c1', 2));
    last().receive(event('c1', 3)); // duplicate
    expect(onChannelEvent.mock.calls.map(([e]) => e.seq)).toEqual([2, 3, 4]);
    expect(client.getCursor('c1')).toBe(4);
    client.stop();
  });

  it('refetches a channel on resync.required', () => {
    const { client, last, onResync, onChannelEvent } = setup();
    client.seedCursor('c1', 3);
    client.start();
    last().open();
    last().receive({ type: 'resync.required', channelId: 'c1' });
    expect(onResync).toHaveBeenCalledWith('c1');
    // The cursor is forgotten: the next event is taken as the new starting point.
    last().receive(event('c1', 40));
    expect(onChannelEvent).toHaveBeenCalledTimes(1);
    client.stop();
  });

  it('resyncs a channel whose gap does not fill in time', () => {
    const { client, last, onResync } = setup({ gapTimeoutMs: 2000 });
    client.seedCursor('c1', 1);
    client.start();
    last().open();
    last().receive(event('c1', 3));
    vi.advanceTimersByTime(2000);
    expect(onResync).toHaveBeenCalledWith('c1');
    client.stop();
  });

  it('pings every 30 seconds while open', () => {
    const { client, last } = setup({ pingIntervalMs: 30_000 });
    client.start();
    last().open();
    last().sent = [];
    vi.advanceTimersByTime(30_000);
    last().receive({ type: 'pong' });
    vi.advanceTimersByTime(30_000);
    expect(last().sent).toEqual([{ type: 'ping' }, { type: 'ping' }]);
    client.stop();
  });

  it('passes frames without seq to onFrame and stops reconnecting after stop()', () => {
    const onFrame = vi.fn();
    const { client, sockets, last } = setup({ onFrame });
    client.start();
    last().open();
    last().receive({ type: 'typing.start', channelId: 'c1', userId: 'u2' });
    expect(onFrame).toHaveBeenCalledWith({ type: 'typing.start', channelId: 'c1', userId: 'u2' });
    client.stop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
