/** REST calls for channels, messages and users (API.md), shared by the features that show them. */
import { apiPaths, messagePageSize } from '@/config/constants';
import type {
  Channel,
  ChannelType,
  Message,
  MessagePage,
  NotificationLevel,
  ReadReceipt,
  SearchResult,
  User,
} from '@/types/api';
import { apiRequest } from './api-client';

export const chatApi = {
  listChannels: (signal?: AbortSignal) =>
    apiRequest<{ channels: Channel[] }>(apiPaths.channels, { signal }).then((r) => r.channels),
  getChannel: (id: string, signal?: AbortSignal) => apiRequest<Channel>(apiPaths.channel(id), { signal }),
  /** Messages matching a search-box query (words and in:/from:/before:/after:/on:/has: filters), best first. */
  searchMessages: (q: string, signal?: AbortSignal) =>
    apiRequest<SearchResult>(`${apiPaths.searchMessages}?q=${encodeURIComponent(q)}&limit=50`, { signal }),
  discoverChannels: (q: string, signal?: AbortSignal) =>
    apiRequest<{ channels: Channel[] }>(`${apiPaths.discover}?q=${encodeURIComponent(q)}`, {
      signal,
    }).then((r) => r.channels),
  createChannel: (body: {
    type: ChannelType;
    name?: string;
    description?: string;
    private?: boolean;
    memberIds: string[];
  }) => apiRequest<Channel>(apiPaths.channels, { method: 'POST', body }),
  updateChannel: (id: string, body: { name?: string; description?: string; private?: boolean }) =>
    apiRequest<Channel>(apiPaths.channel(id), { method: 'PATCH', body }),
  addMembers: (id: string, userIds: string[]) =>
    apiRequest<Channel>(apiPaths.channelMembers(id), { method: 'POST', body: { userIds } }),
  removeMember: (id: string, userId: string) =>
    apiRequest<void>(apiPaths.channelMember(id, userId), { method: 'DELETE' }),
  joinChannel: (id: string) => apiRequest<Channel>(apiPaths.channelJoin(id), { method: 'POST' }),
  markRead: (id: string, seq: number) =>
    apiRequest<void>(apiPaths.channelRead(id), { method: 'POST', body: { seq } }),
  /** How far the other members of a direct or group conversation have seen it. */
  getReceipts: (id: string, signal?: AbortSignal) =>
    apiRequest<{ receipts: ReadReceipt[] }>(apiPaths.channelReceipts(id), { signal }).then((r) => r.receipts),
  /** "Mark as unread from here": the message at seq and everything after it are unread again. */
  markUnread: (id: string, seq: number) =>
    apiRequest<void>(`${apiPaths.channel(id)}/unread`, { method: 'POST', body: { seq } }),
  setChannelNotifications: (id: string, level: NotificationLevel | 'default', muted: boolean) =>
    apiRequest<Channel>(`${apiPaths.channel(id)}/notifications`, { method: 'PUT', body: { level, muted } }),
  listMessages: (id: string, before?: number, signal?: AbortSignal) => {
    const query = new URLSearchParams({ limit: String(messagePageSize) });
    if (before !== undefined) query.set('before', String(before));
    return apiRequest<MessagePage>(`${apiPaths.channelMessages(id)}?${query}`, { signal });
  },
  postMessage: (
    channelId: string,
    body: { text: string; clientMessageId: string; parentId?: string; attachmentIds?: string[] },
  ) => apiRequest<Message>(apiPaths.channelMessages(channelId), { method: 'POST', body }),
  editMessage: (id: string, text: string) =>
    apiRequest<Message>(apiPaths.message(id), { method: 'PATCH', body: { text } }),
  deleteMessage: (id: string) => apiRequest<void>(apiPaths.message(id), { method: 'DELETE' }),
  /** The author removes the message's link preview; it does not come back. */
  removePreview: (id: string) => apiRequest<Message>(apiPaths.messagePreview(id), { method: 'DELETE' }),
  addReaction: (id: string, type: string) =>
    apiRequest<Message>(apiPaths.reaction(id, type), { method: 'PUT' }),
  removeReaction: (id: string, type: string) =>
    apiRequest<Message>(apiPaths.reaction(id, type), { method: 'DELETE' }),
  pinMessage: (id: string, on: boolean) =>
    apiRequest<Message>(apiPaths.pin(id), { method: on ? 'PUT' : 'DELETE' }),
  /** The conversation's pinned messages, most recently pinned first. */
  listPins: (channelId: string, signal?: AbortSignal) =>
    apiRequest<{ messages: Message[] }>(apiPaths.channelPins(channelId), { signal }).then((r) => r.messages),
  /** Saves the message on the reader's own list, or takes it off. */
  saveMessage: (id: string, on: boolean) =>
    apiRequest<Message>(apiPaths.savedMark(id), { method: on ? 'PUT' : 'DELETE' }),
  listReplies: (id: string, signal?: AbortSignal) =>
    apiRequest<{ messages: Message[] }>(apiPaths.replies(id), { signal }).then((r) => r.messages),
  searchUsers: (q: string, signal?: AbortSignal) =>
    apiRequest<{ users: User[] }>(`${apiPaths.users}?q=${encodeURIComponent(q)}&limit=20`, {
      signal,
    }).then((r) => r.users),
  /** One page of the people directory (by username; `after` is the last username of the previous page). */
  listPeople: (q: string, after: string, limit: number, signal?: AbortSignal) =>
    apiRequest<{ users: User[] }>(
      `${apiPaths.users}?q=${encodeURIComponent(q)}&limit=${limit}&after=${encodeURIComponent(after)}`,
      { signal },
    ).then((r) => r.users),
  /** One person as others see them, for the profile card. */
  getUser: (id: string, signal?: AbortSignal) => apiRequest<User>(apiPaths.user(id), { signal }),
};
