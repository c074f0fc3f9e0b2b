import { describe, expect, it } from 'vitest';
import { parseRetryAfter, toApiError } from '@/lib/problem';

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
