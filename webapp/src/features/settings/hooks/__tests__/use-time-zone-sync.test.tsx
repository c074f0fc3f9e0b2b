import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { queryKeys } from '@/lib/query-keys';
import { rememberTimeZoneChoice } from '@/lib/time-zone';
import { currentUser, jsonResponse, mockApi } from '@/testing/test-utils';
import type { CurrentUser } from '@/types/api';
import { useTimeZoneSync } from '../use-time-zone-sync';

function renderSync(me: CurrentUser) {
  const routes: ReturnType<typeof mockApi> = mockApi({
    'PATCH /api/users/me': () =>
      jsonResponse({ ...me, ...(routes.callsTo('PATCH /api/users/me').at(-1)?.body as object) }),
  });
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  renderHook(() => useTimeZoneSync(me), { wrapper });
  return { ...routes, client };
}

describe("the browser's time zone", () => {
  beforeEach(() => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      ...new Intl.DateTimeFormat().resolvedOptions(),
      timeZone: 'America/Chicago',
    });
  });
  afterEach(() => {
    window.localStorage.clear();
    vi.restoreAllMocks();
  });

  it('is sent once when the saved zone differs, and the cached profile follows', async () => {
    const { callsTo, client } = renderSync(currentUser({ timeZone: 'Europe/Berlin' }));
    await waitFor(() => expect(callsTo('PATCH /api/users/me')).toHaveLength(1));
    expect(callsTo('PATCH /api/users/me')[0].body).toEqual({ timeZone: 'America/Chicago' });
    await waitFor(() =>
      expect(client.getQueryData<CurrentUser>(queryKeys.me)?.timeZone).toBe('America/Chicago'),
    );
  });

  it('is not sent when it is already saved', async () => {
    const { callsTo } = renderSync(currentUser({ timeZone: 'America/Chicago' }));
    // Give an effect the chance to send, then check that none did.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsTo('PATCH /api/users/me')).toHaveLength(0);
  });

  it('is not sent when the person picked a zone in Settings in this browser', async () => {
    rememberTimeZoneChoice('u-1', true);
    const { callsTo } = renderSync(currentUser({ timeZone: 'Asia/Tokyo' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsTo('PATCH /api/users/me')).toHaveLength(0);
  });
});
