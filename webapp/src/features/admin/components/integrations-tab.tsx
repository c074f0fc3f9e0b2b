import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { queryKeys } from '@/lib/query-keys';
import type { FailedOutboxEntry, IntegrationState } from '@/types/api';
import { adminApi } from '../api/admin-api';
import { describeRefusal } from '../hooks/use-user-action';
import { useOutboxResend } from '../hooks/use-outbox-resend';
import { formatTime } from './format-time';

const t = messages.admin.integrations;
const c = t.columns;

/**
 * Twilio and Stream: configured or not, how their outbox stands, the entries that failed for good (each can be
 * sent again), and the recent SMS with Twilio's delivery status.
 */
export function IntegrationsTab() {
  const status = useQuery({
    queryKey: queryKeys.adminIntegrations,
    queryFn: ({ signal }) => adminApi.integrations(signal),
    refetchInterval: 10_000,
  });

  if (status.isPending) return <Spinner label={t.loading} labelVisible />;
  if (status.isError) {
    return (
      <div className="admin-error">
        <p>{t.loadFailed}</p>
        <Button variant="secondary" onClick={() => void status.refetch()}>
          {messages.admin.retry}
        </Button>
      </div>
    );
  }
  const data = status.data;
  return (
    <>
      <IntegrationSummary title={t.twilio} state={data.twilio} />
      <IntegrationSummary title={t.stream} state={data.stream} />
      <p>{t.worker(data.workerRunning)}</p>
      <FailedEntries entries={data.failedEntries ?? []} />
      <div className="admin-table-wrap" role="region" aria-label={t.smsCaption} tabIndex={0}>
        <table className="admin-table">
          <caption>{t.smsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.to}</th>
              <th scope="col">{c.status}</th>
              <th scope="col">{c.attempts}</th>
              <th scope="col">{c.messages}</th>
              <th scope="col">{c.created}</th>
              <th scope="col">{c.delivery}</th>
              <th scope="col">{c.error}</th>
            </tr>
          </thead>
          <tbody>
            {data.recentSms.length === 0 ? (
              <tr>
                <td colSpan={7}>{t.noSms}</td>
              </tr>
            ) : (
              data.recentSms.map((sms) => (
                <tr key={sms.id}>
                  <td>{sms.to}</td>
                  <td>{t.statuses[sms.status] ?? sms.status}</td>
                  <td>{sms.attempts}</td>
                  <td>{sms.messages}</td>
                  <td>
                    <time dateTime={sms.createdAt}>{formatTime(sms.createdAt)}</time>
                  </td>
                  <td>{sms.deliveryStatus ?? t.none}</td>
                  <td>{sms.lastError ?? ''}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

function IntegrationSummary({ title, state }: { title: string; state: IntegrationState }) {
  return (
    <section className="admin-integration" aria-label={title}>
      <h2>{title}</h2>
      <p>{state.configured ? t.configured : t.notConfigured}</p>
      <dl>
        <dt>{t.pending}</dt>
        <dd>{state.pending}</dd>
        <dt>{t.sent}</dt>
        <dd>{state.sent}</dd>
        <dt>{t.failed}</dt>
        <dd>{state.failed}</dd>
        <dt>{t.lastSentAt}</dt>
        <dd>
          {state.lastSentAt ? (
            <time dateTime={state.lastSentAt}>{formatTime(state.lastSentAt)}</time>
          ) : (
            t.never
          )}
        </dd>
        <dt>{t.lastError}</dt>
        <dd>{state.lastError ?? t.none}</dd>
      </dl>
    </section>
  );
}

function FailedEntries({ entries }: { entries: FailedOutboxEntry[] }) {
  const resend = useOutboxResend();
  const f = t.failedColumns;
  return (
    <section className="admin-integration" aria-labelledby="admin-failed-entries">
      <h2 id="admin-failed-entries">{t.failedTitle}</h2>
      <p>{t.failedHint}</p>
      <div className="admin-table-wrap" role="region" aria-label={t.failedCaption} tabIndex={0}>
        <table className="admin-table">
          <caption>{t.failedCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{f.integration}</th>
              <th scope="col">{f.kind}</th>
              <th scope="col">{f.attempts}</th>
              <th scope="col">{f.created}</th>
              <th scope="col">{f.error}</th>
              <th scope="col">{f.action}</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={6}>{t.noFailed}</td>
              </tr>
            ) : (
              entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{t.integrationNames[entry.integration] ?? entry.integration}</td>
                  <td>{entry.kind}</td>
                  <td>{entry.attempts}</td>
                  <td>
                    <time dateTime={entry.createdAt}>{formatTime(entry.createdAt)}</time>
                  </td>
                  <td>{entry.lastError ?? ''}</td>
                  <td>
                    <Button
                      variant="secondary"
                      aria-label={t.resendLabel(entry.id)}
                      disabled={resend.isPending}
                      onClick={() => resend.mutate(entry.id)}
                    >
                      {t.resend}
                    </Button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {entries.length > 1 && (
        <Button variant="secondary" disabled={resend.isPending} onClick={() => resend.mutate('all')}>
          {t.resendAll}
        </Button>
      )}
      <p role="status">
        {resend.isError
          ? `${t.resendFailed} ${describeRefusal(resend.error)}`
          : resend.isSuccess
            ? t.resent(resend.data)
            : ''}
      </p>
    </section>
  );
}
