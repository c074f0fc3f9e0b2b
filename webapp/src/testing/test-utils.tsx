import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { http } from 'msw';
import { vi } from 'vitest';
import { AuthProvider } from '@/features/auth/components/auth-provider';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import type { AuthResponse, Channel, CurrentUser, Message, ProblemDetails } from '@/types/api';
import { server } from './server';

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problemResponse(
  status: number,
  problem: ProblemDetails = {},
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify({ status, title: 'Problem', ...problem }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function emptyResponse(status = 204): Response {
  return new Response(null, { status });
}

export function authResponse(overrides: Partial<AuthResponse> = {}): AuthResponse {
  return {
    token: 'token-1',
    userId: 'u-1',
    username: 'ada',
    fullName: 'Ada Lovelace',
    role: 'user',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    ...overrides,
  };
}

export function currentUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: 'u-1',
    username: 'ada',
    fullName: 'Ada Lovelace',
    avatarURL: null,
    role: 'user',
    online: true,
    lastActive: null,
    createdAt: '2026-01-01T00:00:00Z',
    phoneNumber: null,
    notifications: null,
    ...overrides,
  };
}

/** A channel as the server lists it: a public team channel named like its id, created by u-1, unless overridden. */
export function channelOf(id: string, overrides: Partial<Channel> = {}): Channel {
  return {
    id,
    type: 'team',
    name: id,
    description: null,
    private: false,
    createdBy: 'u-1',
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    memberCount: 2,
    lastSeq: 3,
    lastMessageAt: '2026-11-20T00:00:00Z',
    unreadCount: 0,
    ...overrides,
  };
}

/** A message as the server sends it: seq 1 by bob in channel c1, unless overridden. */
export function messageOf(overrides: Partial<Message> = {}): Message {
  const seq = overrides.seq ?? 1;
  const createdAt = overrides.createdAt ?? '2026-01-01T10:00:00Z';
  return {
    id: `m${seq}`,
    channelId: 'c1',
    seq,
    user: { id: 'u-2', username: 'bob', fullName: 'Bob Builder', avatarURL: null },
    text: `text ${seq}`,
    createdAt,
    updatedAt: createdAt,
    edited: false,
    deleted: false,
    parentId: null,
    replyCount: 0,
    reactions: [],
    clientMessageId: `cm${seq}`,
    ...overrides,
  };
}

/** A `message.new` socket frame for channel c1 carrying messageOf({seq, user}), as the server sends it. */
export function messageNewFrame(seq: number, user = messageOf().user) {
  return {
    type: 'message.new',
    channelId: 'c1',
    seq,
    message: messageOf({ seq, user, text: `text ${seq}` }),
  };
}

/** The handlers a message row takes, each a spy. */
export function messageHandlers() {
  return {
    onReact: vi.fn(),
    onStartEdit: vi.fn(),
    onSaveEdit: vi.fn(),
    onCancelEdit: vi.fn(),
    onDelete: vi.fn(),
    onRetry: vi.fn(),
    onDiscard: vi.fn(),
    onRemovePreview: vi.fn(),
  };
}

type Reply = Response | ((request: Request) => Response | Promise<Response>);

export interface RecordedCall {
  method: string;
  /** The path alone, as routes name it. */
  path: string;
  /** The path with its query string, as the client asked for it. */
  url: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials;
}

const methods = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete };

/**
 * Gives the mock server (MSW) one handler per "METHOD /path" of the table, in place of any given before. A route
 * given a list answers with its items in turn and then keeps repeating the last one; a function gets the request.
 * Every request the client sends is recorded, answered or not; one no route expects fails (onUnhandledRequest).
 */
export function mockApi(routes: Record<string, Reply | Reply[]>) {
  const calls: RecordedCall[] = [];
  const recording = new Map<string, Promise<void>>();
  server.events.removeAllListeners('request:start');
  server.events.on('request:start', ({ request, requestId }) => {
    const url = new URL(request.url);
    const seen = {
      method: request.method,
      path: url.pathname,
      url: url.pathname + url.search,
      headers: new Headers(request.headers),
      credentials: request.credentials,
    };
    // Pushed once its body is read, which each handler awaits before it answers.
    const read = request.method === 'GET' ? Promise.resolve('') : request.clone().text();
    recording.set(
      requestId,
      read.then((text) => {
        calls.push({ ...seen, body: text ? JSON.parse(text) : undefined });
      }),
    );
  });
  const handlers = Object.entries(routes).map(([key, route]) => {
    const [method, path] = key.split(' ') as [keyof typeof methods, string];
    const replies = Array.isArray(route) ? route : [route];
    let served = 0;
    return methods[method](path, async ({ request, requestId }) => {
      await recording.get(requestId);
      const reply = replies[Math.min(served++, replies.length - 1)];
      return typeof reply === 'function' ? reply(request) : reply.clone();
    });
  });
  server.resetHandlers(...handlers);
  return { calls, callsTo: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key) };
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Renders inside the auth provider, which asks POST /api/auth/refresh on mount (mock it), and the query cache it
 * keeps the signed-in person in (`client`, seeded with `me` when given).
 */
export function renderWithAuth(ui: ReactElement, me?: CurrentUser) {
  const user = userEvent.setup();
  const client = createQueryClient();
  if (me) client.setQueryData(queryKeys.me, me);
  const rendered = render(
    <QueryClientProvider client={client}>
      <AuthProvider>{ui}</AuthProvider>
    </QueryClientProvider>,
  );
  return { user, client, ...rendered };
}
