/**
 * The one way the client talks to the NetChat REST API: JSON in and out, the in-memory access token as a
 * Bearer header (cookies ride along for the refresh call), problem+json turned into ApiError, and one
 * silent renewal plus one retry when a call answers 401 because the token expired.
 */
import { accountDisabledProblem, apiPaths, refreshRetryMs } from '@/config/constants';
import type { AuthResponse } from '@/types/api';
import { networkError, toApiError } from './problem';
import {
  type Session,
  getAccessToken,
  onRefreshDue,
  scheduleRefresh,
  sessionFromAuthResponse,
  setSession,
  setSignOutReason,
} from './session';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Whether a 401 means "the access token expired" (renew and retry once, the default) or is the answer
   * itself, as for login with a wrong password.
   */
  renewOn401?: boolean;
  /**
   * Sent instead of the session's token, for a session not started yet (sign-in reads the profile first). A 401
   * is then the answer: a renewal would trade the cookie for some other token.
   */
  token?: string;
}

const accept = 'application/json, application/problem+json';

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers = new Headers({ Accept: accept });
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw networkError(error);
  }
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const usedToken = options.token ?? getAccessToken();
  const early =
    options.method === undefined || options.method === 'GET'
      ? await takeEarlyRead(path, usedToken)
      : undefined;
  let response = early ?? (await send(path, options, usedToken));
  if (response.status === 401 && options.renewOn401 !== false && options.token === undefined) {
    // Another call may have renewed the token while this one was on its way: then just retry.
    const current = getAccessToken();
    const token =
      current && current !== usedToken
        ? current
        : ((await refreshSession().catch(() => null))?.token ?? null);
    if (token) response = await send(path, options, token);
  }
  if (!response.ok) throw await toApiError(response);
  return readBody<T>(response);
}

let inFlight: Promise<Session | null> | null = null;

declare global {
  interface Window {
    /** The renewal public/session-boot.js started while this script was downloading; taken once. */
    netchatEarlyRefresh?: Promise<Response>;
    /** Tells session-boot.js, should it run only now, that the app renews the session itself. */
    netchatStarted?: boolean;
    /** The first screen's reads session-boot.js sent with the early renewal's token, by path; each taken once. */
    netchatEarlyReads?: Record<string, Promise<EarlyRead | null> | undefined>;
  }
}

interface EarlyRead {
  token: string;
  response: Response;
}

/**
 * The answer to a read session-boot.js already sent for this path, the first time the app asks for it, and
 * only if it went out with the token the app holds now (so never another session's) and succeeded. Anything
 * else, a read that failed to connect included, leaves the app to send its own.
 */
async function takeEarlyRead(path: string, token: string | null): Promise<Response | undefined> {
  const reads = window.netchatEarlyReads;
  const read = reads?.[path];
  if (!reads || !read) return undefined;
  reads[path] = undefined;
  const early = await read.catch(() => null);
  // Only a success: a refusal (say, 403 while an admin's reset makes a new password due) may be over by the time
  // the app asks, and the app's own request handles a 401 by renewing.
  return early && token !== null && early.token === token && early.response.ok ? early.response : undefined;
}

window.netchatStarted = true;

/** The renewal started by session-boot.js, the first time it is asked for; later renewals send their own. */
function takeEarlyRefresh(): Promise<Response> | undefined {
  const early = window.netchatEarlyRefresh;
  window.netchatEarlyRefresh = undefined;
  return early;
}

async function renew(): Promise<Session | null> {
  let response: Response;
  try {
    response =
      (await takeEarlyRefresh()) ??
      (await fetch(apiPaths.refresh, {
        method: 'POST',
        headers: { Accept: accept },
        credentials: 'same-origin',
      }));
  } catch (error) {
    throw networkError(error);
  }
  if (response.status === 401 || response.status === 403) {
    // No refresh cookie, or a spent, revoked or expired one, or a disabled account: the session is over.
    // Any other answer (a 404 while the server restarts and NetChat is not deployed yet, 429, 5xx) says
    // nothing about the session: keep it and try again later.
    // A disabled account is said so, for a page whose socket was down when it happened (a laptop asleep).
    if (await isAccountDisabled(response)) setSignOutReason('disabled');
    setSession(null);
    return null;
  }
  if (!response.ok) throw await toApiError(response);
  const session = sessionFromAuthResponse((await response.json()) as AuthResponse);
  setSession(session);
  return session;
}

/** The server's refusal names a disabled account (problem type urn:netchat:problem:account-disabled). */
async function isAccountDisabled(response: Response): Promise<boolean> {
  try {
    const problem = (await response.clone().json()) as { type?: unknown };
    return problem.type === accountDisabledProblem;
  } catch {
    return false;
  }
}

/**
 * Trades the HttpOnly refresh cookie for a new access token. Resolves to the new session, or null when
 * there is none (signed out). Rejects with ApiError when the server could not be asked (network, 429, 5xx),
 * which leaves the current session alone. Concurrent callers share one request: the server spends a refresh
 * token on use, so two parallel renewals would end the session.
 */
export function refreshSession(): Promise<Session | null> {
  inFlight ??= renew().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

onRefreshDue(() => {
  refreshSession().catch(() => scheduleRefresh(refreshRetryMs));
});
