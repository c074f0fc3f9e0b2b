import { useEffect, useId, useRef, useState } from 'react';
import { Avatar } from '@/components/avatar';
import { Button } from '@/components/button';
import { messages } from '@/config/messages';
import { ThemeSwitch } from './theme-switch';

const t = messages.shell;

interface UserMenuProps {
  fullName: string;
  avatarURL: string | null;
  signingOut: boolean;
  onSignOut: () => void;
}

/**
 * The signed-in person in the banner: a button with their avatar and name that shows the theme choice and
 * Sign out (a disclosure, not an ARIA menu: it holds a select). Keeping those out of the banner keeps it one
 * row on a phone. Escape or a click elsewhere closes it; Escape returns focus to the button.
 */
export function UserMenu({ fullName, avatarURL, signingOut, onSignOut }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <Avatar name={fullName} src={avatarURL} size={32} />
        <span className="user-menu__name">{fullName}</span>
        <span className="visually-hidden">, {t.userMenu}</span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        {/* On a phone the button shows only the avatar: the name is shown here, by CSS from the attribute
            (as text it would be the page's second copy of the name; the button already carries it). */}
        <p className="user-menu__who" data-name={fullName} aria-hidden="true" />
        <ThemeSwitch />
        <Button variant="secondary" busy={signingOut} busyLabel={t.signingOut} onClick={onSignOut}>
          {t.signOut}
        </Button>
      </div>
    </div>
  );
}
