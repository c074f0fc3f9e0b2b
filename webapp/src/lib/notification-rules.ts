/**
 * Which new messages notify the person, and how a notification reads. The same levels decide SMS on the
 * server (SmsPlanner): the channel's own level if set, else the person's; a muted channel and do-not-disturb
 * notify nothing; "mentions" means direct and group conversations and mentions of @username (the default).
 */
import { messages } from '@/config/messages';
import type { Channel, Message, NotificationSettings } from '@/types/api';
import { channelLabel } from './channel-label';

type ChannelSettings = Pick<Channel, 'type' | 'notificationLevel' | 'muted'>;

export function doNotDisturbActive(
  settings: NotificationSettings | null | undefined,
  now = Date.now(),
): boolean {
  const until = settings?.dndUntil ? Date.parse(settings.dndUntil) : NaN;
  return Number.isFinite(until) && until > now;
}

export function shouldNotify(
  message: Pick<Message, 'text'>,
  channel: ChannelSettings | undefined,
  settings: NotificationSettings | null | undefined,
  username: string,
  now = Date.now(),
): boolean {
  if (doNotDisturbActive(settings, now) || channel?.muted) return false;
  const level = channel?.notificationLevel ?? settings?.desktop ?? 'mentions';
  if (level === 'all') return true;
  if (level === 'off') return false;
  return channel?.type === 'messaging' || addresses(message.text, username);
}

/** "Bob" for a direct message, "Bob in #design" or "Bob in Ann, Carl" otherwise; the text as the body. */
export function notificationTitle(
  message: Pick<Message, 'user'>,
  channel: Pick<Channel, 'type' | 'name' | 'members' | 'direct'> | undefined,
  selfId: string,
): string {
  const author = message.user.fullName || message.user.username;
  if (!channel) return author;
  if (channel.type === 'messaging' && (channel.direct || (channel.members?.length ?? 0) === 2)) return author;
  const where = channelLabel(channel, selfId);
  return messages.settings.notificationTitle(author, channel.type === 'team' ? `#${where}` : where);
}

export function mentions(text: string, username: string): boolean {
  const escaped = username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w@])@${escaped}(?![\\w-])`, 'i').test(text);
}

/** The text calls on the person: by name, or by @channel / @here (the server's Mentions.addresses). */
export function addresses(text: string, username: string): boolean {
  return mentions(text, username) || mentions(text, 'channel') || mentions(text, 'here');
}
