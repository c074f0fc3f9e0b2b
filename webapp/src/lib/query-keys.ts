/** Every key of the query cache, the one store of server data. */
export const queryKeys = {
  channels: ['channels'] as const,
  channel: (id: string) => ['channel', id] as const,
  allChannelDetails: ['channel'] as const,
  messages: (channelId: string) => ['messages', channelId] as const,
  replies: (parentId: string) => ['replies', parentId] as const,
  typing: (channelId: string) => ['typing', channelId] as const,
  receipts: (channelId: string) => ['receipts', channelId] as const,
  me: ['me'] as const,
  users: (q: string) => ['users', q] as const,
  discover: (q: string) => ['discover', q] as const,
  search: (q: string) => ['search', q] as const,
  mentions: ['mentions'] as const,
  adminUsersAll: ['admin', 'users'] as const,
  adminUsers: (q: string, page: number) => ['admin', 'users', q, page] as const,
  adminAudit: (page: number) => ['admin', 'audit', page] as const,
  adminIntegrations: ['admin', 'integrations'] as const,
};
