import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/button';
import { FormAlert } from '@/components/form-alert';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { adminSearchDebounceMs } from '@/config/constants';
import { messages } from '@/config/messages';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { queryKeys } from '@/lib/query-keys';
import type { AdminUser } from '@/types/api';
import { adminApi } from '../api/admin-api';
import { formatTime } from './format-time';
import { Pager } from './pager';
import { UserActions } from './user-actions';

const t = messages.admin;
const c = t.users.columns;

function Status({ user }: { user: AdminUser }) {
  return (
    <>
      <span className={user.disabled ? 'admin-badge admin-badge--off' : 'admin-badge'}>
        {user.disabled ? t.users.disabled : t.users.active}
      </span>{' '}
      <span className="admin-presence">{user.online ? t.users.online : t.users.offline}</span>
      {user.mustChangePassword && <span className="admin-note">{t.users.mustChangePassword}</span>}
    </>
  );
}

/** Every account, searchable and paged, with the actions an admin may take on each. */
export function UsersTab() {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), adminSearchDebounceMs);
  // The page belongs to one search: a new search starts at its first page.
  const [paging, setPaging] = useState({ q: '', page: 0 });
  const page = paging.q === q ? paging.page : 0;
  const [notice, setNotice] = useState('');
  const [refusal, setRefusal] = useState<string | undefined>();

  const users = useQuery({
    queryKey: queryKeys.adminUsers(q, page),
    queryFn: ({ signal }) => adminApi.listUsers(q, page, signal),
    placeholderData: keepPreviousData,
  });

  const onDone = (message: string) => {
    setRefusal(undefined);
    setNotice(message);
  };
  const onRefused = (message: string) => {
    setNotice('');
    setRefusal(message);
  };

  return (
    <>
      <TextField
        label={t.users.search}
        hint={t.users.searchHint}
        name="q"
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        className="admin-search"
      />
      <FormAlert message={refusal} />
      <p role="status" className="admin-notice">
        {notice}
      </p>
      {users.isPending ? (
        <Spinner label={t.users.loading} labelVisible />
      ) : users.isError ? (
        <div className="admin-error">
          <p>{t.users.loadFailed}</p>
          <Button variant="secondary" onClick={() => void users.refetch()}>
            {t.retry}
          </Button>
        </div>
      ) : (
        <>
          {/* Focusable so that a table wider than the screen can be scrolled with the keyboard. */}
          <div className="admin-table-wrap" role="region" aria-label={t.users.caption(q)} tabIndex={0}>
            <table className="admin-table" aria-busy={users.isFetching || undefined}>
              <caption>{t.users.caption(q)}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.username}</th>
                  <th scope="col">{c.fullName}</th>
                  <th scope="col">{c.role}</th>
                  <th scope="col">{c.status}</th>
                  <th scope="col">{c.lastActive}</th>
                  <th scope="col">{c.actions}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.length === 0 ? (
                  <tr>
                    <td colSpan={6}>{t.users.none}</td>
                  </tr>
                ) : (
                  users.data.users.map((user) => (
                    <tr key={user.id}>
                      <th scope="row">{user.username}</th>
                      <td>{user.fullName}</td>
                      <td>{user.role === 'admin' ? t.users.roleAdmin : t.users.roleUser}</td>
                      <td>
                        <Status user={user} />
                      </td>
                      <td>
                        {user.lastActive ? (
                          <time dateTime={user.lastActive}>{formatTime(user.lastActive)}</time>
                        ) : (
                          t.users.never
                        )}
                      </td>
                      <td>
                        <UserActions user={user} onDone={onDone} onRefused={onRefused} />
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          <Pager
            label={t.usersTab}
            page={users.data.page ?? page}
            hasMore={users.data.hasMore}
            onPage={(next) => setPaging({ q, page: next })}
          />
        </>
      )}
    </>
  );
}
