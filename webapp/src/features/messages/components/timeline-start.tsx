import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';

const t = messages.conversation;

interface TimelineStartProps {
  loading: boolean;
  channelName: string;
  empty: boolean;
}

/** The first row: a spinner while older history loads, else the beginning of the channel. */
export function TimelineStart({ loading, channelName, empty }: TimelineStartProps) {
  if (loading)
    return (
      <div className="timeline-start">
        <Spinner label={t.loadingOlder} labelVisible />
      </div>
    );
  return (
    <div className="timeline-start">
      <p>{t.beginning(channelName)}</p>
      {empty && <p>{t.empty}</p>}
    </div>
  );
}
