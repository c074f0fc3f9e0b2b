import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { queryKeys } from '@/lib/query-keys';
import type { IntegrationState } from '@/types/api';
import { adminApi } from '../api/admin-api';
import { formatTime } from './format-time';

const t = messages.admin.integrations;
const c = t.columns;

/** Twilio and Stream: configured or not, how their outbox stands, and the recent SMS with Twilio's delivery status. */
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
