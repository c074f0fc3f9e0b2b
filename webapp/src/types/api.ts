/** Shapes of the NetChat server's JSON (API.md, version 1). */

export type Role = string;

/** Body of 200/201 from signup, login and refresh. */
export interface AuthResponse {
  token: string;
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  expiresAt: string;
  phoneNumber?: string | null;
  avatarURL?: string | null;
  /** True after an admin reset the password: every call but GET /me and the password change answers 403. */
  mustChangePassword?: boolean;
}

export interface NotificationSettings {
  sms?: 'off' | 'mentions' | 'all';
  /** Which messages show a desktop notification; mentions and direct messages by default. */
  desktop?: 'off' | 'mentions' | 'all';
  /** Do not disturb until this time (ISO-8601); null when off. */
  dndUntil?: string | null;
  [setting: string]: unknown;
}

/** GET /api/users/me. */
/** A custom status: an emoji, a text (either may be null) and when it clears itself (null: when changed). */
export interface UserStatus {
  emoji: string | null;
  text: string | null;
  expiresAt: string | null;
}

export interface CurrentUser {
  id: string;
  username: string;
  fullName: string;
  avatarURL: string | null;
  role: Role;
  online: boolean;
  lastActive: string | null;
  createdAt: string;
  phoneNumber: string | null;
  notifications: NotificationSettings | null;
  mustChangePassword?: boolean;
  /** IANA time zone id (Europe/Paris); null when not given. */
  timeZone?: string | null;
  /** Whether others in direct and group conversations see how far this user has read (on by default). */
  readReceipts?: boolean;
  status?: UserStatus | null;
}

/** How far another member of a direct or group conversation has seen it (GET /api/channels/{id}/receipts). */
export interface ReadReceipt {
  userId: string;
  seq: number;
}

export interface FieldError {
  field: string;
  message: string;
}

/** application/problem+json (RFC 9457). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** A user as other users see it. */
export interface User {
  id: string;
  username: string;
  fullName: string;
  avatarURL: string | null;
  role?: Role;
  online?: boolean;
  lastActive?: string | null;
  createdAt?: string;
  /** IANA time zone id, so others can show the person's local time; null when not given. */
  timeZone?: string | null;
  status?: UserStatus | null;
}

export type ChannelType = 'team' | 'messaging';

export interface Channel {
  id: string;
  type: ChannelType;
  name: string | null;
  description: string | null;
  private: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  memberCount: number;
  lastSeq: number;
  lastMessageAt: string | null;
  /** Null inside socket events: keep the count the cache already has. */
  unreadCount: number | null;
  members?: User[] | null;
  /**
   * How many unread messages mention the signed-in person (`@username`): in the channel list, then kept up to
   * date from live events; null or absent inside socket events.
   */
  mentionCount?: number | null;
  /** The signed-in person's read marker (null inside socket events). */
  lastReadSeq?: number | null;
  /** A conversation between exactly two people, which can never get more members (a group of two is not). */
  direct?: boolean;
  /** The public channel every new account joins. */
  default?: boolean;
  /** The person's own level for this channel; null follows their own level (NotificationSettings.desktop). */
  notificationLevel?: NotificationLevel | null;
  muted?: boolean | null;
}

export type NotificationLevel = 'all' | 'mentions' | 'off';

export interface Reaction {
  type: string;
  count: number;
  me: boolean;
  userIds?: string[];
}

export interface MessageAuthor {
  id: string;
  username: string;
  fullName: string;
  avatarURL: string | null;
}

/** A file on a message; images have their size and re-encoded thumbnail and preview (all need the session). */
export interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  width: number | null;
  height: number | null;
  url: string;
  thumbnailUrl: string | null;
  previewUrl: string | null;
}

export interface Message {
  id: string;
  channelId: string;
  seq: number;
  user: MessageAuthor;
  text: string;
  createdAt: string;
  updatedAt: string;
  edited: boolean;
  deleted: boolean;
  parentId: string | null;
  replyCount: number;
  reactions: Reaction[];
  clientMessageId: string | null;
  /** Absent from servers and fixtures that predate files. */
  attachments?: Attachment[];
  /** Pinned to its conversation for every member: by whom and when (null or absent: not pinned). */
  pinned?: { by: MessageAuthor; at: string } | null;
  /**
   * Saved by the reader for later. REST answers say true or false; events, shared by all members, carry null,
   * and the cache keeps what it knew.
   */
  saved?: boolean | null;
  /**
   * The card of the page the text links to first, fetched by the server after the post (it arrives by a
   * message.updated event); null or absent when there is none.
   */
  preview?: LinkPreview | null;
}

