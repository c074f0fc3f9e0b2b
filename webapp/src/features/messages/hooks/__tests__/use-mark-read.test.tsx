import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook } from '@testing-library/react';
import { type ReactNode, useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDebounceMs, readRetryMaxMs, readRetryMs } from '@/config/constants';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { channelOf, deferred, emptyResponse, mockApi, problemResponse } from '@/testing/test-utils';
import type { Channel } from '@/types/api';
import { useMarkRead } from '../use-mark-read';

const general = channelOf('c1', {
  name: 'general',
  createdBy: 'u-2',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  lastSeq: 9,
  lastMessageAt: '2026-01-01T10:00:00Z',
  unreadCount: 6,
});

let visibility: DocumentVisibilityState;

function renderMarkRead(reply: () => Response | Promise<Response> = () => emptyResponse()) {
  const { callsTo } = mockApi({ 'POST /api/channels/c1/read': reply });
  const client = createQueryClient();
  client.setQueryData(queryKeys.channels, [general]);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result, unmount } = renderHook(() => useMarkRead('c1'), { wrapper });
  return {
    client,
    unmount,
    /** The list reports the highest message on screen. */
    seen: (seq: number) => act(() => result.current(seq)),
    /** The seqs posted so far, in order. */
    posted: () => callsTo('POST /api/channels/c1/read').map((c) => (c.body as { seq: number }).seq),
  };
}

/** Lets the read debounce (a setTimeout) run out, and the request and its answer settle. */
async function settle() {
  await act(() => vi.advanceTimersByTimeAsync(readDebounceMs));
}

async function showPage(state: DocumentVisibilityState) {
  visibility = state;
  await act(async () => {
    // It bubbles, as the browser's does: TanStack Query listens for it on window.
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(0);
  });
}

