import { useInfiniteQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { SavedItem } from '@/types/api';

export const savedPageSize = 30;

/** One page of GET /api/saved: the reader's saved messages, most recently saved first, before an instant. */
export function getSaved(before: string | null, signal?: AbortSignal): Promise<SavedItem[]> {
  const query = new URLSearchParams({ limit: String(savedPageSize) });
  if (before) query.set('before', before);
  return apiRequest<{ items: SavedItem[] }>(`${apiPaths.saved}?${query}`, { signal }).then((r) => r.items);
}

/** The reader's saved items, page by page (older ones on demand); asked again each time the view opens. */
export function useSaved() {
  return useInfiniteQuery({
    queryKey: queryKeys.saved,
    queryFn: ({ pageParam, signal }) => getSaved(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.length < savedPageSize ? undefined : last[last.length - 1].savedAt),
    staleTime: 0,
    gcTime: 60_000,
  });
}
