import { type RefObject, useEffect } from 'react';

/**
 * Moves focus to an element (usually a heading with tabIndex -1) when a screen replaces another, so that
 * keyboard and screen reader users start at the top of the new screen instead of on <body>.
 */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    if (enabled) ref.current?.focus();
    // Only on mount: later changes of `enabled` must not move focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
