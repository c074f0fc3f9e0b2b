import { type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { CloseIcon } from '@/components/icons';
import { createPortal } from 'react-dom';
import { messages } from '@/config/messages';
import { classNames } from '@/lib/class-names';
import './dialog.css';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Receives focus on open; otherwise the first field or button. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  className?: string;
  /** For a dialog that is mostly a search box (the quick switcher): no visible heading. */
  hideTitle?: boolean;
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog (APG pattern): role=dialog with aria-modal, named by its heading; focus moves in on open,
 * Tab and Shift+Tab stay inside, Escape and the backdrop close it, and focus returns to what opened it.
 * Mount it to open, unmount it to close.
 */
export function Dialog({ title, onClose, children, initialFocusRef, className, hideTitle }: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first =
      initialFocusRef?.current ??
      panel.current?.querySelector<HTMLElement>(
        'input:not([disabled]), textarea:not([disabled]), select:not([disabled])',
      ) ??
      panel.current?.querySelector<HTMLElement>(focusable) ??
      panel.current;
    first?.focus();
    // On the document, so Escape works even when focus fell out (a button that became busy and disabled).
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      close.current();
    };
    // Capture phase: the dialog is on top, so it answers Escape before anything under it (the drawer).
    document.addEventListener('keydown', onEscape, true);
    return () => {
      document.removeEventListener('keydown', onEscape, true);
      if (opener?.isConnected) opener.focus();
    };
    // Only on open and close.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'Tab' || !panel.current) return;
    const items = Array.from(panel.current.querySelectorAll<HTMLElement>(focusable));
    if (items.length === 0) return;
    const firstItem = items[0];
    const lastItem = items[items.length - 1];
    if (
      event.shiftKey &&
      (document.activeElement === firstItem || document.activeElement === panel.current)
    ) {
      event.preventDefault();
      lastItem.focus();
    } else if (!event.shiftKey && document.activeElement === lastItem) {
      event.preventDefault();
      firstItem.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close.current()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={classNames('dialog', className)}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className={classNames('dialog__header', hideTitle && 'visually-hidden')}>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <button type="button" className="dialog__close" onClick={() => close.current()}>
            <CloseIcon />
            <span className="visually-hidden">{messages.dialog.close}</span>
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}
