import { useDeferredValue, useState } from 'react';
import { Avatar } from '@/components/avatar';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { messages } from '@/config/messages';
import { classNames } from '@/lib/class-names';
import { openProfileCard } from '@/lib/profile-card';
import { statusLine } from '@/lib/user-status';
import { usePeople } from '../api/list-people';
import './people-dialog.css';

const t = messages.people;

/** The people directory: everyone, searchable by name or username; choosing someone opens their profile card. */
export function PeopleDialog({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  // Typing stays quick; the list follows the text as React finds time for it.
  const q = useDeferredValue(query.trim());
  const people = usePeople(q);
  const found = people.data?.pages.flat() ?? [];
  return (
    <Dialog title={t.title} onClose={onClose} className="people-dialog">
      <TextField
        label={t.search}
        hint={t.searchHint}
        name="q"
        type="search"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <FormAlert message={people.isError ? t.failed : undefined} />
      <div role="status" className="people-dialog__status">
        {people.isPending ? <Spinner label={t.loading} labelVisible /> : found.length === 0 ? t.none : ''}
      </div>
      {found.length > 0 && (
        <ul className="people-dialog__list" aria-label={t.title}>
          {found.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="people-dialog__person"
                aria-label={[
                  t.row(person.fullName || person.username, person.username, person.online === true),
                  statusLine(person.status),
                ]
                  .filter(Boolean)
                  .join(', ')}
                onClick={() => {
                  onClose();
                  openProfileCard(person.id);
                }}
              >
                <Avatar name={person.fullName || person.username} src={person.avatarURL} size={32} />
                <span className="people-dialog__name">{person.fullName || person.username}</span>
                <span className="people-dialog__who">
                  <span className="people-dialog__username">@{person.username}</span>
                  {person.status && (
                    <span className="people-dialog__status">{statusLine(person.status)}</span>
                  )}
                </span>
                <span
                  className={classNames('presence-dot', person.online && 'presence-dot--online')}
                  aria-hidden="true"
                />
              </button>
            </li>
          ))}
        </ul>
      )}
      {people.hasNextPage && (
        <Button
          variant="secondary"
          busy={people.isFetchingNextPage}
          busyLabel={t.loading}
          onClick={() => void people.fetchNextPage()}
        >
          {t.more}
        </Button>
      )}
    </Dialog>
  );
}
