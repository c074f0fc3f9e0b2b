import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { CloseIcon } from '@/components/icons';
import { Avatar } from '@/components/avatar';
import { messages } from '@/config/messages';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useUserSearch } from '@/hooks/use-user-search';
import type { User } from '@/types/api';

const t = messages.userPicker;

interface UserPickerProps {
  label: string;
  chosen: User[];
  onChange: (chosen: User[]) => void;
  /** People who must not be offered (the signed-in person, existing members). */
  excludeIds: string[];
}

/** Choose people by searching GET /api/users?q=: a search field, the matches to add, the chosen to remove. */
export function UserPicker({ label, chosen, onChange, excludeIds }: UserPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const search = useUserSearch(q);
  const hidden = new Set([...excludeIds, ...chosen.map((u) => u.id)]);
  const results = (search.data ?? []).filter((u) => !hidden.has(u.id));
  const input = useRef<HTMLInputElement>(null);

  // The chosen result leaves the list: the focus goes back to the search, ready for the next name.
  const choose = (user: User) => {
    onChange([...chosen, user]);
    setQuery('');
    input.current?.focus();
  };
  // Enter with a name typed adds the first match (never submits the form half-filled); on an empty search it
  // submits as usual, so that "bo, Enter, Enter" starts a conversation with Bob.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || query.trim() === '') return;
    event.preventDefault();
    if (q === query.trim() && results.length > 0) choose(results[0]);
  };

  return (
    <fieldset className="user-picker">
      <legend className="field__label">{label}</legend>
      {chosen.length > 0 && (
        <ul className="user-picker__chosen" aria-label={t.selected}>
          {chosen.map((user) => (
            <li key={user.id} className="user-picker__chip">
              <span>{user.fullName}</span>
              <button
                type="button"
                className="user-picker__remove"
                aria-label={t.remove(user.fullName)}
                onClick={() => onChange(chosen.filter((u) => u.id !== user.id))}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="visually-hidden" htmlFor={id}>
        {t.search}
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        className="field__input"
        placeholder={t.searchHint}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
      />
      {q && (
        <ul className="user-picker__results" aria-label={t.results} aria-live="polite">
          {results.length === 0 && !search.isFetching && <li className="user-picker__none">{t.noResults}</li>}
          {results.map((user) => (
            <li key={user.id}>
              <button
                type="button"
                className="user-picker__result"
                aria-label={t.add(user.fullName)}
                onClick={() => choose(user)}
              >
                <Avatar name={user.fullName} src={user.avatarURL} size={24} />
                <span>{user.fullName}</span>
                <span className="user-picker__username">@{user.username}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
