import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { channelOf } from '@/testing/test-utils';
import type { Channel } from '@/types/api';
import { useRealtime } from '../use-realtime';
import { FakeWebSocket } from '@/testing/fake-web-socket';

const channel = channelOf('c1', {
  name: 'general',
  createdBy: 'u-2',
  createdAt: '',
  updatedAt: '',
  lastSeq: 4,
  lastMessageAt: null,
});

describe('useRealtime', () => {
  it('resumes from the channel list cursors, counts a new message as unread and refetches on resync', async () => {
    FakeWebSocket.install();
    const client = createQueryClient();
    const messagesFetch = vi.fn(async () => ({ pages: [], pageParams: [] }));
    client.setQueryData(queryKeys.channels, [channel]);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    renderHook(
      () => {
        useRealtime({ id: 'u-1', username: 'ada' });
        useQuery({ queryKey: queryKeys.messages('c1'), queryFn: messagesFetch, staleTime: Infinity });
      },
      { wrapper },
    );
    const socket = FakeWebSocket.instances[0];
    expect(socket.url).toMatch(/^ws:\/\/.+\/ws$/);
    expect(socket.protocols).toEqual(['netchat.v1']);
    act(() => socket.open());
    expect(socket.sent[0]).toEqual({ type: 'resume', cursors: { c1: 4 } });
    await waitFor(() => expect(messagesFetch).toHaveBeenCalledTimes(1));

    act(() =>
      socket.receive({
        type: 'message.new',
        channelId: 'c1',
        seq: 5,
        message: {
          id: 'm5',
          channelId: 'c1',
          seq: 5,
          user: { id: 'u-2', username: 'bob', fullName: 'Bob', avatarURL: null },
          text: 'hi @ada',
          createdAt: '2026-11-20T10:00:00Z',
          updatedAt: '2026-11-20T10:00:00Z',
          edited: false,
          deleted: false,
          parentId: null,
          replyCount: 0,
          reactions: [],
          clientMessageId: 'x',
        },
      }),
    );
    const updated = client.getQueryData<Channel[]>(queryKeys.channels)?.[0];
    expect(updated).toMatchObject({ unreadCount: 1, lastSeq: 5, mentionCount: 1 });

    act(() => socket.receive({ type: 'resync.required', channelId: 'c1' }));
    await waitFor(() => expect(messagesFetch).toHaveBeenCalledTimes(2));
  });
});
