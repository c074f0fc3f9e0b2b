/** Validation rules shared with the server (API.md, "Accounts"). */
export const rules = {
  fullName: { min: 1, max: 100 },
  username: { min: 3, max: 32, pattern: /^[a-z0-9._-]+$/ },
  /** Bytes of UTF-8, not characters: bcrypt reads at most 72 bytes. */
  password: { minBytes: 8, maxBytes: 72 },
  /** E.164. */
  phoneNumber: { pattern: /^\+[1-9]\d{1,14}$/ },
  avatarURL: { protocols: ['http:', 'https:'] },
} as const;

export const apiPaths = {
  signup: '/api/auth/signup',
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/users/me',
  myPassword: '/api/users/me/password',
  users: '/api/users',
  user: (id: string) => `/api/users/${encodeURIComponent(id)}`,
  channels: '/api/channels',
  discover: '/api/channels/discover',
  channel: (id: string) => `/api/channels/${encodeURIComponent(id)}`,
  channelMembers: (id: string) => `/api/channels/${encodeURIComponent(id)}/members`,
  channelMember: (id: string, userId: string) =>
    `/api/channels/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
  channelJoin: (id: string) => `/api/channels/${encodeURIComponent(id)}/join`,
  channelRead: (id: string) => `/api/channels/${encodeURIComponent(id)}/read`,
  channelReceipts: (id: string) => `/api/channels/${encodeURIComponent(id)}/receipts`,
  channelMessages: (id: string) => `/api/channels/${encodeURIComponent(id)}/messages`,
  message: (id: string) => `/api/messages/${encodeURIComponent(id)}`,
  messagePreview: (id: string) => `/api/messages/${encodeURIComponent(id)}/preview`,
  reaction: (id: string, type: string) =>
    `/api/messages/${encodeURIComponent(id)}/reactions/${encodeURIComponent(type)}`,
  replies: (id: string) => `/api/messages/${encodeURIComponent(id)}/replies`,
  pin: (id: string) => `/api/messages/${encodeURIComponent(id)}/pin`,
  savedMark: (id: string) => `/api/messages/${encodeURIComponent(id)}/saved`,
  channelPins: (id: string) => `/api/channels/${encodeURIComponent(id)}/pins`,
  saved: '/api/saved',
  searchMessages: '/api/search/messages',
  mentions: '/api/mentions',
  files: '/api/files',
  myAvatar: '/api/users/me/avatar',
  myStatus: '/api/users/me/status',
  socket: '/ws',
  adminUsers: '/api/admin/users',
  adminUser: (id: string) => `/api/admin/users/${encodeURIComponent(id)}`,
  adminPasswordReset: (id: string) => `/api/admin/users/${encodeURIComponent(id)}/password-reset`,
  adminSessions: (id: string) => `/api/admin/users/${encodeURIComponent(id)}/sessions`,
  adminAudit: '/api/admin/audit',
  adminIntegrations: '/api/admin/integrations',
  adminOutboxResend: (id: number) => `/api/admin/integrations/outbox/${id}/resend`,
  adminOutboxResendFailed: '/api/admin/integrations/outbox/resend-failed',
} as const;

/** Wait this long after the last keystroke in the admin user search before asking the server. */
export const adminSearchDebounceMs = 300;

export const socketProtocol = 'netchat.v1';
export const pingIntervalMs = 30_000;
/** Messages per page of history. */
export const messagePageSize = 50;
/** Opening a channel loads older pages until its first unread message, at most this many pages. */
export const catchUpMaxPages = 40;
/** Send typing.start at most this often while typing; typing.stop after this much quiet. */
export const typingThrottleMs = 3_000;
export const typingIdleMs = 4_000;
/** Forget someone's typing after this long without a typing.stop. */
export const typingExpiryMs = 8_000;
/** Wait this long after the last visible message changed before telling the server it was read. */
export const readDebounceMs = 800;
/** Read receipts are shared in direct and group conversations of at most this many members (the server's rule). */
export const receiptsMaxMembers = 10;
/** A read the server did not take is sent again after this long, doubling each time up to the maximum. */
export const readRetryMs = 2_000;
export const readRetryMaxMs = 30_000;
/** Messages by one author closer than this are grouped under one name. */
export const groupWindowMs = 5 * 60_000;
export const commonReactions = [
  { type: 'thumbsup', emoji: '👍' },
  { type: 'heart', emoji: '❤️' },
  { type: 'joy', emoji: '😂' },
  { type: 'tada', emoji: '🎉' },
  { type: 'eyes', emoji: '👀' },
  { type: 'pray', emoji: '🙏' },
] as const;

/** Renew the access token this long before it expires. */
export const refreshLeadMs = 60_000;
/** Never schedule a renewal sooner than this (guards against clock skew loops). */
export const minRefreshDelayMs = 5_000;
/** After a renewal failed for a reason other than 401 (network, 503), try again after this long. */
export const refreshRetryMs = 30_000;

export const storageKeys = {
  theme: 'netchat.theme',
  outbox: 'netchat.outbox',
  desktopNotifications: 'netchat.desktopNotifications',
  drafts: 'netchat.drafts',
  /** Set once the person picked a time zone in Settings: the browser's zone then no longer replaces it. */
  timeZoneChosen: 'netchat.timeZoneChosen',
  /** The language picked in Settings; absent means "the browser's language". */
  language: 'netchat.language',
} as const;

/** The problem type of a session renewal refused because an administrator disabled the account. */
export const accountDisabledProblem = 'urn:netchat:problem:account-disabled';
