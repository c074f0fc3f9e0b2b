import { type KeyboardEvent, type RefObject, useLayoutEffect } from 'react';

const itemSelector = '[data-roving-item]';

/**
 * Roving tab index (Element Web's RovingTabIndex): a list is one Tab stop; arrow keys, Home and End move
 * between its items. The stop is the item marked aria-current, else the last one focused, else the first.
 */
export function useRovingFocus(containerRef: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const items = Array.from(container.querySelectorAll<HTMLElement>(itemSelector));
    if (items.length === 0) return;
    const active =
      items.find((item) => item === document.activeElement) ??
      items.find((item) => item.getAttribute('aria-current') === 'page') ??
      items.find((item) => item.tabIndex === 0) ??
      items[0];
    items.forEach((item) => {
      item.tabIndex = item === active ? 0 : -1;
    });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const container = containerRef.current;
    if (!container) return;
    const items = Array.from(container.querySelectorAll<HTMLElement>(itemSelector));
    const index = items.findIndex((item) => item === document.activeElement);
    if (index < 0) return;
    let next = index;
    if (event.key === 'ArrowDown') next = Math.min(items.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else return;
    event.preventDefault();
    items.forEach((item, i) => {
      item.tabIndex = i === next ? 0 : -1;
    });
    items[next].focus();
  };

  return { onKeyDown };
}