describe('useMarkRead', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    visibility = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('posts {seq} of the last message on screen to /api/channels/{id}/read once the reading settles', async () => {
    const { seen, posted } = renderMarkRead();
    seen(3);
    seen(5);
    seen(4);
    await act(() => vi.advanceTimersByTimeAsync(readDebounceMs - 1));
    expect(posted()).toEqual([]);
    await settle();
    expect(posted()).toEqual([4]);
  });

  it('does not read a message that only flashed past while the list settled at the first unread', async () => {
    const { seen, posted } = renderMarkRead();
    // Opening at the "New messages" line: for a moment the list reported the latest message, then the line.
    seen(115);
    await act(() => vi.advanceTimersByTimeAsync(readDebounceMs / 2));
    seen(66);
    await act(() => vi.advanceTimersByTimeAsync(readDebounceMs - 1));
    expect(posted()).toEqual([]);
    await settle();
    expect(posted()).toEqual([66]);
  });

  it('does not post again for a seq it has already sent', async () => {
    const { seen, posted } = renderMarkRead();
    seen(5);
    await settle();
    seen(5);
    seen(2);
    await settle();
    // Coming back to the tab is no reason to send the same read again.
    await showPage('hidden');
    await showPage('visible');
    expect(posted()).toEqual([5]);
  });

  it('never moves the read marker backwards, and moves it forwards for a newer message', async () => {
    const { seen, posted } = renderMarkRead();
    seen(7);
    await settle();
    seen(3);
    await settle();
    seen(8);
    await settle();
    expect(posted()).toEqual([7, 8]);
  });

  it('clears the channel’s unread count in the sidebar down to the messages after the one read', async () => {
    const { client, seen } = renderMarkRead();
    seen(7);
    await settle();
    expect(client.getQueryData<Channel[]>(queryKeys.channels)?.[0]).toMatchObject({ unreadCount: 2 });
  });

  it('sends nothing while the page is hidden, and sends what was seen when it is shown again', async () => {
    const { seen, posted } = renderMarkRead();
    await showPage('hidden');
    seen(4);
    await settle();
    expect(posted()).toEqual([]);
    await showPage('visible');
    expect(posted()).toEqual([4]);
  });

  it('holds the tries of a failed read while the page is hidden, and makes the next one once it is shown', async () => {
    let fail = true;
    const { seen, posted } = renderMarkRead(() => (fail ? problemResponse(500) : emptyResponse()));
    seen(6);
    await settle();
    expect(posted()).toEqual([6]);
    await showPage('hidden');
    await act(() => vi.advanceTimersByTimeAsync(2 * readRetryMaxMs));
    expect(posted()).toEqual([6]);
    fail = false;
    await showPage('visible');
    expect(posted()).toEqual([6, 6]);
    // Taken: nothing more to send.
    await act(() => vi.advanceTimersByTimeAsync(2 * readRetryMaxMs));
    expect(posted()).toEqual([6, 6]);
  });

  it('tries a failed read again with the same seq, waiting twice as long each time up to the maximum, until the server takes it', async () => {
    // Enough failures for the doubling to reach the cap.
    expect(16 * readRetryMs).toBeGreaterThan(readRetryMaxMs);
    let failures = 6;
    const sentAt: number[] = [];
    const { seen, posted } = renderMarkRead(() => {
      sentAt.push(Date.now());
      return failures-- > 0 ? problemResponse(500) : emptyResponse();
    });
    seen(6);
    await settle();
    await act(() => vi.advanceTimersByTimeAsync(5 * readRetryMaxMs));
    expect(posted()).toEqual([6, 6, 6, 6, 6, 6, 6]);
    expect(sentAt.slice(1).map((at, i) => at - sentAt[i])).toEqual([
      readRetryMs,
      2 * readRetryMs,
      4 * readRetryMs,
      8 * readRetryMs,
      readRetryMaxMs,
      readRetryMaxMs,
    ]);
    // Taken: nothing more to send.
    await act(() => vi.advanceTimersByTimeAsync(2 * readRetryMaxMs));
    expect(posted()).toHaveLength(7);
  });

  it('refetches the channel list when a read fails, so the sidebar shows the server’s count', async () => {
    const { client, seen } = renderMarkRead(() => problemResponse(500));
    expect(client.getQueryState(queryKeys.channels)?.isInvalidated).toBe(false);
    seen(7);
    await settle();
    expect(client.getQueryState(queryKeys.channels)?.isInvalidated).toBe(true);
  });

  it('leaves the channel list alone when a read fails after a newer one overtook it: that one decides', async () => {
    const first = deferred<Response>();
    const replies = [() => first.promise, () => emptyResponse()];
    const { client, seen, posted } = renderMarkRead(() => replies.shift()!());
    seen(6);
    await settle();
    seen(8);
    await settle();
    expect(posted()).toEqual([6, 8]);
    await act(async () => first.resolve(problemResponse(500)));
    expect(client.getQueryState(queryKeys.channels)?.isInvalidated).toBe(false);
  });

  it('stops trying a failed read again once the conversation is closed', async () => {
    const { seen, posted, unmount } = renderMarkRead(() => problemResponse(500));
    seen(6);
    await settle();
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(2 * readRetryMaxMs));
    expect(posted()).toEqual([6]);
  });

  it('tries only the newest read again: a newer read overtakes a failing older one', async () => {
    let failures = 2;
    const { seen, posted } = renderMarkRead(() => (failures-- > 0 ? problemResponse(500) : emptyResponse()));
    seen(6);
    await settle();
    seen(8);
    await settle();
    expect(posted()).toEqual([6, 8]);
    // 6 would be due again first, after readRetryMs; only 8 goes out.
    await act(() => vi.advanceTimersByTimeAsync(2 * readRetryMaxMs));
    expect(posted()).toEqual([6, 8, 8]);
  });

  it('posts what the message list reported as it mounted with the conversation (history already cached)', async () => {
    const { callsTo } = mockApi({ 'POST /api/channels/c1/read': () => emptyResponse() });
    const client = createQueryClient();
    client.setQueryData(queryKeys.channels, [general]);
    // The list is a child of the conversation that owns the hook: its effect reports the screen first.
    function List({ onVisibleSeq }: { onVisibleSeq: (seq: number) => void }) {
      useEffect(() => onVisibleSeq(9), [onVisibleSeq]);
      return null;
    }
    function Conversation() {
      return <List onVisibleSeq={useMarkRead('c1')} />;
    }
    render(
      <QueryClientProvider client={client}>
        <Conversation />
      </QueryClientProvider>,
    );
    await settle();
    expect(callsTo('POST /api/channels/c1/read').map((c) => (c.body as { seq: number }).seq)).toEqual([9]);
    expect(client.getQueryData<Channel[]>(queryKeys.channels)?.[0]).toMatchObject({ unreadCount: 0 });
  });

  it('starts afresh for another channel: its first read is sent even below the last channel’s', async () => {
    const { callsTo } = mockApi({
      'POST /api/channels/c1/read': () => emptyResponse(),
      'POST /api/channels/c2/read': () => emptyResponse(),
    });
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result, rerender } = renderHook(({ id }) => useMarkRead(id), {
      wrapper,
      initialProps: { id: 'c1' },
    });
    act(() => result.current(8));
    await settle();
    rerender({ id: 'c2' });
    act(() => result.current(3));
    await settle();
    expect(callsTo('POST /api/channels/c1/read').map((c) => (c.body as { seq: number }).seq)).toEqual([8]);
    expect(callsTo('POST /api/channels/c2/read').map((c) => (c.body as { seq: number }).seq)).toEqual([3]);
  });
});
