import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '@/types/api';
import { buildTimeline } from '../../utils/timeline';
import { MessageList } from '../message-list';

/** jsdom lays nothing out: give the scroller a 600 px viewport and every row 64 px, and let scrollTop move. */
const viewport = 600;
const rowHeight = 64;
const total = 50_000;

function layOut() {
  const scrollTops = new WeakMap<Element, number>();
  const isScroller = (el: Element) => el.classList.contains('message-list__scroller');
  const contentHeight = (el: Element) =>
    Number.parseFloat((el.firstElementChild as HTMLElement | null)?.style.height ?? '0') || 0;
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isScroller(this) ? viewport : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return isScroller(this) ? 800 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('message-list__row') ? rowHeight : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isScroller(this) ? contentHeight(this) : 0;
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return scrollTops.get(this) ?? 0;
    },
    set(this: HTMLElement, value: number) {
      const max = Math.max(0, this.scrollHeight - this.clientHeight);
      scrollTops.set(this, Math.min(Math.max(0, value), max));
    },
  });
  // The virtualizer scrolls with scrollTo; jsdom has none.
  HTMLElement.prototype.scrollTo = function scrollTo(this: HTMLElement, options?: ScrollToOptions | number) {
    const top = typeof options === 'number' ? options : options?.top;
    if (typeof top === 'number') this.scrollTop = top;
    this.dispatchEvent(new Event('scroll'));
  } as typeof HTMLElement.prototype.scrollTo;
}

const author = { id: 'u-2', username: 'bob', fullName: 'Bob Builder', avatarURL: null };

/** Messages seq from..to, a minute apart, alternating authors so that most rows have a header. */
function history(from: number, to: number): Message[] {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const list: Message[] = [];
  for (let seq = from; seq <= to; seq++) {
    const at = new Date(start + seq * 60_000).toISOString();
    list.push({
      id: `m${seq}`,
      channelId: 'c1',
      seq,
      user: seq % 2 ? author : { ...author, id: 'u-3', username: 'cy', fullName: 'Cy' },
      text: `message number ${seq}`,
      createdAt: at,
      updatedAt: at,
      edited: false,
      deleted: false,
      parentId: null,
      replyCount: 0,
      reactions: [],
      clientMessageId: `cm${seq}`,
    });
  }
  return list;
}

function list(props: {
  rows: ReturnType<typeof buildTimeline>;
  onLoadOlder?: () => void;
  hasOlder?: boolean;
}) {
  return (
    <MessageList
      label="Messages in #big"
      channelName="big"
      rows={props.rows}
      hasOlder={props.hasOlder ?? true}
      loadingOlder={false}
      onLoadOlder={props.onLoadOlder ?? (() => {})}
      onVisibleSeq={() => {}}
      renderMessage={(row) => <article>{row.message.text}</article>}
    />
  );
}

function renderedSeqs(): number[] {
  return screen
    .queryAllByRole('article')
    .map((a) => Number(/message number (\d+)/.exec(a.textContent ?? '')?.[1]))
    .sort((a, b) => a - b);
}

/** Rows that fit the viewport, plus the virtualizer's overscan on both sides, plus slack. */
const bound = Math.ceil(viewport / rowHeight) + 2 * 8 + 10;

describe('MessageList with a huge history', () => {
  beforeEach(() => layOut());
  afterEach(() => {
    delete (HTMLElement.prototype as { scrollTop?: number }).scrollTop;
  });

  it(`keeps only the rows on screen in the DOM for ${total.toLocaleString('en')} messages, wherever you scroll`, async () => {
    const rows = buildTimeline(history(1, total), total, 'u-1', new Date('2026-03-01T00:00:00Z'));
    expect(rows.length).toBeGreaterThan(total);
    render(list({ rows }));
    const scroller = screen.getByRole('list').parentElement as HTMLElement;

    // Opens at the latest message, with a bounded number of rows.
    await act(async () => {});
    expect(document.querySelectorAll('.message-list__row').length).toBeLessThanOrEqual(bound);
    expect(renderedSeqs()).toContain(total);

    // Scrolling through the middle and near the top keeps it bounded and shows the rows that belong there.
    for (const fraction of [0.5, 0.25, 0.01]) {
      await act(async () => {
        scroller.scrollTop = Math.round(scroller.scrollHeight * fraction);
        fireEvent.scroll(scroller);
      });
      const seqs = renderedSeqs();
      expect(document.querySelectorAll('.message-list__row').length).toBeLessThanOrEqual(bound);
      expect(seqs.length).toBeGreaterThan(0);
      const expected = (scroller.scrollTop / rowHeight) * (total / rows.length);
      expect(Math.abs(seqs[0] - expected)).toBeLessThan(total * 0.01);
      expect(seqs).not.toContain(total);
    }
  });

  it('loads older pages at the top without moving what the reader is looking at', async () => {
    const onLoadOlder = vi.fn();
    const newest = history(total - 199, total);
    const { rerender } = render(list({ rows: buildTimeline(newest, total, 'u-1'), onLoadOlder }));
    const scroller = screen.getByRole('list').parentElement as HTMLElement;
    await act(async () => {});

    // The reader scrolls up near the top: the next older page is asked for.
    await act(async () => {
      scroller.scrollTop = 3 * rowHeight;
      fireEvent.scroll(scroller);
    });
    expect(onLoadOlder).toHaveBeenCalled();
    const before = renderedSeqs();
    const readingAt = scroller.scrollTop;

    // 200 older messages arrive above: the same messages stay on screen, 200 rows (and a day line) further down.
    const older = history(total - 399, total);
    const rows = buildTimeline(older, total, 'u-1');
    await act(async () => {
      rerender(list({ rows, onLoadOlder }));
    });
    const added = rows.length - buildTimeline(newest, total, 'u-1').length;
    expect(scroller.scrollTop).toBe(readingAt + added * rowHeight);
    await act(async () => {
      fireEvent.scroll(scroller);
    });
    const after = renderedSeqs();
    expect(after).toEqual(expect.arrayContaining(before.slice(0, 5)));
    expect(document.querySelectorAll('.message-list__row').length).toBeLessThanOrEqual(bound);
  });
});
