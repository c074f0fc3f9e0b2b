import { useInfiniteQuery } from '@tanstack/react-query';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';

/** People per page of the directory. */
export const peoplePageSize = 30;

/** Everyone whose name or username contains `q`, by username, a page at a time. */
export function usePeople(q: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.people(q),
    queryFn: ({ pageParam, signal }) => chatApi.listPeople(q, pageParam, peoplePageSize, signal),
    initialPageParam: '',
    getNextPageParam: (last) => (last.length < peoplePageSize ? undefined : last[last.length - 1].username),
  });
}
