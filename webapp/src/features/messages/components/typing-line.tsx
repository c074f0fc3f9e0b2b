import { useQuery } from '@tanstack/react-query';
import { messages } from '@/config/messages';
import { queryKeys } from '@/lib/query-keys';
import type { User } from '@/types/api';

interface TypingLineProps {
  channelId: string;
  members: User[];
}

/** "Bob is typing…" from the typing frames the realtime hook keeps in the cache. */
export function TypingLine({ channelId, members }: TypingLineProps) {
  const { data: typing = [] } = useQuery<string[]>({
    queryKey: queryKeys.typing(channelId),
    queryFn: () => [],
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const names = typing.map((id) => members.find((m) => m.id === id)?.fullName ?? messages.composer.someone);
  return (
    <p className="typing-line" aria-live="polite">
      {names.length > 0 ? messages.composer.typing(names) : ''}
    </p>
  );
}
