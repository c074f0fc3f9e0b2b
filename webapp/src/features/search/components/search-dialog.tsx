import { useId, useState } from 'react';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useChannels } from '@/hooks/use-channels';
import { channelLabel } from '@/lib/channel-label';
import { openMessage } from '@/lib/navigation';
import { MessageSummary } from '@/components/message-summary';
import type { Message } from '@/types/api';
import { useMessageSearch } from '../api/search-messages';
import { HighlightedText } from './highlighted-text';
import '@/components/message-list-dialog.css';
import './search-dialog.css';

const t = messages.search;

interface SearchDialogProps {
  selfId: string;
  initialQuery: string;
  onClose: () => void;
}

/**
 * Message search: the box takes words and the filters the hint names; results come grouped by conversation,
 * in the server's order (relevance and recency), with the words marked. Choosing one opens its conversation
 * at that message (a reply opens its thread).
 */
export function SearchDialog({ selfId, initialQuery, onClose }: SearchDialogProps) {
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const q = useDebouncedValue(query.trim(), 300);
  const search = useMessageSearch(q);
  const channels = useChannels();

  // Grouped by conversation in the order of each one's best match.
  const byChannel = new Map<string, Message[]>();
  for (const m of search.data?.messages ?? []) {
    const list = byChannel.get(m.channelId) ?? [];
    list.push(m);
    byChannel.set(m.channelId, list);
  }
  const groups = [...byChannel.entries()].map(([channelId, found]) => {
    const channel = channels.data?.find((c) => c.id === channelId);
    return { channelId, label: channel ? channelLabel(channel, selfId) : channelId, found };
  });

  const open = (m: Message) => {
    onClose();
    openMessage(m);
  };

  const count = search.data?.messages.length ?? 0;
  return (
    <Dialog title={t.title} onClose={onClose} className="message-list-dialog search-dialog">
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        {t.input}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        className="field__input search-dialog__input"
        placeholder={t.input}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p id={`${id}-hint`} className="message-list-dialog__hint">
        {t.hint}
      </p>
      <FormAlert message={search.isError ? (search.error?.message ?? t.failed) : undefined} />
      <div className="message-list-dialog__status" role="status">
        {q && search.isFetching ? <Spinner /> : null}
        {q && search.isSuccess ? (count === 0 ? t.none : t.count(count)) : null}
        {q && search.isFetching ? <span className="visually-hidden">{t.searching}</span> : null}
      </div>
      <div className="message-list-dialog__results">
        {groups.map((group) => (
          <section key={group.channelId} aria-labelledby={`${id}-${group.channelId}`}>
            <h3 id={`${id}-${group.channelId}`} className="search-dialog__group">
              {group.label}
            </h3>
            <ul className="message-list-dialog__list" aria-label={t.results(group.label)}>
              {group.found.map((m) => (
                <li key={m.id}>
                  <MessageSummary message={m} onOpen={() => open(m)}>
                    <HighlightedText text={m.text} terms={search.data?.terms ?? []} />
                  </MessageSummary>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
