import { vi } from 'vitest';

/** jsdom lays nothing out: give the timeline's scroller a 600 px viewport and each row 64 px, as a browser would. */
export function layOutTimeline() {
  const isScroller = (el: Element) => el.classList.contains('message-list__scroller');
  const scrollTops = new WeakMap<Element, number>();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isScroller(this) ? 600 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return isScroller(this) ? 800 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('message-list__row') ? 64 : 0;
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return scrollTops.get(this) ?? 0;
    },
    set(this: HTMLElement, value: number) {
      scrollTops.set(this, Math.max(0, value));
    },
  });
  HTMLElement.prototype.scrollTo = function scrollTo(this: HTMLElement, options?: ScrollToOptions | number) {
    const top = typeof options === 'number' ? options : options?.top;
    if (typeof top === 'number') this.scrollTop = top;
  } as typeof HTMLElement.prototype.scrollTo;
}

/** Takes back what layOutTimeline put on HTMLElement's prototype (the spies are restored by Vitest). */
export function undoTimelineLayOut() {
  delete (HTMLElement.prototype as { scrollTop?: number }).scrollTop;
  delete (HTMLElement.prototype as { scrollTo?: unknown }).scrollTo;
}
