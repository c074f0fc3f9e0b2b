import { messages } from '@/config/messages';

const t = messages.conversation;

interface TimelineStartProps {
  channelName: string;
  empty: boolean;
}

/** The first row, once the whole history is loaded: the beginning of the channel. */
export function TimelineStart({ channelName, empty }: TimelineStartProps) {
  return (
    <div className="timeline-start">
      <p>{t.beginning(channelName)}</p>
      {empty && <p>{t.empty}</p>}
    </div>
  );
}
