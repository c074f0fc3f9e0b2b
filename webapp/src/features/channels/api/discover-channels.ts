import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Channel } from '@/types/api';

/** GET /api/channels/discover?q: public team channels the person could join. */
export function discoverChannels(q: string, signal?: AbortSignal): Promise<Channel[]> {
  return apiRequest<{ channels: Channel[] }>(`${apiPaths.discover}?q=${encodeURIComponent(q)}`, {
    signal,
  }).then((r) => r.channels);
}

export function discoverChannelsQueryOptions(q: string) {
  return queryOptions({
    queryKey: queryKeys.discover(q),
    queryFn: ({ signal }) => discoverChannels(q, signal),
    // The list shown stays until the next search answers, instead of blinking empty at every key.
    placeholderData: keepPreviousData,
  });
}

export function useDiscoverChannels(q: string) {
  return useQuery(discoverChannelsQueryOptions(q));
}
