import { useQuery } from '@tanstack/react-query';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';

/** Search results for a query, cached per query string; nothing is asked for an empty query. */
export function useMessageSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.search(q),
    queryFn: ({ signal }) => chatApi.searchMessages(q, signal),
    enabled: q.length > 0,
    // A search is a snapshot: new messages do not reorder results under the reader's pointer.
    staleTime: 30_000,
    retry: false,
  });
}
