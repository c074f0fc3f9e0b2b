import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { emptyResponse, jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';
import type { AdminUser, AuditEntry } from '@/types/api';
import { AdminPage } from '../admin-page';

function adminUser(username: string, overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: `id-${username}`,
    username,
    fullName: `${username[0].toUpperCase()}${username.slice(1)} Example`,
    role: 'user',
    disabled: false,
    mustChangePassword: false,
    online: false,
    lastActive: '2026-11-20T10:00:00Z',
    createdAt: '2026-11-01T00:00:00Z',
    ...overrides,
  };
}

function auditEntry(id: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    occurredAt: '2026-11-23T12:00:00Z',
    actorId: 'id-ann',
    actorName: 'ann',
    action: 'user.disabled',
    targetId: 'id-bob',
    targetName: 'bob',
    detail: null,
    source: 'web',
    clientAddress: '10.0.0.7',
    ...overrides,
  };
}

function renderPage() {
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AdminPage />
    </QueryClientProvider>,
  );
  return { user };
}

const ann = adminUser('ann', { role: 'admin', online: true });
const bob = adminUser('bob');

describe('AdminPage', () => {
  it('shows the users in a captioned table with column headers, role and status', async () => {
    mockApi({
      'GET /api/admin/users': jsonResponse({
        users: [ann, adminUser('bob', { disabled: true, lastActive: null })],
        page: 0,
        hasMore: false,
      }),
    });
    renderPage();

    expect(screen.getByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
    const table = await screen.findByRole('table', { name: 'All users' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Username', 'Full name', 'Role', 'Status', 'Last active', 'Actions']);
    const bobRow = within(table).getByRole('row', { name: /^bob/ });
    expect(within(bobRow).getByText('Disabled')).toBeInTheDocument();
    expect(within(bobRow).getByText('Never')).toBeInTheDocument();
    expect(within(bobRow).getByRole('button', { name: 'Enable bob' })).toBeInTheDocument();
    const annRow = within(table).getByRole('row', { name: /^ann/ });
    expect(within(annRow).getByText('Admin')).toBeInTheDocument();
    expect(within(annRow).getByText('online')).toBeInTheDocument();
    expect(within(annRow).getByRole('button', { name: 'Remove admin ann' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  it('searches after typing stops and pages through the results', async () => {
    const { calls } = mockApi({
      'GET /api/admin/users': [
        jsonResponse({ users: [ann, bob], page: 0, hasMore: true }),
        jsonResponse({ users: [bob], page: 0, hasMore: true }),
        jsonResponse({ users: [adminUser('bobby')], page: 1, hasMore: false }),
      ],
    });
    const { user } = renderPage();
    await screen.findByRole('table', { name: 'All users' });

    // Both keys in one go (no pause between them, however busy the machine), as a fast typist's would be.
    const typist = userEvent.setup({ delay: null });
    await typist.type(screen.getByRole('searchbox', { name: 'Search users' }), 'bo');

    expect(await screen.findByRole('table', { name: 'Users matching “bo”' })).toBeInTheDocument();
    // Debounced: no request for the half-typed "b". (The caption may show before the request has gone out.)
    await waitFor(() =>
      expect(calls.map((c) => c.url)).toEqual(['/api/admin/users?q=&page=0', '/api/admin/users?q=bo&page=0']),
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('row', { name: /^bobby/ })).toBeInTheDocument();
    expect(calls.at(-1)?.url).toBe('/api/admin/users?q=bo&page=1');
    expect(screen.getByText('Page 2')).toBeInTheDocument();
  });

  it('disables a user only after confirming, then reads the table again', async () => {
    const { callsTo } = mockApi({
      'GET /api/admin/users': [
        jsonResponse({ users: [ann, bob], page: 0, hasMore: false }),
        jsonResponse({ users: [ann, { ...bob, disabled: true }], page: 0, hasMore: false }),
      ],
      'PATCH /api/admin/users/id-bob': jsonResponse({ ...bob, disabled: true }),
    });
    const { user } = renderPage();

    await user.click(await screen.findByRole('button', { name: 'Disable bob' }));
    const dialog = screen.getByRole('dialog', { name: 'Disable bob?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(callsTo('PATCH /api/admin/users/id-bob')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Disable bob' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Disable bob?' })).getByRole('button', { name: 'Disable' }),
    );

    expect(await screen.findByRole('button', { name: 'Enable bob' })).toBeInTheDocument();
    expect(callsTo('PATCH /api/admin/users/id-bob')[0].body).toEqual({ disabled: true });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('bob is disabled.');
  });

  it('shows the server refusal in an alert when the last admin would be demoted', async () => {
    mockApi({
      'GET /api/admin/users': jsonResponse({ users: [ann], page: 0, hasMore: false }),
      'PATCH /api/admin/users/id-ann': problemResponse(409, {
        title: 'Conflict',
        detail: 'This is the last active admin: make someone else admin first.',
      }),
    });
    const { user } = renderPage();

    await user.click(await screen.findByRole('button', { name: 'Remove admin ann' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Remove admin from ann?' })).getByRole('button', {
        name: 'Remove admin',
      }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is the last active admin: make someone else admin first.',
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a reset one-time password once, in a dialog with a copy button', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const { callsTo } = mockApi({
      'GET /api/admin/users': jsonResponse({ users: [ann, bob], page: 0, hasMore: false }),
      'POST /api/admin/users/id-bob/password-reset': jsonResponse({ oneTimePassword: 'Xk4-pq9-Zr2' }),
    });
    const { user } = renderPage();
    // userEvent.setup() installs its own clipboard; replace it after that.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    await user.click(await screen.findByRole('button', { name: 'Reset password bob' }));

    const dialog = await screen.findByRole('dialog', { name: 'New password for bob' });
    expect(within(dialog).getByLabelText('One-time password')).toHaveValue('Xk4-pq9-Zr2');
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('Xk4-pq9-Zr2');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Copied to the clipboard.');

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue('Xk4-pq9-Zr2')).not.toBeInTheDocument();
    expect(callsTo('POST /api/admin/users/id-bob/password-reset')).toHaveLength(1);
  });

  it('ends sessions and deletes only after confirming', async () => {
    const { callsTo } = mockApi({
      'GET /api/admin/users': jsonResponse({ users: [ann, bob], page: 0, hasMore: false }),
      'DELETE /api/admin/users/id-bob/sessions': emptyResponse(204),
      'DELETE /api/admin/users/id-bob': emptyResponse(204),
    });
    const { user } = renderPage();

    await user.click(await screen.findByRole('button', { name: 'End sessions bob' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'End all sessions of bob?' })).getByRole('button', {
        name: 'End sessions',
      }),
    );
    await waitFor(() => expect(callsTo('DELETE /api/admin/users/id-bob/sessions')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Delete bob' }));
    expect(callsTo('DELETE /api/admin/users/id-bob')).toHaveLength(0);
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete bob?' })).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(callsTo('DELETE /api/admin/users/id-bob')).toHaveLength(1));
    expect(await screen.findByRole('status')).toHaveTextContent('bob was deleted.');
  });

  it('shows the audit log in its own tab, newest first as sent, with arrow keys between tabs', async () => {
    const { calls } = mockApi({
      'GET /api/admin/users': jsonResponse({ users: [ann], page: 0, hasMore: false }),
      'GET /api/admin/audit': [
        jsonResponse({
          entries: [
            auditEntry('a2', { action: 'password.reset', detail: 'one-time password issued' }),
            auditEntry('a1', {
              actorName: null,
              actorId: null,
              action: 'signin.failed',
              source: 'console',
              targetName: 'bob',
              clientAddress: null,
            }),
          ],
          page: 0,
          hasMore: true,
        }),
        jsonResponse({ entries: [auditEntry('a0', { action: 'user.created' })], page: 1, hasMore: false }),
      ],
    });
    const { user } = renderPage();
    await screen.findByRole('table', { name: 'All users' });

    const usersTab = screen.getByRole('tab', { name: 'Users' });
    usersTab.focus();
    await user.keyboard('{ArrowRight}');

    const auditTab = screen.getByRole('tab', { name: 'Audit log' });
    expect(auditTab).toHaveFocus();
    expect(auditTab).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Audit log' });
    const table = await within(panel).findByRole('table', { name: 'Audit log, newest first' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Time', 'Who', 'Action', 'On whom', 'Source', 'Address', 'Detail']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('password.reset');
    expect(rows[0]).toHaveTextContent('10.0.0.7');
    expect(rows[0]).toHaveTextContent('one-time password issued');
    expect(rows[1]).toHaveTextContent('signin.failed');
    expect(rows[1]).toHaveTextContent('Console');

    await user.click(within(panel).getByRole('button', { name: 'Next page' }));
    expect(await within(panel).findByText('user.created')).toBeInTheDocument();
    expect(calls.at(-1)?.url).toBe('/api/admin/audit?page=1');
  });

  it('shows how Twilio and Stream stand and the recent SMS with masked numbers', async () => {
    mockApi({
      'GET /api/admin/users': jsonResponse({ users: [ann], page: 0, hasMore: false }),
      'GET /api/admin/integrations': jsonResponse({
        twilio: {
          configured: true,
          pending: 1,
          sent: 4,
          failed: 2,
          lastSentAt: '2026-11-24T09:00:00Z',
          lastError: 'Twilio answered 500: Internal Server Error',
        },
        stream: { configured: false, pending: 0, sent: 0, failed: 0, lastSentAt: null, lastError: null },
        workerRunning: true,
        recentSms: [
          {
            id: 7,
            to: '•••0001',
            status: 'sent',
            attempts: 2,
            messages: 3,
            createdAt: '2026-11-24T08:59:00Z',
            sentAt: '2026-11-24T09:00:00Z',
            twilioSid: 'SM123',
            deliveryStatus: 'delivered',
            lastError: null,
          },
        ],
        failedEntries: [],
      }),
    });
    const { user } = renderPage();
    await screen.findByRole('table', { name: 'All users' });

    screen.getByRole('tab', { name: 'Users' }).focus();
    await user.keyboard('{End}');

    const panel = screen.getByRole('tabpanel', { name: 'Integrations' });
    const twilio = await within(panel).findByRole('region', { name: 'SMS through Twilio' });
    expect(twilio).toHaveTextContent('Configured');
    expect(twilio).toHaveTextContent('Failed2');
    expect(twilio).toHaveTextContent('Twilio answered 500: Internal Server Error');
    expect(within(panel).getByRole('region', { name: 'Stream Chat bridge' })).toHaveTextContent(
      'Not configured (optional)',
    );
    expect(within(panel).getByText('The outbox worker is running.')).toBeInTheDocument();
    const table = within(panel).getByRole('table', { name: 'Recent SMS, newest first' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('•••0001');
    expect(row).toHaveTextContent('Sent');
    expect(row).toHaveTextContent('delivered');
  });

  it('lists the failed outbox entries and sends one again, then reads the status again', async () => {
    const status = (failedEntries: unknown[]) =>
      jsonResponse({
        twilio: { configured: true, pending: 0, sent: 1, failed: 1, lastSentAt: null, lastError: null },
        stream: { configured: true, pending: 0, sent: 3, failed: 1, lastSentAt: null, lastError: null },
        workerRunning: true,
        recentSms: [],
        failedEntries,
      });
    const failed = [
      {
        id: 42,
        kind: 'stream.channel',
        integration: 'stream',
        attempts: 10,
        createdAt: '2026-11-24T08:00:00Z',
        lastError: "Stream answered 400: users don't exist",
      },
      {
        id: 41,
        kind: 'sms',
        integration: 'twilio',
        attempts: 1,
        createdAt: '2026-11-24T07:00:00Z',
        lastError: 'Twilio answered 401 (error 20003): Authenticate',
      },
    ];
    const { callsTo } = mockApi({
      'GET /api/admin/users': jsonResponse({ users: [ann], page: 0, hasMore: false }),
      'GET /api/admin/integrations': [status(failed), status(failed.slice(1))],
      'POST /api/admin/integrations/outbox/42/resend': emptyResponse(204),
      'GET /api/admin/audit': jsonResponse({ entries: [], page: 0, hasMore: false }),
    });
    const { user } = renderPage();
    await screen.findByRole('table', { name: 'All users' });
    screen.getByRole('tab', { name: 'Users' }).focus();
    await user.keyboard('{End}');

    const panel = screen.getByRole('tabpanel', { name: 'Integrations' });
    const table = await within(panel).findByRole('table', { name: 'Failed entries, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Stream');
    expect(rows[0]).toHaveTextContent('stream.channel');
    expect(rows[0]).toHaveTextContent("users don't exist");
    expect(rows[1]).toHaveTextContent('Twilio');

    await user.click(within(rows[0]).getByRole('button', { name: 'Send entry 42 again' }));

    expect(await within(panel).findByText('1 entry is waiting to be sent again.')).toBeInTheDocument();
    expect(callsTo('POST /api/admin/integrations/outbox/42/resend')).toHaveLength(1);
    await waitFor(() =>
      expect(within(panel).queryByRole('button', { name: 'Send entry 42 again' })).not.toBeInTheDocument(),
    );
    expect(within(panel).getByRole('button', { name: 'Send entry 41 again' })).toBeInTheDocument();
  });

  it('says why a failed entry could not be sent again', async () => {
    mockApi({
      'GET /api/admin/users': jsonResponse({ users: [ann], page: 0, hasMore: false }),
      'GET /api/admin/integrations': jsonResponse({
        twilio: { configured: true, pending: 0, sent: 0, failed: 1, lastSentAt: null, lastError: null },
        stream: { configured: false, pending: 0, sent: 0, failed: 0, lastSentAt: null, lastError: null },
        workerRunning: true,
        recentSms: [],
        failedEntries: [
          {
            id: 5,
            kind: 'sms',
            integration: 'twilio',
            attempts: 10,
            createdAt: '2026-11-24T07:00:00Z',
            lastError: 'x',
          },
        ],
      }),
      'POST /api/admin/integrations/outbox/5/resend': problemResponse(404, {
        title: 'Not found',
        detail: 'No failed outbox entry 5.',
      }),
    });
    const { user } = renderPage();
    await screen.findByRole('table', { name: 'All users' });
    screen.getByRole('tab', { name: 'Users' }).focus();
    await user.keyboard('{End}');

    const panel = screen.getByRole('tabpanel', { name: 'Integrations' });
    await user.click(await within(panel).findByRole('button', { name: 'Send entry 5 again' }));

    expect(await within(panel).findByRole('status')).toHaveTextContent(
      'Could not send it again. No failed outbox entry 5.',
    );
  });
});
