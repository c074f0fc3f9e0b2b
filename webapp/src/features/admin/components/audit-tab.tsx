import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { queryKeys } from '@/lib/query-keys';
import { adminApi } from '../api/admin-api';
import { formatTime } from './format-time';
import { Pager } from './pager';

const t = messages.admin.audit;
const c = t.columns;

/** The audit log, newest first as the server sends it: admin actions and security events. */
export function AuditTab() {
  const [page, setPage] = useState(0);
  const audit = useQuery({
    queryKey: queryKeys.adminAudit(page),
    queryFn: ({ signal }) => adminApi.listAudit(page, signal),
    placeholderData: keepPreviousData,
  });

  if (audit.isPending) return <Spinner label={t.loading} labelVisible />;
  if (audit.isError) {
    return (
      <div className="admin-error">
        <p>{t.loadFailed}</p>
        <Button variant="secondary" onClick={() => void audit.refetch()}>
          {messages.admin.retry}
        </Button>
      </div>
    );
  }

  return (
    <>
      {/* Focusable so that a table wider than the screen can be scrolled with the keyboard. */}
      <div className="admin-table-wrap" role="region" aria-label={t.caption} tabIndex={0}>
        <table className="admin-table" aria-busy={audit.isFetching || undefined}>
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.time}</th>
              <th scope="col">{c.actor}</th>
              <th scope="col">{c.action}</th>
              <th scope="col">{c.target}</th>
              <th scope="col">{c.source}</th>
              <th scope="col">{c.address}</th>
              <th scope="col">{c.detail}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.entries.length === 0 ? (
              <tr>
                <td colSpan={7}>{t.none}</td>
              </tr>
            ) : (
              audit.data.entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.occurredAt}>{formatTime(entry.occurredAt)}</time>
                  </td>
                  <td>{entry.actorName ?? t.nobody}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.targetName ?? t.nobody}</td>
                  <td>{t.sources[entry.source] ?? entry.source}</td>
                  <td>{entry.clientAddress ?? t.nobody}</td>
                  <td>{entry.detail ?? ''}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pager
        label={messages.admin.auditTab}
        page={audit.data.page ?? page}
        hasMore={audit.data.hasMore}
        onPage={setPage}
      />
    </>
  );
}
