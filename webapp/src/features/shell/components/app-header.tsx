import type { ReactNode, RefObject } from 'react';
import { Button } from '@/components/button';
import { messages } from '@/config/messages';
import { MenuIcon } from './menu-icon';
import { UserMenu } from './user-menu';

const t = messages.shell;

interface AppHeaderProps {
  fullName: string;
  avatarURL: string | null;
  navId: string;
  navOpen: boolean;
  onToggleNav: () => void;
  menuButtonRef: RefObject<HTMLButtonElement | null>;
  signingOut: boolean;
  onSignOut: () => void;
  actions?: ReactNode;
}

export function AppHeader({
  fullName,
  avatarURL,
  navId,
  navOpen,
  onToggleNav,
  menuButtonRef,
  signingOut,
  onSignOut,
  actions,
}: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__start">
        <Button
          ref={menuButtonRef}
          variant="quiet"
          className="app-header__menu"
          aria-expanded={navOpen}
          aria-controls={navId}
          onClick={onToggleNav}
        >
          <MenuIcon />
          {t.menu}
        </Button>
        <span className="app-header__brand">{messages.app.name}</span>
      </div>
      <div className="app-header__end">
        {actions}
        <UserMenu fullName={fullName} avatarURL={avatarURL} signingOut={signingOut} onSignOut={onSignOut} />
      </div>
    </header>
  );
}
