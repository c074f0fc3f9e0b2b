import { useEffect } from 'react';
import { messages } from '@/config/messages';

/** Names the current screen in the tab title, which screen readers announce on page changes. */
export function useDocumentTitle(screen?: string): void {
  useEffect(() => {
    document.title = messages.app.documentTitle(screen);
  }, [screen]);
}
