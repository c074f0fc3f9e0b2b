/**
 * The one WebSocket of the client: connects to /ws, reconnects with exponential back-off and jitter, asks the
 * server to replay what it missed (`resume` with the last seq applied per channel), applies channel events in
 * seq order exactly once per channel, and reports `resync.required` (or a gap that never fills) so that the
 * caller refetches that channel by REST. It knows nothing about React or the cache: callbacks do.
 */
import type { ChannelEvent, ServerFrame } from '@/types/api';

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'stopped';

/** The part of the browser's WebSocket this client uses; tests pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type ClientFrame =
  | { type: 'resume'; cursors: Record<string, number> }
  | { type: 'typing.start' | 'typing.stop'; channelId: string }
  | { type: 'ping' };

export interface SocketClientOptions {
  url: string;
  protocols?: string[];
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  /** A channel event, in seq order, at most once. */
  onChannelEvent: (event: ChannelEvent) => void;
  /** Everything without a seq (presence, typing, read.updated, channel.created, error, hello). */
  onFrame?: (frame: ServerFrame) => void;
  /** The channel's history cannot be replayed: refetch it. */
  onResync: (channelId: string) => void;
  onStatus?: (status: ConnectionStatus) => void;
  /** The server closed the connection (code and reason as sent), e.g. 1008 "Session ended: account disabled". */
  onClose?: (code: number, reason: string) => void;
  /** Runs after every successful (re)connection, once `resume` is sent. */
  onOpen?: () => void;
  /** Awaited before reconnecting after a connection that never opened (e.g. to renew the session). */
  beforeReconnect?: () => Promise<unknown>;
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  pingIntervalMs?: number;
  /** How long an out-of-order event waits for the ones before it before the channel is resynced. */
  gapTimeoutMs?: number;
}

const OPEN = 1;

/** Exponential back-off with "equal jitter": half the delay is fixed, half random. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * A channel event carries its place in the channel's log (seq). read.updated and receipt.updated also have a seq,
 * but it is a read position, not a log position: taken for an event it was dropped as "already applied" and never
 * reached the cache.
 */
function isChannelEvent(frame: ServerFrame): frame is ChannelEvent {
  return (
    frame.type !== 'read.updated' &&
    frame.type !== 'receipt.updated' &&
    'seq' in frame &&
    typeof frame.seq === 'number' &&
    typeof frame.channelId === 'string'
  );
}

export class SocketClient {
  private readonly options: Required<
    Pick<SocketClientOptions, 'baseDelayMs' | 'maxDelayMs' | 'pingIntervalMs' | 'gapTimeoutMs' | 'random'>
  > &
    SocketClientOptions;
  private socket: SocketLike | null = null;
  private attempt = 0;
  private opened = false;
  private stopped = true;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastFrameAt = 0;
  private readonly cursors = new Map<string, number>();
  private readonly pending = new Map<string, Map<number, ChannelEvent>>();
  private readonly gapTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private currentStatus: ConnectionStatus = 'idle';

