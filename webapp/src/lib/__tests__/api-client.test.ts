import { describe, expect, it } from 'vitest';
import { apiRequest, refreshSession } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { getSession, sessionFromAuthResponse, setSession, takeSignOutReason } from '@/lib/session';
import { authResponse, jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';

const me = { id: 'u-1', fullName: 'Ada Lovelace' };

function signedIn(token = 'old-token') {
  setSession(sessionFromAuthResponse(authResponse({ token })));
}

describe('apiRequest', () => {
  it('sends JSON with the in-memory bearer token and same-origin credentials', async () => {
    signedIn('abc');
    const { calls } = mockApi({ 'POST /api/things': jsonResponse({ ok: true }, 201) });

    await expect(apiRequest('/api/things', { method: 'POST', body: { a: 1 } })).resolves.toEqual({
      ok: true,
    });

    expect(calls[0].headers.get('Authorization')).toBe('Bearer abc');
    expect(calls[0].headers.get('Content-Type')).toBe('application/json');
    expect(calls[0].credentials).toBe('same-origin');
    expect(calls[0].body).toEqual({ a: 1 });
  });

  it('renews the session once and retries once after a 401', async () => {
    signedIn('old-token');
    const { calls } = mockApi({
      'GET /api/users/me': [problemResponse(401), jsonResponse(me)],
      'POST /api/auth/refresh': jsonResponse(authResponse({ token: 'new-token' })),
    });

    await expect(apiRequest('/api/users/me')).resolves.toEqual(me);

    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/users/me',
      'POST /api/auth/refresh',
      'GET /api/users/me',
    ]);
    expect(calls[0].headers.get('Authorization')).toBe('Bearer old-token');
    expect(calls[2].headers.get('Authorization')).toBe('Bearer new-token');
    expect(getSession()?.token).toBe('new-token');
  });

  it('retries only once when the renewed token is refused too', async () => {
    signedIn();
    const { calls } = mockApi({
      'GET /api/users/me': problemResponse(401),
      'POST /api/auth/refresh': jsonResponse(authResponse({ token: 'new-token' })),
    });

    await expect(apiRequest('/api/users/me')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(3);
  });

  it('sends a token it is given instead of the session’s, and takes a 401 with it as the answer', async () => {
    signedIn('session-token');
    const { calls } = mockApi({
      'GET /api/users/me': [jsonResponse(me), problemResponse(401)],
      'POST /api/auth/refresh': jsonResponse(authResponse({ token: 'new-token' })),
    });

    await expect(apiRequest('/api/users/me', { token: 'new-session' })).resolves.toEqual(me);
    await expect(apiRequest('/api/users/me', { token: 'new-session' })).rejects.toMatchObject({
      status: 401,
    });

    expect(calls.map((c) => `${c.path} ${c.headers.get('Authorization')}`)).toEqual([
      '/api/users/me Bearer new-session',
      '/api/users/me Bearer new-session',
    ]);
    expect(getSession()?.token).toBe('session-token');
  });

  it('ends the session when the refresh cookie is refused', async () => {
    signedIn();
    const { calls } = mockApi({
      'GET /api/users/me': problemResponse(401),
      'POST /api/auth/refresh': problemResponse(401),
    });

    await expect(apiRequest('/api/users/me')).rejects.toBeInstanceOf(ApiError);
    expect(getSession()).toBeNull();
    expect(calls).toHaveLength(2);
  });

  it('says why when the renewal is refused because the account was disabled, and only then', async () => {
    signedIn();
    mockApi({
      'GET /api/users/me': problemResponse(401),
      'POST /api/auth/refresh': problemResponse(401, { type: 'urn:netchat:problem:account-disabled' }),
    });
    await expect(apiRequest('/api/users/me')).rejects.toBeInstanceOf(ApiError);
    expect(getSession()).toBeNull();
    expect(takeSignOutReason()).toBe('disabled');

    signedIn();
    mockApi({
      'GET /api/users/me': problemResponse(401),
      'POST /api/auth/refresh': problemResponse(401),
    });
    await expect(apiRequest('/api/users/me')).rejects.toBeInstanceOf(ApiError);
    expect(takeSignOutReason()).toBeNull();
  });

  it('keeps the session when the refresh call meets a server that is restarting (404, 503)', async () => {
    for (const status of [404, 503]) {
      signedIn();
      mockApi({
        'GET /api/users/me': problemResponse(401),
        'POST /api/auth/refresh': problemResponse(status),
      });

      await expect(apiRequest('/api/users/me')).rejects.toBeInstanceOf(ApiError);
      expect(getSession()).not.toBeNull();
    }
  });

  it('does not renew when a 401 is the answer itself (wrong password)', async () => {
    const { calls } = mockApi({ 'POST /api/auth/login': problemResponse(401) });

    await expect(
      apiRequest('/api/auth/login', { method: 'POST', body: {}, renewOn401: false }),
    ).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
  });

  it('turns problem+json into an ApiError with field errors and Retry-After', async () => {
    mockApi({
      'POST /api/auth/signup': problemResponse(
        400,
        { detail: 'Invalid input', errors: [{ field: 'username', message: 'bad' }] },
        { 'Retry-After': '7' },
      ),
    });

    const error = await apiRequest('/api/auth/signup', { method: 'POST', body: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, retryAfterSeconds: 7, message: 'Invalid input' });
    expect((error as ApiError).fieldErrors).toEqual([{ field: 'username', message: 'bad' }]);
  });

  it('reports a failed connection as a network error (status 0)', async () => {
    mockApi({ 'GET /api/users/me': () => Response.error() });

    await expect(apiRequest('/api/users/me')).rejects.toMatchObject({ status: 0, isNetworkError: true });
  });
});

describe('refreshSession', () => {
  it('shares one request between concurrent callers, since each refresh token works once', async () => {
    const { calls } = mockApi({ 'POST /api/auth/refresh': jsonResponse(authResponse({ token: 't2' })) });

    const [a, b] = await Promise.all([refreshSession(), refreshSession()]);

    expect(calls).toHaveLength(1);
    expect(a?.token).toBe('t2');
    expect(b).toBe(a);
  });

  it('takes the renewal that session-boot.js started before the app loaded, once', async () => {
    window.netchatEarlyRefresh = Promise.resolve(jsonResponse(authResponse({ token: 'early' })));
    const { calls } = mockApi({ 'POST /api/auth/refresh': jsonResponse(authResponse({ token: 'later' })) });

    expect((await refreshSession())?.token).toBe('early');
    expect(calls).toHaveLength(0);
    expect((await refreshSession())?.token).toBe('later');
    expect(calls).toHaveLength(1);
  });

  it('reports a failed early renewal as a network error and asks again next time', async () => {
    const early = Promise.reject(new TypeError('Failed to fetch'));
    early.catch(() => {});
    window.netchatEarlyRefresh = early;
    const { calls } = mockApi({ 'POST /api/auth/refresh': jsonResponse(authResponse({ token: 'later' })) });

    await expect(refreshSession()).rejects.toMatchObject({ status: 0, isNetworkError: true });
    expect((await refreshSession())?.token).toBe('later');
    expect(calls).toHaveLength(1);
  });

  it('keeps the session when the server is unavailable', async () => {
    signedIn('kept');
    mockApi({ 'POST /api/auth/refresh': problemResponse(503, {}, { 'Retry-After': '5' }) });

    await expect(refreshSession()).rejects.toMatchObject({ status: 503, retryAfterSeconds: 5 });
    expect(getSession()?.token).toBe('kept');
  });
});
