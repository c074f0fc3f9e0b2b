import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshSession } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { getSession, setSession } from '@/lib/session';
import {
  authResponse,
  currentUser,
  emptyResponse,
  jsonResponse,
  mockApi,
  problemResponse,
  renderWithAuth,
} from '@/testing/test-utils';
import { useCurrentUser } from '../../api/get-current-user';
import { useAuth } from '../../hooks/use-auth';

/** What the app's screen switch sees: the status, and the person as the query cache holds them. */
function Probe() {
  const { status } = useAuth();
  const me = useCurrentUser().data;
  return <p data-testid="probe">{`${status} ${me?.fullName ?? '-'}`}</p>;
}

const probe = () => screen.getByTestId('probe');

/**
 * A session that ends: renewed once at the start; then, with the cookie gone, the server refuses both a renewal
 * and the person. (The person's query, still mounted when the cache is cleared, asks once more.)
 */
const sessionThatEnds = {
  'POST /api/auth/refresh': [jsonResponse(authResponse()), problemResponse(401)],
  'GET /api/users/me': problemResponse(401),
};

describe('AuthProvider', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is signed in only once the person is known, read once for the whole app', async () => {
    const { callsTo } = mockApi({
      'POST /api/auth/refresh': jsonResponse(authResponse()),
      'GET /api/users/me': jsonResponse(currentUser()),
    });
    renderWithAuth(<Probe />);

    expect(probe()).toHaveTextContent('checking -');
    await waitFor(() => expect(probe()).toHaveTextContent('signed-in Ada Lovelace'));
    expect(callsTo('GET /api/users/me')).toHaveLength(1);
  });

  it('asks for the person again, for as long as the server cannot answer, and stays checking meanwhile', async () => {
    vi.useFakeTimers();
    const unavailable = () => problemResponse(503);
    const { callsTo } = mockApi({
      'POST /api/auth/refresh': jsonResponse(authResponse()),
      'GET /api/users/me': [unavailable, unavailable, unavailable, unavailable, jsonResponse(currentUser())],
    });
    renderWithAuth(<Probe />);

    // TanStack Query's back-off: 1, 2, 4 and 8 seconds.
    await act(() => vi.advanceTimersByTimeAsync(14_000));
    expect(callsTo('GET /api/users/me')).toHaveLength(4);
    expect(probe()).toHaveTextContent('checking -');
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(probe()).toHaveTextContent('signed-in Ada Lovelace');
    expect(callsTo('GET /api/users/me')).toHaveLength(5);
  });

  it('ends the session when the server refuses it the person', async () => {
    const { callsTo } = mockApi({
      'POST /api/auth/refresh': jsonResponse(authResponse()),
      'GET /api/users/me': problemResponse(403),
      'POST /api/auth/logout': emptyResponse(204),
    });
    renderWithAuth(<Probe />);

    await waitFor(() => expect(probe()).toHaveTextContent('signed-out -'));
    expect(getSession()).toBeNull();
    expect(callsTo('POST /api/auth/logout')).toHaveLength(1);
  });

  it('forgets the person when the session ends', async () => {
    mockApi(sessionThatEnds);
    const { client } = renderWithAuth(<Probe />, currentUser());
    await waitFor(() => expect(probe()).toHaveTextContent('signed-in Ada Lovelace'));

    act(() => setSession(null));

    expect(client.getQueryData(queryKeys.me)).toBeUndefined();
    expect(probe()).toHaveTextContent('signed-out -');
  });

  it('forgets everything the person had cached when the session ends, so the next person sees none of it', async () => {
    mockApi(sessionThatEnds);
    const { client } = renderWithAuth(<Probe />, currentUser());
    await waitFor(() => expect(probe()).toHaveTextContent('signed-in Ada Lovelace'));
    client.setQueryData(queryKeys.channels, [{ id: 'c-secret', name: 'board-only' }]);

    act(() => setSession(null));

    expect(client.getQueryData(queryKeys.channels)).toBeUndefined();
    // Only the person's (now idle) query may be back, with nothing in it.
    expect(
      client
        .getQueryCache()
        .getAll()
        .filter((query) => query.state.data !== undefined),
    ).toEqual([]);
  });

  it('keeps the person over a renewal of the same session, and reads them anew when it hands over another', async () => {
    const bob = currentUser({ id: 'u-2', username: 'bob', fullName: 'Bob Builder' });
    const { callsTo } = mockApi({
      'POST /api/auth/refresh': [
        jsonResponse(authResponse()),
        jsonResponse(authResponse({ token: 'token-2' })),
        // Signed in as Bob in another tab meanwhile: the shared refresh cookie is his now.
        jsonResponse(authResponse({ token: 'bob-token', userId: 'u-2', username: 'bob' })),
      ],
      'GET /api/users/me': [jsonResponse(currentUser()), jsonResponse(bob)],
    });
    renderWithAuth(<Probe />);
    await waitFor(() => expect(probe()).toHaveTextContent('signed-in Ada Lovelace'));

    await act(() => refreshSession());
    expect(probe()).toHaveTextContent('signed-in Ada Lovelace');
    expect(callsTo('GET /api/users/me')).toHaveLength(1);

    await act(() => refreshSession());
    expect(probe()).not.toHaveTextContent('Ada Lovelace');
    await waitFor(() => expect(probe()).toHaveTextContent('signed-in Bob Builder'));
    expect(callsTo('GET /api/users/me')[1].headers.get('Authorization')).toBe('Bearer bob-token');
  });
});
