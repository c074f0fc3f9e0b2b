import { useId, useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { messages } from '@/config/messages';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useOpenChannel } from '@/hooks/use-open-channel';
import { useDiscoverChannels } from '../api/discover-channels';
import { useJoinChannel } from '../api/join-channel';

const t = messages.browse;

/** Public team channels the person could join (GET /api/channels/discover). */
export function BrowseChannelsDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const found = useDiscoverChannels(q);
  const open = useOpenChannel();
  const join = useJoinChannel({
    onSuccess: (channel) => {
      onClose();
      open(channel);
    },
  });

  return (
    <Dialog title={t.title} onClose={onClose}>
      <FormAlert message={join.error?.message ?? found.error?.message} />
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t.search}
        </label>
        <input
          id={id}
          type="search"
          className="field__input"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
      </div>
      <ul className="browse-list" aria-label={t.results} aria-busy={found.isFetching}>
        {found.isSuccess && found.data.length === 0 && <li className="user-picker__none">{t.none}</li>}
        {found.data?.map((channel) => (
          <li key={channel.id} className="browse-list__item">
            <div>
              <div className="browse-list__name">{messages.sidebar.channelName(channel.name ?? '')}</div>
              <div className="browse-list__meta">{t.about(channel.description, channel.memberCount)}</div>
            </div>
            <Button
              variant="secondary"
              aria-label={t.join(channel.name ?? '')}
              busy={join.isPending && join.variables === channel.id}
              onClick={() => join.mutate(channel.id)}
            >
              {t.joinShort}
            </Button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
