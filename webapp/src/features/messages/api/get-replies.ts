import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Message } from '@/types/api';

/** GET /api/messages/{id}/replies: a thread's replies, oldest first. */
export function getReplies(parentId: string, signal?: AbortSignal): Promise<Message[]> {
  return apiRequest<{ messages: Message[] }>(apiPaths.replies(parentId), { signal }).then((r) => r.messages);
}

export function repliesQueryOptions(parentId: string) {
  return queryOptions({
    queryKey: queryKeys.replies(parentId),
    queryFn: ({ signal }) => getReplies(parentId, signal),
  });
}

export function useReplies(parentId: string) {
  return useQuery(repliesQueryOptions(parentId));
}
