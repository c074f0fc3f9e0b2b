import { Avatar } from '@/components/avatar';

interface UserBadgeProps {
  fullName: string;
  avatarURL: string | null;
}

export function UserBadge({ fullName, avatarURL }: UserBadgeProps) {
  return (
    <div className="user-badge">
      <Avatar name={fullName} src={avatarURL} size={32} />
      <span className="user-badge__name">{fullName}</span>
    </div>
  );
}
