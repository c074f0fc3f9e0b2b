import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { currentUser, jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';
import type { CurrentUser } from '@/types/api';
import { StatusEditor } from '../status-editor';

const t = messages.status;

function renderEditor(me: CurrentUser = currentUser()) {
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <StatusEditor me={me} />
    </QueryClientProvider>,
  );
  return { user };
}

describe('StatusEditor', () => {
  it('sets a suggestion with an expiry from "clear after"', async () => {
    const { callsTo } = mockApi({
      'PUT /api/users/me/status': jsonResponse(
        currentUser({ status: { emoji: '🌴', text: t.presetTexts.vacation, expiresAt: null } }),
      ),
    });
    const { user } = renderEditor();
    expect(screen.getByText(t.none)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: t.preset(`🌴 ${t.presetTexts.vacation}`) }));
    await user.selectOptions(screen.getByRole('combobox', { name: t.clearAfter }), '1h');
    const before = Date.now();
    await user.click(screen.getByRole('button', { name: t.save }));

    await waitFor(() => expect(callsTo('PUT /api/users/me/status')).toHaveLength(1));
    const body = callsTo('PUT /api/users/me/status')[0].body as {
      emoji: string;
      text: string;
      expiresAt: string;
    };
    expect(body.emoji).toBe('🌴');
    expect(body.text).toBe(t.presetTexts.vacation);
    const expiry = new Date(body.expiresAt).getTime();
    expect(expiry).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(await screen.findByText(t.saved)).toBeInTheDocument();
  });

  it('asks for something rather than sending an empty status, and shows the server’s word on a field', async () => {
    const { callsTo } = mockApi({
      'PUT /api/users/me/status': problemResponse(400, {
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'emoji', message: 'emoji must be one emoji, such as 🌴.' }],
      }),
    });
    const { user } = renderEditor();

    await user.click(screen.getByRole('button', { name: t.save }));
    expect(screen.getByText(t.needsSomething)).toBeInTheDocument();
    expect(callsTo('PUT /api/users/me/status')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: t.emoji }), 'x');
    await user.click(screen.getByRole('button', { name: t.save }));
    expect(await screen.findByText('emoji must be one emoji, such as 🌴.')).toBeInTheDocument();
  });

  it('clears a status that is set', async () => {
    const { callsTo } = mockApi({
      'DELETE /api/users/me/status': jsonResponse(currentUser({ status: null })),
    });
    const { user } = renderEditor(
      currentUser({ status: { emoji: '🤒', text: 'Out sick', expiresAt: null } }),
    );
    expect(screen.getByText(t.current('🤒 Out sick'))).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: t.clear }));

    await waitFor(() => expect(callsTo('DELETE /api/users/me/status')).toHaveLength(1));
    expect(await screen.findByText(t.cleared)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: t.text })).toHaveValue('');
  });
});
