import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The navigation drawer of narrow screens: a disclosure opened by the Menu button. Opening moves focus into
 * the drawer; Escape, or a click on the backdrop, closes it and gives focus back to the button.
 */
export function useDrawer() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);

  /** Closes without moving focus (the person chose something inside the drawer). */
  const dismiss = useCallback(() => setOpen(false), []);

  const toggle = useCallback(() => setOpen((current) => !current), []);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        close();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, close]);

  return { open, toggle, close, dismiss, buttonRef, panelRef };
}
