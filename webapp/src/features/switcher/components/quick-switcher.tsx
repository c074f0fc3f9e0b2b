import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useState } from 'react';
import { Avatar } from '@/components/avatar';
import { AtIcon } from '@/components/icons';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { messages } from '@/config/messages';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { mergeChannel, useChannels } from '@/hooks/use-channels';
import { createConversation } from '@/hooks/use-open-channel';
import { useUserSearch } from '@/hooks/use-user-search';
import { byRecentActivity, channelLabel } from '@/lib/channel-label';
import { classNames } from '@/lib/class-names';
import { navigate } from '@/lib/navigation';
import { queryKeys } from '@/lib/query-keys';
import type { Channel, User } from '@/types/api';
import './quick-switcher.css';

const t = messages.switcher;

type Option =
  | { kind: 'channel'; id: string; label: string; channel: Channel }
  | { kind: 'person'; id: string; label: string; user: User }
  | { kind: 'search'; id: string; label: string }
  | { kind: 'mentions'; id: string; label: string };

interface QuickSwitcherProps {
  selfId: string;
  onClose: () => void;
  /** Searching messages for what was typed: the last option, so Ctrl+K falls through to message search. */
  onSearch?: (query: string) => void;
  /** Opening the list of messages that mention the caller: offered with no query or one that names it. */
  onMentions?: () => void;
}

/**
 * Ctrl+K: a combobox that finds channels and people; Enter opens the channel or the direct conversation, or,
 * on the last option, searches messages for what was typed.
 */
export function QuickSwitcher({ selfId, onClose, onSearch, onMentions }: QuickSwitcherProps) {
  const id = useId();
  const client = useQueryClient();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(query.trim(), 200);
  const channels = useChannels();
  const people = useUserSearch(q);

  const needle = query.trim().toLowerCase();
  const channelOptions: Option[] = [...(channels.data ?? [])]
    .sort(byRecentActivity)
    .map((channel) => {
      const members = client.getQueryData<Channel>(queryKeys.channel(channel.id))?.members;
      return { channel, label: channelLabel({ ...channel, members: channel.members ?? members }, selfId) };
    })
    .filter(({ label }) => label.toLowerCase().includes(needle))
    .slice(0, 8)
    .map(({ channel, label }) => ({ kind: 'channel', id: channel.id, label, channel }));
  const personOptions: Option[] = needle
    ? (people.data ?? [])
        .filter((u) => u.id !== selfId)
        .slice(0, 6)
        .map((user) => ({ kind: 'person', id: user.id, label: user.fullName, user }))
    : [];
  const searchOptions: Option[] =
    needle && onSearch ? [{ kind: 'search', id: 'search', label: t.searchFor(query.trim()) }] : [];
  const mentionOptions: Option[] =
    onMentions && needle && t.mentions.toLowerCase().startsWith(needle)
      ? [{ kind: 'mentions', id: 'mentions', label: messages.mentions.switcherOption }]
      : [];
  const options = [...channelOptions, ...personOptions, ...mentionOptions, ...searchOptions];
  const current = Math.min(active, Math.max(0, options.length - 1));

  const openPerson = useMutation({
    mutationFn: (user: User) => createConversation([user.id]),
    onSuccess: (channel) => {
      mergeChannel(client, { ...channel, unreadCount: channel.unreadCount ?? 0 });
      onClose();
      navigate(channel.id);
    },
  });

  const choose = (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === 'channel') {
      onClose();
      navigate(option.id);
    } else if (option.kind === 'search') {
      onSearch?.(query.trim());
    } else if (option.kind === 'mentions') {
      onMentions?.();
    } else if (!openPerson.isPending) {
      // One conversation per choice: a second Enter while the first is on its way sends nothing more.
      openPerson.mutate(option.user);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current + 1) % Math.max(1, options.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current - 1 + options.length) % Math.max(1, options.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(options[current]);
    }
  };

  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <Dialog title={t.title} onClose={onClose} className="quick-switcher" hideTitle>
      <FormAlert message={openPerson.error?.message} />
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        {t.input}
      </label>
      <input
        id={`${id}-input`}
        className="field__input quick-switcher__input"
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={options.length > 0 ? `${id}-listbox` : undefined}
        aria-autocomplete="list"
        aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
        placeholder={t.title}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {options.length > 0 && (
        <ul id={`${id}-listbox`} role="listbox" aria-label={t.results} className="quick-switcher__list">
          {options.map((option, index) => (
            <li
              key={`${option.kind}-${option.id}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className={classNames(
                'quick-switcher__option',
                index === current && 'quick-switcher__option--active',
              )}
              onMouseMove={() => setActive(index)}
              onClick={() => choose(option)}
            >
              {option.kind === 'search' ? (
                <span className="quick-switcher__icon" aria-hidden="true" />
              ) : option.kind === 'mentions' ? (
                <span className="quick-switcher__icon" aria-hidden="true">
                  <AtIcon />
                </span>
              ) : option.kind === 'person' ? (
                <Avatar name={option.label} src={option.user.avatarURL} size={24} />
              ) : (
                <span className="quick-switcher__icon" aria-hidden="true">
                  {option.channel.type === 'team' ? '#' : '@'}
                </span>
              )}
              <span className="quick-switcher__label">{option.label}</span>
              <span className="quick-switcher__kind">
                {option.kind === 'search'
                  ? t.search
                  : option.kind === 'mentions'
                    ? t.mentions
                    : option.kind === 'person'
                      ? t.person
                      : option.channel.type === 'team'
                        ? t.channel
                        : t.conversation}
              </span>
            </li>
          ))}
        </ul>
      )}
      {options.length === 0 && <p className="quick-switcher__none">{t.none}</p>}
    </Dialog>
  );
}
