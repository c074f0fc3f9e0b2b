import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import type { TimelineRow } from '../utils/timeline';
import { DaySeparator } from './day-separator';
import { JumpToLatest } from './jump-to-latest';
import { NewMessagesLine } from './new-messages-line';
import { TimelineStart } from './timeline-start';

const estimate = 64;
/** Rows kept in the DOM beyond each edge of the screen, so that scrolling does not show blank space. */
const overscanRows = 8;
/** Closer than this to the bottom counts as "at the latest message". */
const bottomSlackPx = 80;

interface MessageListProps {
  label: string;
  channelName: string;
  rows: TimelineRow[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** The highest seq shown on screen, for read markers. */
  onVisibleSeq: (seq: number) => void;
  /** A message to bring to the middle of the screen once it is loaded (a search result). */
  targetSeq?: number | null;
  renderMessage: (row: Extract<TimelineRow, { kind: 'message' }>) => ReactNode;
}

/**
 * The virtualised timeline: only the rows on screen are in the DOM, so tens of thousands of messages scroll
 * smoothly. It opens at the latest message (or the new-messages line), follows new messages while you are at
 * the bottom, loads older history at the top without moving what you are reading, and offers a jump back.
 */
export function MessageList({
  label,
  channelName,
  rows: timeline,
  hasOlder,
  loadingOlder,
  onLoadOlder,
  onVisibleSeq,
  targetSeq = null,
  renderMessage,
}: MessageListProps) {
  // While older pages remain, the list begins at the first loaded message: the timeline's start and a day
  // separator there would move up with every older page, so the row at the top of the screen, which the
  // virtualiser keeps in place, is always a message. (The day's separator comes with the page that starts it.)
  const rows = useMemo(() => (hasOlder ? fromFirstMessage(timeline) : timeline), [timeline, hasOlder]);
  const scroller = useRef<HTMLDivElement>(null);
  const [atBottom, setAtBottom] = useState(true);
  const atBottomRef = useRef(true);
  /** The oldest message shown, and its row index: when older rows arrive above, its index grows. */
  const anchor = useRef<{ key: string; index: number } | null>(null);
  const lastKey = useRef<string | null>(null);
  const initialised = useRef(false);
  /** The target already brought to the screen: the list stays free to scroll after that. */
  const shownTarget = useRef<number | null>(null);
  const targetIndex =
    targetSeq === null ? -1 : rows.findIndex((r) => r.kind === 'message' && r.message.seq === targetSeq);
  // Where the list opens, by the estimates (the layout effect below then scrolls there exactly): starting the
  // virtualizer there renders the rows that will be seen at once, instead of the oldest rows first and the
  // latest ones a moment later (twice the rows built, measured and laid out while the conversation opens).
  const [opening] = useState(() => {
    const viewport = typeof window === 'undefined' ? 0 : window.innerHeight;
    const newLine = rows.findIndex((r) => r.kind === 'new');
    const at = targetIndex >= 0 ? targetIndex : newLine;
    const offset = at > 0 ? at * estimate - viewport / 2 : rows.length * estimate - viewport;
    return { offset: Math.max(0, offset), rect: { width: 0, height: viewport } };
  });

  // The rows beyond the screen come one frame after the list first shows: building and laying out the visible
  // rows alone keeps opening a conversation to shorter tasks (Lighthouse, a phone's CPU).
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setOverscan(overscanRows));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is the reason for this list
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    overscan,
    getItemKey: (index) => rows[index].key,
    // Measurements are applied in the next render, not with flushSync per row: with flushSync, opening a
    // conversation rendered the whole window once per measured row (Lighthouse: 0.8 s of script on desktop).
    useFlushSync: false,
    // Rows added above (an older page) leave the row at the top of the screen where it was, by key. Moving
    // scrollTop by the added rows' estimates instead let the rows measured meanwhile at the old offset push
    // the reader's place down the screen by hundreds of pixels (the browser journey measures it).
    anchorTo: 'end',
    initialOffset: opening.offset,
    initialRect: opening.rect,
  });

  const scrollToLatest = useCallback(() => {
    if (rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [rows.length, virtualizer]);

  // Keep the place when older rows are added above; follow the bottom when new ones arrive.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || rows.length === 0) return;
    const previousAnchor = anchor.current;
    const anchorIndex = rows.findIndex((r) => r.kind === 'message');
    anchor.current = anchorIndex >= 0 ? { key: rows[anchorIndex].key, index: anchorIndex } : null;
    const previousLast = lastKey.current;
    const last = rows[rows.length - 1];
    lastKey.current = last.key;
    // Something you just sent: show it, wherever you were.
    const sentNow = last.kind === 'message' && !!last.message.pending && last.key !== previousLast;
    if (!initialised.current) {
      if (rows.length <= 1) return;
      initialised.current = true;
      const newLine = rows.findIndex((r) => r.kind === 'new');
      if (targetIndex >= 0) {
        shownTarget.current = targetSeq;
        atBottomRef.current = false;
        virtualizer.scrollToIndex(targetIndex, { align: 'center' });
      } else if (newLine > 0) virtualizer.scrollToIndex(newLine, { align: 'start' });
      else scrollToLatest();
      return;
    }
    // A search result in the channel already open: go to it once it is loaded.
    if (targetIndex >= 0 && shownTarget.current !== targetSeq) {
      shownTarget.current = targetSeq;
      atBottomRef.current = false;
      virtualizer.scrollToIndex(targetIndex, { align: 'center' });
      return;
    }
    if (previousAnchor && anchor.current && previousAnchor.key !== anchor.current.key) {
      const moved = rows.findIndex((r) => r.key === previousAnchor.key) - previousAnchor.index;
      // Older rows were added above: the virtualiser keeps the row at the top of the screen where it was
      // (anchorTo: 'end'), so the list stays on what the reader was reading.
      if (moved > 0) return;
    }
    if (atBottomRef.current || sentNow) {
      atBottomRef.current = true;
      scrollToLatest();
    }
  }, [rows, scrollToLatest, virtualizer, targetIndex, targetSeq]);

  const items = virtualizer.getVirtualItems();

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < bottomSlackPx;
    atBottomRef.current = bottom;
    setAtBottom(bottom);
    if (el.scrollTop < 400 && hasOlder && !loadingOlder && initialised.current) onLoadOlder();
  };

  // Report the last message row on screen (after layout, and whenever the visible range changes).
  const visibleEnd = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const viewBottom = el.scrollTop + el.clientHeight;
    let seq = 0;
    for (const item of virtualizer.getVirtualItems()) {
      const row = rows[item.index];
      if (row?.kind === 'message' && item.start < viewBottom && row.message.seq > seq) seq = row.message.seq;
    }
    if (seq > 0) onVisibleSeq(seq);
  }, [visibleEnd, rows, onVisibleSeq, virtualizer, atBottom]);

  return (
    <div className="message-list">
      <div
        ref={scroller}
        className="message-list__scroller"
        onScroll={onScroll}
        // A named region, so that the focusable scroller is announced as what it is (axe:
        // scrollable-region-focusable; aria-label on a div without a role is prohibited).
        role="region"
        tabIndex={0}
        aria-label={label}
      >
        <ol
          className="message-list__items"
          aria-label={label}
          aria-live="polite"
          aria-relevant="additions"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="message-list__row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.kind === 'start' && (
                  <TimelineStart channelName={channelName} empty={rows.length === 1} />
                )}
                {row.kind === 'day' && <DaySeparator label={row.label} />}
                {row.kind === 'new' && <NewMessagesLine />}
                {row.kind === 'message' && renderMessage(row)}
              </li>
            );
          })}
        </ol>
      </div>
      {loadingOlder && (
        <div className="message-list__older">
          <Spinner label={messages.conversation.loadingOlder} labelVisible />
        </div>
      )}
      {!atBottom && <JumpToLatest label={messages.conversation.jumpToLatest} onClick={scrollToLatest} />}
    </div>
  );
}

function fromFirstMessage(rows: TimelineRow[]): TimelineRow[] {
  const first = rows.findIndex((r) => r.kind !== 'start' && r.kind !== 'day');
  return first > 0 ? rows.slice(first) : rows;
}
