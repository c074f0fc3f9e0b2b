import { type ReactNode, useEffect, useRef, useState } from 'react';
import { SkipLink } from '@/components/skip-link';
import { messages } from '@/config/messages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import { classNames } from '@/lib/class-names';
import { useDrawer } from '../hooks/use-drawer';
import { AppHeader } from './app-header';
import { ChannelNav } from './channel-nav';
import './app-frame.css';

const t = messages.shell;
const navId = 'channel-nav';
const mainId = 'main-content';

export interface FrameUser {
  fullName: string;
  avatarURL: string | null;
}

interface AppFrameProps {
  user: FrameUser;
  onSignOut: () => Promise<void>;
  /** Focus the welcome heading on mount (after signing in, not after a reload). */
  focusHeading?: boolean;
  /** The channel lists inside the navigation. */
  sidebar?: ReactNode;
  /** Extra controls in the banner (find, settings). */
  headerActions?: ReactNode;
  /** Shown above everything (e.g. the connection status). */
  notice?: ReactNode;
  /** The main area; without it a welcome text. */
  children?: ReactNode;
}

/** The signed-in frame: banner, channel navigation (a drawer below 768 px) and the main area. */
export function AppFrame({
  user,
  onSignOut,
  focusHeading = false,
  sidebar,
  headerActions,
  notice,
  children,
}: AppFrameProps) {
  const drawer = useDrawer();
  const [signingOut, setSigningOut] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading, focusHeading);
  useDocumentTitle();
  const { dismiss } = drawer;
  // Choosing a channel in the drawer shows it.
  useEffect(() => {
    window.addEventListener('hashchange', dismiss);
    return () => window.removeEventListener('hashchange', dismiss);
  }, [dismiss]);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await onSignOut();
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <>
      <SkipLink targetId={mainId}>{t.skipToContent}</SkipLink>
      <div className={classNames('app-frame', drawer.open && 'app-frame--nav-open')}>
        <AppHeader
          fullName={user.fullName}
          avatarURL={user.avatarURL}
          navId={navId}
          navOpen={drawer.open}
          onToggleNav={drawer.toggle}
          menuButtonRef={drawer.buttonRef}
          signingOut={signingOut}
          onSignOut={signOut}
          actions={headerActions}
        />
        <ChannelNav id={navId} panelRef={drawer.panelRef} onClose={drawer.close}>
          {sidebar}
        </ChannelNav>
        {drawer.open && <div className="app-frame__backdrop" aria-hidden="true" onClick={drawer.close} />}
        <main id={mainId} className={children ? 'app-main app-main--chat' : 'app-main'} tabIndex={-1}>
          {notice}
          {children ?? (
            <>
              <h1 ref={heading} tabIndex={-1}>
                {t.welcomeHeading(user.fullName)}
              </h1>
              <p>{t.welcomeText}</p>
            </>
          )}
        </main>
      </div>
    </>
  );
}
