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
}

export interface NotificationSettings {
  [setting: string]: unknown;
}

/** GET /api/users/me. */
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
