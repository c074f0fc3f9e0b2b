import { http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '@/config/constants';
import { apiRequest, refreshSession } from '@/lib/api-client';
import { getMessages } from '@/features/messages/api/get-messages';
import { getChannel } from '@/hooks/use-channel-details';
import { getChannels } from '@/hooks/use-channels';
import { sessionFromAuthResponse, setSession } from '@/lib/session';
import { server } from '@/testing/server';
import { authResponse, jsonResponse, problemResponse } from '@/testing/test-utils';
// The script the page loads before the app, as text, run below as the browser runs it.
import bootScript from '../../../public/session-boot.js?raw';

interface Sent {
  method: string;
  url: string;
  authorization: string | null;
}

/** A server that answers the renewal with `renewal` and every read with a body naming its URL. */
function stubServer(renewal: () => Response) {
  const sent: Sent[] = [];
  // Recorded as sent: the handlers below may be reached in another order.
  server.events.on('request:start', ({ request }) => {
    sent.push({
      method: request.method,
      url: pathOf(request),
      authorization: request.headers.get('Authorization'),
    });
  });
  server.use(
    http.post('/api/auth/refresh', renewal),
    http.get('/api/channels', ({ request }) =>
      jsonResponse({ channels: [{ id: 'c 1', servedFor: pathOf(request) }] }),
    ),
    http.get('/api/*', ({ request }) => jsonResponse({ servedFor: pathOf(request), sentAt: sent.length })),
  );
  return sent;
}

/** The path and query string of a request, as the client wrote it. */
function pathOf(request: Request): string {
  const { pathname, search } = new URL(request.url);
  return pathname + search;
}

function runBootScript(hash: string) {
  window.location.hash = hash;
  window.netchatStarted = undefined;
  new Function(bootScript)();
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  window.location.hash = '';
  window.netchatStarted = true;
});

describe('session-boot.js', () => {
  it('sends the open conversation’s first reads with the renewed token, and the app takes each answer once', async () => {
    const sent = stubServer(() => jsonResponse(authResponse({ token: 'boot-token' })));
    runBootScript('#/c/c%201');
    await settle();

    expect(sent.map((s) => `${s.method} ${s.url} ${s.authorization}`)).toEqual([
      'POST /api/auth/refresh null',
      'GET /api/users/me Bearer boot-token',
      'GET /api/channels Bearer boot-token',
      'GET /api/channels/c%201 Bearer boot-token',
      'GET /api/channels/c%201/messages?limit=50 Bearer boot-token',
    ]);

    // The app starts: it adopts the early renewal and asks for exactly what was sent, so nothing goes out again.
    expect((await refreshSession())?.token).toBe('boot-token');
    await expect(apiRequest(apiPaths.me)).resolves.toMatchObject({ servedFor: '/api/users/me' });
    await expect(getChannels()).resolves.toEqual([{ id: 'c 1', servedFor: '/api/channels' }]);
    await expect(getChannel('c 1')).resolves.toMatchObject({ servedFor: '/api/channels/c%201' });
    await expect(getMessages('c 1')).resolves.toMatchObject({
      servedFor: '/api/channels/c%201/messages?limit=50',
    });
    expect(sent).toHaveLength(5);

    // Taken once: the next reads are the app's own, and current.
    await expect(getMessages('c 1')).resolves.toMatchObject({ sentAt: 6 });
    expect(sent[5]).toEqual({
      method: 'GET',
      url: '/api/channels/c%201/messages?limit=50',
      authorization: 'Bearer boot-token',
    });
  });

  it('reads only the profile and the channel list when no conversation is open', async () => {
    const sent = stubServer(() => jsonResponse(authResponse({ token: 'boot-token' })));
    runBootScript('#/admin');
    await settle();

    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/auth/refresh',
      'GET /api/users/me',
      'GET /api/channels',
    ]);
  });

  it('reads nothing when there is no session to renew', async () => {
    const sent = stubServer(() => problemResponse(401));
    runBootScript('#/c/c1');
    await settle();

    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /api/auth/refresh']);
    expect(await refreshSession()).toBeNull();
  });

  it('leaves an answer sent with another token unused: the app asks with its own', async () => {
    const sent = stubServer(() => jsonResponse(authResponse({ token: 'boot-token' })));
    runBootScript('#/c/c1');
    await settle();
    // Someone signed in as another person before the app asked (the early renewal was never taken).
    setSession(sessionFromAuthResponse(authResponse({ token: 'other' })));

    await expect(getMessages('c1')).resolves.toMatchObject({ sentAt: 6 });
    expect(sent[5]).toMatchObject({
      url: '/api/channels/c1/messages?limit=50',
      authorization: 'Bearer other',
    });
  });

  it('leaves a refused read unused: the refusal may be over when the app asks', async () => {
    const sent: string[] = [];
    server.use(
      http.post('/api/auth/refresh', () => {
        sent.push('/api/auth/refresh');
        return jsonResponse(authResponse({ token: 'boot-token' }));
      }),
      http.get('/api/users/me', () => jsonResponse({ id: 'u-1' })),
      // The first answer refuses (a new password is due), the app's own later one does not.
      http.get('/api/channels', () => {
        sent.push('/api/channels');
        return sent.filter((url) => url === '/api/channels').length === 1
          ? problemResponse(403)
          : jsonResponse({ channels: [] });
      }),
    );
    runBootScript('');
    await settle();
    expect((await refreshSession())?.token).toBe('boot-token');

    await expect(getChannels()).resolves.toEqual([]);
    expect(sent.filter((url) => url === '/api/channels')).toHaveLength(2);
  });

  it('stays out of the way when the app started first', async () => {
    const sent = stubServer(() => jsonResponse(authResponse()));
    window.location.hash = '#/c/c1';
    window.netchatStarted = true;
    new Function(bootScript)();
    await settle();

    expect(sent).toHaveLength(0);
    expect(window.netchatEarlyReads).toBeUndefined();
  });
});
