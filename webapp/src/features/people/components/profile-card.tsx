import { useMutation } from '@tanstack/react-query';
import { Avatar } from '@/components/avatar';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { Spinner } from '@/components/spinner';
import { formatLocales } from '@/config/locale';
import { messages } from '@/config/messages';
import { createConversation, useOpenChannel } from '@/hooks/use-open-channel';
import { localTimeIn } from '@/lib/time-zone';
import { statusLine, statusUntil } from '@/lib/user-status';
import { classNames } from '@/lib/class-names';
import { useUser } from '../api/get-user';
import './profile-card.css';

const t = messages.profile;
const relative = new Intl.RelativeTimeFormat(formatLocales, { numeric: 'auto' });

/** "5 minutes ago", "yesterday", "3 weeks ago": the largest unit that is at least one. */
export function agoText(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(0, 'minute');
}

interface ProfileCardProps {
  userId: string;
  selfId: string;
  onClose: () => void;
}

/**
 * A person as others see them: picture, name, username, presence (or when last active), local time, and
 * "Message", which opens the direct conversation with them (creating it the first time).
 */
export function ProfileCard({ userId, selfId, onClose }: ProfileCardProps) {
  const person = useUser(userId);
  const openChannel = useOpenChannel();
  const message = useMutation({
    mutationFn: () => createConversation([userId]),
    onSuccess: (channel) => {
      onClose();
      openChannel(channel);
    },
  });
  const user = person.data;
  const localTime = user?.timeZone ? localTimeIn(user.timeZone) : null;
  return (
    <Dialog title={user?.fullName || user?.username || t.title} onClose={onClose} className="profile-card">
      {person.isPending && <Spinner label={t.loading} labelVisible />}
      {person.isError && <FormAlert message={t.notFound} />}
      {user && (
        <>
          <div className="profile-card__picture">
            <Avatar name={user.fullName || user.username} src={user.avatarURL} size={96} />
          </div>
          <p className="profile-card__username">@{user.username}</p>
          {user.status && (
            <p className="profile-card__status">
              {[statusLine(user.status), statusUntil(user.status)].filter(Boolean).join(' · ')}
            </p>
          )}
          <p className="profile-card__presence">
            <span
              className={classNames('presence-dot', user.online && 'presence-dot--online')}
              aria-hidden="true"
            />
            {user.online ? t.online : user.lastActive ? t.lastActive(agoText(user.lastActive)) : t.offline}
          </p>
          {localTime && <p className="profile-card__time">{messages.conversation.localTime(localTime)}</p>}
          {user.id === selfId ? (
            <p className="profile-card__you">{t.you}</p>
          ) : (
            <div className="dialog__actions">
              <FormAlert message={message.isError ? t.messageFailed : undefined} />
              <Button busy={message.isPending} busyLabel={t.messaging} onClick={() => message.mutate()}>
                {t.message}
              </Button>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