/** One of the reader's saved messages (GET /api/saved). */
export interface SavedItem {
  savedAt: string;
  message: Message;
}

/** A message's link preview. Text only; imageUrl is the server's own copy of the page's picture. */
export interface LinkPreview {
  url: string;
  title: string;
  description: string | null;
  siteName: string | null;
  imageUrl: string | null;
}

export interface MessagePage {
  messages: Message[];
  hasMore: boolean;
}

/** GET /api/search/messages: matches, best first, and the query's words to highlight in them. */
export interface SearchResult {
  messages: Message[];
  terms: string[];
}

export type SmsPreference = 'off' | 'mentions' | 'all';

/** Frames the server sends on /ws. */
export type ServerFrame =
  | { type: 'hello'; connectionId: string; userId: string }
  | {
      type: 'message.new' | 'message.updated' | 'message.deleted';
      channelId: string;
      seq: number;
      message: Message;
    }
  | {
      type: 'reaction.new' | 'reaction.deleted';
      channelId: string;
      seq: number;
      message: Message;
      reaction: { type: string; userId: string };
    }
  | { type: 'channel.updated'; channelId: string; seq: number; channel: Channel }
  | {
      type: 'member.added' | 'member.removed';
      channelId: string;
      seq: number;
      userId: string;
      channel: Channel;
    }
  | { type: 'user.presence.changed'; user: { id: string; online: boolean; lastActive: string | null } }
  | { type: 'typing.start' | 'typing.stop'; channelId: string; userId: string }
  | { type: 'channel.created'; channel: Channel; channelId?: string }
  | { type: 'read.updated'; channelId: string; userId: string; seq: number }
  | { type: 'receipt.updated'; channelId: string; userId: string; seq: number }
  | { type: 'saved.updated'; userId: string; channelId: string; messageId: string; saved: boolean }
  | { type: 'user.status.changed'; user: { id: string; status: UserStatus | null } }
  | { type: 'pong' }
  | { type: 'error'; problem: ProblemDetails }
  | { type: 'resync.required'; channelId: string };

/** Frames that hold a place in a channel's log (the seq of read.updated and receipt.updated is a read position). */
export type ChannelEvent = Exclude<
  Extract<ServerFrame, { seq: number }>,
  { type: 'read.updated' | 'receipt.updated' }
>;

/** A user as admins see it (GET /api/admin/users). */
export interface AdminUser {
  id: string;
  username: string;
  fullName: string;
  role: 'user' | 'admin';
  disabled: boolean;
  mustChangePassword: boolean;
  online: boolean;
  lastActive: string | null;
  createdAt: string;
}

export interface AdminUserPage {
  users: AdminUser[];
  page: number;
  hasMore: boolean;
}

/** One entry of the audit log (GET /api/admin/audit), newest first. */
export interface AuditEntry {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetId: string | null;
  targetName: string | null;
  detail: string | null;
  source: 'web' | 'console';
  clientAddress: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  hasMore: boolean;
}

/** One optional integration (Twilio or Stream) as the admin page shows it. */
export interface IntegrationState {
  configured: boolean;
  pending: number;
  sent: number;
  failed: number;
  lastSentAt: string | null;
  lastError: string | null;
}

/** One SMS of the outbox; the number is masked by the server. */
export interface SmsStatus {
  id: number;
  to: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  messages: number;
  createdAt: string;
  sentAt: string | null;
  twilioSid: string | null;
  deliveryStatus: string | null;
  lastError: string | null;
}

/** GET /api/admin/integrations */
/** An outbox entry that failed for good (a refusal, or too many attempts); an admin may send it again. */
export interface FailedOutboxEntry {
  id: number;
  /** sms, stream.user, stream.channel, stream.message.new, … */
  kind: string;
  integration: 'twilio' | 'stream';
  attempts: number;
  createdAt: string;
  lastError: string | null;
}

export interface IntegrationsStatus {
  twilio: IntegrationState;
  stream: IntegrationState;
  workerRunning: boolean;
  recentSms: SmsStatus[];
  /** Newest first, at most 50. */
  failedEntries: FailedOutboxEntry[];
}
