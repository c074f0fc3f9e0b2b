import type { ReactNode } from 'react';
import { messages } from '@/config/messages';

interface ConversationHeaderProps {
  title: string;
  description: string | null;
  memberCount: number;
  /** A direct conversation: the other person's presence instead of a member count. */
  person?: { online: boolean } | null;
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
              {person.online ? messages.conversation.personOnline : messages.conversation.personOffline}
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
