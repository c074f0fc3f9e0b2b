import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { messages } from '@/config/messages';
import type { User } from '@/types/api';
import { createConversation, useOpenChannel } from '@/hooks/use-open-channel';
import { UserPicker } from './user-picker';

const t = messages.newConversation;

interface NewConversationDialogProps {
  selfId: string;
  onClose: () => void;
  /** "Start a group with …": the people already chosen. */
  initialPeople?: User[];
  title?: string;
}

/** A direct message (one person) or a group conversation (several); the server reuses an existing DM. */
export function NewConversationDialog({
  selfId,
  onClose,
  initialPeople = [],
  title = t.title,
}: NewConversationDialogProps) {
  const [people, setPeople] = useState<User[]>(initialPeople);
  const [error, setError] = useState<string>();
  const open = useOpenChannel();
  const start = useMutation({
    mutationFn: () => createConversation(people.map((p) => p.id)),
    onSuccess: (channel) => {
      onClose();
      open(channel);
    },
    onError: (e) => setError(e.message || messages.auth.errors.unexpected),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (people.length === 0) {
      setError(t.pickSomeone);
      return;
    }
    start.mutate();
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormAlert message={error} />
        <UserPicker
          label={messages.userPicker.search}
          chosen={people}
          onChange={(next) => {
            setPeople(next);
            setError(undefined);
          }}
          excludeIds={[selfId]}
        />
        <div className="dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            {messages.dialog.cancel}
          </Button>
          <Button type="submit" busy={start.isPending} busyLabel={t.busy}>
            {t.submit}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
