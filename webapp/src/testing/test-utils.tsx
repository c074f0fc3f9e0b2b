import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { AuthProvider } from '@/features/auth/components/auth-provider';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import type { AuthResponse, Channel, CurrentUser, Message, ProblemDetails } from '@/types/api';

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

type Reply = Response | (() => Response | Promise<Response>);

export interface RecordedCall {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/**
 * Replaces fetch with a fake that answers "METHOD /path" from a table. A route given a list answers with its
 * items in turn and then keeps repeating the last one. Unknown routes answer 404 and fail loudly in calls.
 */
export function mockFetch(routes: Record<string, Reply | Reply[]>) {
  const calls: RecordedCall[] = [];
  const served = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = new URL(String(input), 'http://localhost').pathname;
    const key = `${method} ${path}`;
    const text = typeof init.body === 'string' ? init.body : undefined;
    calls.push({
      method,
      path,
      headers: new Headers(init.headers),
      body: text ? JSON.parse(text) : undefined,
      credentials: init.credentials,
    });
    const route = routes[key];
    if (route === undefined) return problemResponse(404, { title: `No mock for ${key}` });
    const replies = Array.isArray(route) ? route : [route];
    const index = served.get(key) ?? 0;
    served.set(key, index + 1);
    const reply = replies[Math.min(index, replies.length - 1)];
    return typeof reply === 'function' ? reply() : reply.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls, callsTo: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key) };
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
