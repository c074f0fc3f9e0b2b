import type { ReactNode } from 'react';
import { messages } from '@/config/messages';

interface ConversationHeaderProps {
  title: string;
  description: string | null;
  memberCount: number;
  actions?: ReactNode;
}

export function ConversationHeader({ title, description, memberCount, actions }: ConversationHeaderProps) {
  return (
    <header className="conversation-header">
      <div className="conversation-header__text">
        <h1 className="conversation-header__title">{title}</h1>
        <p className="conversation-header__meta">{messages.conversation.about(description, memberCount)}</p>
      </div>
      <div className="conversation-header__actions">{actions}</div>
    </header>
  );
}
