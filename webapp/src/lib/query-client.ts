import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem';

/** Server data is pushed by the socket, so it stays fresh without refetching on focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}
