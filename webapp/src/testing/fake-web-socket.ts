import { vi } from 'vitest';

/**
 * The browser's WebSocket, as the app's realtime hook sees it: every socket the app opens is kept in
 * `instances`, records the frames sent on it, and opens or receives a frame only when the test says so.
 */
export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];

  /** Puts this class in place of the browser's WebSocket, with no sockets yet. */
  static install() {
    FakeWebSocket.instances = [];
    vi.stubGlobal('WebSocket', FakeWebSocket);
  }

  readyState = 0;
  readonly sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  readonly url: string;
  readonly protocols: string[];

  constructor(url = '', protocols: string[] = []) {
    this.url = url;
    this.protocols = protocols;
    FakeWebSocket.instances.push(this);
  }

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }

  close() {
    this.readyState = 3;
  }

  open() {
    this.readyState = 1;
    this.onopen?.();
  }

  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}
