import { useQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { SearchResult } from '@/types/api';

/** GET /api/search/messages?q: messages matching the words and in:/from:/before:/after:/on:/has: filters, best first. */
export function searchMessages(q: string, signal?: AbortSignal): Promise<SearchResult> {
  return apiRequest<SearchResult>(`${apiPaths.searchMessages}?q=${encodeURIComponent(q)}&limit=50`, {
    signal,
  });
}

/** Search results for a query, cached per query string; nothing is asked for an empty query. */
export function useMessageSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.search(q),
    queryFn: ({ signal }) => searchMessages(q, signal),
    enabled: q.length > 0,
    // A search is a snapshot: new messages do not reorder results under the reader's pointer.
    staleTime: 30_000,
    retry: false,
  });
}
