import { useEffect } from 'react';
import { catchUpMaxPages } from '@/config/constants';
import type { useMessages } from '../api/get-messages';

/**
 * Opening a channel with unread messages: loads older pages until the first unread message is in the cache
 * (at most catchUpMaxPages), so that the timeline can open at the "New messages" line instead of the latest
 * page, and nothing is marked read that was never on screen. True while it is still loading.
 */
export function useCatchUp(history: ReturnType<typeof useMessages>, lastReadSeq: number | null): boolean {
  const pages = history.data?.pages ?? [];
  const oldest = pages.length > 0 ? pages[pages.length - 1].messages[0]?.seq : undefined;
  const needsOlder =
    lastReadSeq !== null &&
    !history.isPending &&
    !history.isError &&
    history.hasNextPage &&
    oldest !== undefined &&
    oldest > lastReadSeq + 1 &&
    pages.length < catchUpMaxPages;
  const { fetchNextPage, isFetchingNextPage } = history;
  useEffect(() => {
    if (needsOlder && !isFetchingNextPage) void fetchNextPage();
  }, [needsOlder, isFetchingNextPage, fetchNextPage]);
  return needsOlder;
}
