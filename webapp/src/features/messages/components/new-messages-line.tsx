import { messages } from '@/config/messages';

export function NewMessagesLine() {
  return (
    <div className="new-messages-line">
      <span>{messages.conversation.newMessages}</span>
    </div>
  );
}
