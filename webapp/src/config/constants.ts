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
} as const;

/** Renew the access token this long before it expires. */
export const refreshLeadMs = 60_000;
/** Never schedule a renewal sooner than this (guards against clock skew loops). */
export const minRefreshDelayMs = 5_000;
/** After a renewal failed for a reason other than 401 (network, 503), try again after this long. */
export const refreshRetryMs = 30_000;

export const storageKeys = {
  theme: 'netchat.theme',
} as const;
