import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getOutbox, reloadOutbox } from '@/lib/outbox';
import { createQueryClient } from '@/lib/query-client';
import { notifyOpen } from '@/lib/realtime';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/test-utils';
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
    const { calls } = mockFetch({
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

  it('marks a rejected message as failed, and Retry sends the same clientMessageId again', async () => {
    let first = true;
    const { calls } = mockFetch({
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
});
