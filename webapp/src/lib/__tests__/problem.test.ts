import { describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { networkError, parseRetryAfter, toApiError } from '@/lib/problem';

describe('ApiError.isUnavailable', () => {
  it('is true without an answer, for 502-504, and for a 404 that is not a NetChat problem', async () => {
    expect(networkError(new TypeError('x')).isUnavailable).toBe(true);
    expect((await toApiError(new Response('', { status: 503 }))).isUnavailable).toBe(true);
    const notDeployed = new Response('<html>Not Found</html>', {
      status: 404,
      headers: { 'Content-Type': 'text/html' },
    });
    expect((await toApiError(notDeployed)).isUnavailable).toBe(true);
    const unknownChannel = new Response(
      JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such channel.' }),
      { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
    );
    expect((await toApiError(unknownChannel)).isUnavailable).toBe(false);
    expect((await toApiError(new Response('', { status: 400 }))).isUnavailable).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('30')).toBe(30);
  });

  it('reads an HTTP-date as the seconds left until it', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:42 GMT', now)).toBe(42);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('later')).toBeUndefined();
  });
});

describe('toApiError', () => {
  it('keeps the status when the body is not problem+json (a proxy error page)', async () => {
    const error = await toApiError(
      new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(error.status).toBe(502);
    expect(error.fieldErrors).toEqual([]);
  });
});

describe('ApiError.message, which dialogs show as it is', () => {
  it("is the server's detail when there is one", async () => {
    const problem = new Response(
      JSON.stringify({ title: 'Conflict', status: 409, detail: 'That name is taken.' }),
      {
        status: 409,
        headers: { 'Content-Type': 'application/problem+json' },
      },
    );
    expect((await toApiError(problem)).message).toBe('That name is taken.');
  });

  it('comes from the message catalogue when the server said nothing, or could not be reached', async () => {
    expect((await toApiError(new Response('', { status: 500 }))).message).toBe(
      messages.auth.errors.unexpected,
    );
    expect(networkError(new TypeError('Failed to fetch')).message).toBe(messages.auth.errors.network);
  });
});