  constructor(options: SocketClientOptions) {
    this.options = {
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      pingIntervalMs: 30_000,
      gapTimeoutMs: 3_000,
      random: Math.random,
      ...options,
    };
  }

  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.stopPing();
    this.gapTimers.forEach((timer) => clearTimeout(timer));
    this.gapTimers.clear();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'bye');
    }
    this.setStatus('stopped');
  }

  /** Skips the remaining back-off (the browser came back online). */
  reconnectNow(): void {
    if (this.stopped || this.socket) return;
    clearTimeout(this.reconnectTimer);
    this.connect();
  }

  /**
   * The browser says the network is gone: give up the socket now and reconnect with back-off (and at once on
   * `reconnectNow`), instead of waiting for unanswered pings. Events missed meanwhile come with `resume`.
   */
  dropConnection(): void {
    const socket = this.socket;
    if (this.stopped || !socket) return;
    this.socket = null;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.close(4001, 'offline');
    this.stopPing();
    this.scheduleReconnect(true);
  }

  send(frame: ClientFrame): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Remembers a channel's last seq seen by REST, unless the socket already knows a cursor for it. */
  seedCursor(channelId: string, seq: number): void {
    if (!this.cursors.has(channelId)) this.cursors.set(channelId, seq);
  }

  forgetChannel(channelId: string): void {
    this.cursors.delete(channelId);
    this.pending.delete(channelId);
    clearTimeout(this.gapTimers.get(channelId));
    this.gapTimers.delete(channelId);
  }

  getCursor(channelId: string): number | undefined {
    return this.cursors.get(channelId);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.options.onStatus?.(status);
  }

  private connect(): void {
    this.setStatus(this.attempt === 0 && !this.opened ? 'connecting' : 'reconnecting');
    const create =
      this.options.createSocket ??
      ((url: string, protocols: string[]) => new WebSocket(url, protocols) as unknown as SocketLike);
    let socket: SocketLike;
    try {
      socket = create(this.options.url, this.options.protocols ?? []);
    } catch {
      this.scheduleReconnect(false);
      return;
    }
    this.socket = socket;
    let didOpen = false;
    socket.onopen = () => {
      didOpen = true;
      this.opened = true;
      this.attempt = 0;
      this.lastFrameAt = Date.now();
      this.send({ type: 'resume', cursors: Object.fromEntries(this.cursors) });
      this.startPing();
      this.setStatus('open');
      this.options.onOpen?.();
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => {
      // A close event follows; reconnecting happens there.
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopPing();
      this.options.onClose?.(event?.code ?? 0, event?.reason ?? '');
      this.scheduleReconnect(didOpen);
    };
  }

  private scheduleReconnect(hadOpened: boolean): void {
    if (this.stopped) return;
    this.setStatus('reconnecting');
    const delay = backoffDelay(
      this.attempt,
      this.options.baseDelayMs,
      this.options.maxDelayMs,
      this.options.random,
    );
    this.attempt += 1;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (this.stopped) return;
      const before = !hadOpened && this.options.beforeReconnect ? this.options.beforeReconnect() : null;
      if (!before) {
        this.connect();
        return;
      }
      before
        .catch(() => undefined)
        .then(() => {
          if (!this.stopped && !this.socket) this.connect();
        });
    }, delay);
  }

  private startPing(): void {
    this.stopPing();
    this.pingTimer = setInterval(() => {
      // Two silent intervals: the connection is dead even if the browser has not noticed.
      if (Date.now() - this.lastFrameAt > 2 * this.options.pingIntervalMs + 5_000) {
        this.socket?.close(4000, 'no pong');
        return;
      }
      this.send({ type: 'ping' });
    }, this.options.pingIntervalMs);
  }

  private stopPing(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
  }

  private receive(data: unknown): void {
    this.lastFrameAt = Date.now();
    if (typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    if (!frame || typeof frame !== 'object' || typeof frame.type !== 'string') return;
    if (frame.type === 'resync.required') {
      this.resync(frame.channelId);
      return;
    }
    if (isChannelEvent(frame)) {
      this.applyInOrder(frame);
      return;
    }
    this.options.onFrame?.(frame);
  }

  private resync(channelId: string): void {
    this.forgetChannel(channelId);
    this.options.onResync(channelId);
  }

  private applyInOrder(event: ChannelEvent): void {
    const { channelId, seq } = event;
    const last = this.cursors.get(channelId);
    if (last !== undefined && seq <= last) return; // already applied
    if (last === undefined || seq === last + 1) {
      this.deliver(event);
      this.drain(channelId);
      return;
    }
    // A gap: hold the event until the ones before it arrive, or resync the channel.
    let held = this.pending.get(channelId);
    if (!held) {
      held = new Map();
      this.pending.set(channelId, held);
    }
    held.set(seq, event);
    if (!this.gapTimers.has(channelId)) {
      this.gapTimers.set(
        channelId,
        setTimeout(() => {
          this.gapTimers.delete(channelId);
          if (this.pending.get(channelId)?.size) this.resync(channelId);
        }, this.options.gapTimeoutMs),
      );
    }
  }

  private deliver(event: ChannelEvent): void {
    this.cursors.set(event.channelId, event.seq);
    this.options.onChannelEvent(event);
  }

  private drain(channelId: string): void {
    const held = this.pending.get(channelId);
    if (!held) return;
    for (;;) {
      const next = held.get((this.cursors.get(channelId) ?? 0) + 1);
      if (!next) break;
      held.delete(next.seq);
      this.deliver(next);
    }
    for (const seq of held.keys()) if (seq <= (this.cursors.get(channelId) ?? 0)) held.delete(seq);
    if (held.size === 0) {
      this.pending.delete(channelId);
      clearTimeout(this.gapTimers.get(channelId));
      this.gapTimers.delete(channelId);
    }
  }
}
