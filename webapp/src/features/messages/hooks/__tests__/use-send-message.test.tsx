import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getOutbox, reloadOutbox, useOutbox } from '@/lib/outbox';
import { createQueryClient } from '@/lib/query-client';
import { notifyOpen } from '@/lib/realtime';
import { jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';
import { useOutboxFlusher, useSendMessage } from '../use-send-message';

const self = { id: 'u-1', username: 'ada' };

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={createQueryClient()}>{children}</QueryClientProvider>;
}

function posted(body: { text: string; clientMessageId: string }) {
  return {
    id: 'm1',
    channelId: 'c1',
    seq: 1,
    user: { id: 'u-1', username: 'ada', fullName: 'Ada', avatarURL: null },
    text: body.text,
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    edited: false,
    deleted: false,
    parentId: null,
    replyCount: 0,
    reactions: [],
    clientMessageId: body.clientMessageId,
  };
}

describe('useSendMessage', () => {
  afterEach(() => {
    window.localStorage.clear();
    reloadOutbox();
  });

  it('keeps a message written offline in the outbox and sends it, with the same clientMessageId, on reconnect', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { calls } = mockApi({
      'POST /api/channels/c1/messages': () =>
        jsonResponse(posted(calls[calls.length - 1].body as never), 201),
    });
    const { result } = renderHook(
      () => {
        useOutboxFlusher(self);
        return useSendMessage(self);
      },
      { wrapper },
    );
    act(() => result.current.send('c1', 'written offline'));
    expect(getOutbox()).toMatchObject([{ text: 'written offline', status: 'queued' }]);
    expect(JSON.parse(window.localStorage.getItem('netchat.outbox') ?? '[]')).toHaveLength(1);
    expect(calls).toHaveLength(0);

    online.mockReturnValue(true);
    const id = getOutbox()[0].clientMessageId;
    act(() => notifyOpen());
    await waitFor(() => expect(getOutbox()).toHaveLength(0));
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ text: 'written offline', clientMessageId: id });
  });

  it("posts a channel's messages one at a time in the order written, a queued one first", async () => {
    let connected = false;
    let release: () => void = () => {};
    const { calls } = mockApi({
      'POST /api/channels/c1/messages': () => {
        const body = calls[calls.length - 1].body as never;
        if (!connected) return Response.error();
        // The first answer is slow: the second message must wait for it, not overtake it.
        if (calls.length === 3)
          return new Promise((resolve) => (release = () => resolve(jsonResponse(posted(body), 201))));
        return jsonResponse(posted(body), 201);
      },
    });
    const { result } = renderHook(
      () => {
        useOutboxFlusher(self);
        return useSendMessage(self);
      },
      { wrapper },
    );
    // The server is away: the first goes back to the queue, and the second waits behind it without a request.
    act(() => result.current.send('c1', 'first'));
    await waitFor(() => expect(getOutbox()).toMatchObject([{ text: 'first', status: 'queued' }]));
    act(() => result.current.send('c1', 'second'));
    await waitFor(() =>
      expect(getOutbox()).toMatchObject([
        { text: 'first', status: 'queued' },
        { text: 'second', status: 'queued' },
      ]),
    );
    expect(calls.map((c) => (c.body as { text: string }).text)).toEqual(['first', 'first']);

    // Back: both are sent, the second only once the first is acknowledged.
    connected = true;
    act(() => notifyOpen());
    await waitFor(() => expect(calls).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(3);
    act(() => release());
    await waitFor(() => expect(getOutbox()).toHaveLength(0));
    expect(calls.map((c) => (c.body as { text: string }).text)).toEqual([
      'first',
      'first',
      'first',
      'second',
    ]);
  });

  it('marks a rejected message as failed, and Retry sends the same clientMessageId again', async () => {
    let first = true;
    const { calls } = mockApi({
      'POST /api/channels/c1/messages': () => {
        if (first) {
          first = false;
          return problemResponse(400, { detail: 'nope' });
        }
        return jsonResponse(posted(calls[calls.length - 1].body as never), 200);
      },
    });
    const { result } = renderHook(() => useSendMessage(self), { wrapper });
    act(() => result.current.send('c1', 'hello'));
    await waitFor(() => expect(getOutbox()[0]?.status).toBe('failed'));
    act(() => result.current.retry(getOutbox()[0]));
    await waitFor(() => expect(getOutbox()).toHaveLength(0));
    expect(calls[0].body).toEqual(calls[1].body);
  });

  it("never shows or sends another user's queued messages (a shared browser), and keeps them for that user", async () => {
    const queuedByAnother = {
      clientMessageId: 'cm-other',
      userId: 'u-2',
      channelId: 'c1',
      parentId: null,
      text: 'written by someone else',
      createdAt: '2026-11-20T10:00:00Z',
      status: 'queued',
    };
    const legacyWithoutAuthor = { ...queuedByAnother, clientMessageId: 'cm-legacy', userId: undefined };
    window.localStorage.setItem('netchat.outbox', JSON.stringify([queuedByAnother, legacyWithoutAuthor]));
    reloadOutbox();
    const { calls } = mockApi({
      'POST /api/channels/c1/messages': () =>
        jsonResponse(posted(calls[calls.length - 1].body as never), 201),
    });
    const { result } = renderHook(
      () => {
        useOutboxFlusher(self);
        return { send: useSendMessage(self), mine: useOutbox(self.id) };
      },
      { wrapper },
    );
    expect(result.current.mine).toEqual([]);

    act(() => notifyOpen());
    act(() => result.current.send.send('c1', 'mine'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].body).toMatchObject({ text: 'mine' });
    await waitFor(() => expect(getOutbox().map((e) => e.clientMessageId)).toEqual(['cm-other']));
    expect(calls).toHaveLength(1);
  });
});
