import { messages } from '@/config/messages';
import type { Channel, User } from '@/types/api';

/** The people in a conversation other than the signed-in person (all of them when talking to oneself). */
export function otherMembers(channel: Pick<Channel, 'members'>, selfId: string): User[] {
  const members = channel.members ?? [];
  const others = members.filter((m) => m.id !== selfId);
  return others.length > 0 ? others : members;
}

/** How a channel is named to people: its name, or the names of the others in a conversation. */
export function channelLabel(channel: Pick<Channel, 'name' | 'type' | 'members'>, selfId: string): string {
  if (channel.type === 'team' || channel.name) return channel.name ?? messages.sidebar.unnamed;
  const names = otherMembers(channel, selfId).map((m) => m.fullName || m.username);
  return names.length > 0 ? names.join(', ') : messages.sidebar.unnamed;
}

/**
 * Whether the person may edit a channel, add or remove its members and delete anybody's message in it: its
 * creator or an admin (the server's rule, ChannelService.canManage; everybody else is refused).
 */
export function mayManageChannel(
  channel: Pick<Channel, 'createdBy'>,
  selfId: string,
  isAdmin: boolean,
): boolean {
  return channel.createdBy === selfId || isAdmin;
}

export function byRecentActivity(a: Channel, b: Channel): number {
  const at = (c: Channel) => Date.parse(c.lastMessageAt ?? c.createdAt) || 0;
  return at(b) - at(a);
}
