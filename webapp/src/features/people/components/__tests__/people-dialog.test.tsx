import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { closeProfileCard, useOpenProfileCard } from '@/lib/profile-card';
import { jsonResponse, mockApi, type RecordedCall } from '@/testing/test-utils';
import type { User } from '@/types/api';
import { peoplePageSize } from '../../api/list-people';
import { PeopleDialog } from '../people-dialog';

const t = messages.people;

const person = (n: number): User => ({
  id: `u-${n}`,
  username: `person${String(n).padStart(2, '0')}`,
  fullName: `Person ${n}`,
  avatarURL: null,
  online: n === 1,
});

function renderDialog() {
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <PeopleDialog onClose={onClose} />
    </QueryClientProvider>,
  );
  return { onClose, user };
}

/** The query strings the directory asked GET /api/users with, in order. */
const asked = (calls: RecordedCall[]) => calls.map((c) => new URL(c.url, 'http://localhost').search);

afterEach(() => act(() => closeProfileCard()));

describe('PeopleDialog', () => {
  it('lists everyone with presence, a page at a time', async () => {
    const first = Array.from({ length: peoplePageSize }, (_, i) => person(i + 1));
    const { calls } = mockApi({
      'GET /api/users': [jsonResponse({ users: first }), jsonResponse({ users: [person(31)] })],
    });
    const { user } = renderDialog();

    expect(
      await screen.findByRole('button', { name: t.row('Person 1', 'person01', true) }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.row('Person 2', 'person02', false) })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t.more }));

    expect(await screen.findByRole('button', { name: /^Person 31,/ })).toBeInTheDocument();
    expect(asked(calls)).toEqual([
      `?q=&limit=${peoplePageSize}&after=`,
      `?q=&limit=${peoplePageSize}&after=person30`,
    ]);
    expect(screen.queryByRole('button', { name: t.more })).not.toBeInTheDocument();
  });

  it('shows each person’s status and reads it with the row', async () => {
    mockApi({
      'GET /api/users': jsonResponse({
        users: [{ ...person(1), status: { emoji: '🤒', text: 'Out sick', expiresAt: null } }],
      }),
    });
    renderDialog();
    const row = await screen.findByRole('button', {
      name: `${t.row('Person 1', 'person01', true)}, 🤒 Out sick`,
    });
    expect(row).toHaveTextContent('🤒 Out sick');
  });

  it('searches by what is typed and says when no one matches', async () => {
    const { calls } = mockApi({
      'GET /api/users': [jsonResponse({ users: [person(1)] }), jsonResponse({ users: [] })],
    });
    const { user } = renderDialog();
    await screen.findByRole('button', { name: /^Person 1,/ });

    await user.type(screen.getByRole('searchbox', { name: t.search }), 'zz');

    expect(await screen.findByText(t.none)).toBeInTheDocument();
    expect(asked(calls).at(-1)).toBe(`?q=zz&limit=${peoplePageSize}&after=`);
  });

  it('opens the profile card of the person chosen and closes itself', async () => {
    mockApi({ 'GET /api/users': jsonResponse({ users: [person(1), person(2)] }) });
    const { onClose, user } = renderDialog();
    const card = renderHook(() => useOpenProfileCard());

    await user.click(await screen.findByRole('button', { name: /^Person 2,/ }));

    expect(onClose).toHaveBeenCalled();
    await waitFor(() => expect(card.result.current).toBe('u-2'));
  });
});
