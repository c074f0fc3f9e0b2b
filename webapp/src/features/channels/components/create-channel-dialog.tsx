import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { CheckboxField } from '@/components/checkbox-field';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { messages } from '@/config/messages';
import { ApiError } from '@/lib/problem';
import type { User } from '@/types/api';
import { useOpenChannel } from '@/hooks/use-open-channel';
import { useCreateChannel } from '../api/create-channel';
import { UserPicker } from './user-picker';

const t = messages.createChannel;

interface CreateChannelDialogProps {
  selfId: string;
  onClose: () => void;
}

export function CreateChannelDialog({ selfId, onClose }: CreateChannelDialogProps) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [members, setMembers] = useState<User[]>([]);
  const [nameError, setNameError] = useState<string>();
  const open = useOpenChannel();
  const create = useCreateChannel({
    onSuccess: (channel) => {
      onClose();
      open(channel);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t.nameRequired);
      return;
    }
    create.mutate({
      name: name.trim(),
      description: description.trim() || undefined,
      private: isPrivate,
      memberIds: members.map((m) => m.id),
    });
  };

  const error = create.error;
  const fieldError =
    error instanceof ApiError ? error.fieldErrors.find((f) => f.field === 'name') : undefined;
  return (
    <Dialog title={t.title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormAlert
          message={error && !fieldError ? error.message || messages.auth.errors.unexpected : undefined}
        />
        <TextField
          label={t.name}
          name="name"
          value={name}
          hint={t.nameHint}
          error={nameError ?? fieldError?.message}
          onChange={(e) => {
            setName(e.target.value);
            setNameError(undefined);
          }}
          autoComplete="off"
          maxLength={80}
        />
        <TextField
          label={t.description}
          name="description"
          optionalLabel={messages.auth.fields.optional}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          autoComplete="off"
        />
        <CheckboxField label={t.private} checked={isPrivate} onChange={setPrivate} />
        <UserPicker label={t.members} chosen={members} onChange={setMembers} excludeIds={[selfId]} />
        <div className="dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            {messages.dialog.cancel}
          </Button>
          <Button type="submit" busy={create.isPending} busyLabel={t.busy}>
            {t.submit}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
