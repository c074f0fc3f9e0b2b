import { type ReactNode, useEffect, useState } from 'react';
import { messages } from '@/config/messages';
import { localTimeIn } from '@/lib/time-zone';
import { currentStatus, statusLine } from '@/lib/user-status';
import type { UserStatus } from '@/types/api';

/** The person's local time ("14:05 local time"), kept current minute by minute. */
function LocalTime({ zone }: { zone: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    // Wake at the next full minute, then every minute, so the shown time is never a minute behind.
    let interval: ReturnType<typeof setInterval> | undefined;
    const timeout = setTimeout(
      () => {
        setNow(new Date());
        interval = setInterval(() => setNow(new Date()), 60_000);
      },
      60_000 - (Date.now() % 60_000),
    );
    return () => {
      clearTimeout(timeout);
      if (interval) clearInterval(interval);
    };
  }, []);
  const time = localTimeIn(zone, now);
  if (!time) return null;
  return <span className="conversation-header__local-time">{messages.conversation.localTime(time)}</span>;
}

interface ConversationHeaderProps {
  title: string;
  description: string | null;
  memberCount: number;
  /** A direct conversation: the other person's presence instead of a member count. */
  person?: { online: boolean; timeZone?: string | null; status?: UserStatus | null } | null;
  actions?: ReactNode;
}

export function ConversationHeader({
  title,
  description,
  memberCount,
  person,
  actions,
}: ConversationHeaderProps) {
  return (
    <header className="conversation-header">
      <div className="conversation-header__text">
        <h1 className="conversation-header__title">{title}</h1>
        <p className="conversation-header__meta">
          {person ? (
            <>
              <span
                className={person.online ? 'presence-dot presence-dot--online' : 'presence-dot'}
                aria-hidden="true"
              />
              {/* Its own element, so that the presence word is one piece of text beside the local time. */}
              <span>
                {person.online ? messages.conversation.personOnline : messages.conversation.personOffline}
              </span>
              {person.timeZone && <LocalTime zone={person.timeZone} />}
              {currentStatus(person.status) && (
                <span className="conversation-header__status">{statusLine(person.status)}</span>
              )}
            </>
          ) : (
            messages.conversation.about(description, memberCount)
          )}
        </p>
      </div>
      <div className="conversation-header__actions">{actions}</div>
    </header>
  );
}
