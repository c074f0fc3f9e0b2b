import { type FormEvent, useState } from 'react';
import { Avatar } from '@/components/avatar';
import { Button } from '@/components/button';
import { CheckboxField } from '@/components/checkbox-field';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { messages } from '@/config/messages';
import { channelLabel } from '@/lib/channel-label';
import { navigate } from '@/lib/navigation';
import type { Channel, User } from '@/types/api';
import { useAddMembers } from '../api/add-members';
import { useLeaveChannel, useRemoveMember } from '../api/remove-member';
import { useUpdateChannel } from '../api/update-channel';
import { ChannelNotifications } from './channel-notifications';
import { NewConversationDialog } from './new-conversation-dialog';
import { UserPicker } from './user-picker';

const t = messages.channelSettings;

interface ChannelSettingsDialogProps {
  channel: Channel;
  selfId: string;
  /** The creator or an admin: may edit the channel and add or remove others. Everybody may leave. */
  canManage: boolean;
  onClose: () => void;
}

/**
 * Name, description and privacy of a team channel; members to add or remove; leaving. Only what the server
 * would allow is offered: other members see the channel's details and members, and may leave.
 */
export function ChannelSettingsDialog({ channel, selfId, canManage, onClose }: ChannelSettingsDialogProps) {
  const [name, setName] = useState(channel.name ?? '');
  const [description, setDescription] = useState(channel.description ?? '');
  const [isPrivate, setPrivate] = useState(channel.private);
  const [adding, setAdding] = useState<User[]>([]);
  const members = channel.members ?? [];
  const team = channel.type === 'team';
  // A direct conversation never gets more members (the server refuses): it offers a new group instead.
  const direct = channel.direct === true;
  const [startingGroup, setStartingGroup] = useState(false);
  const others = members.filter((m) => m.id !== selfId);

  const save = useUpdateChannel(channel.id);
  const add = useAddMembers(channel.id, { onSuccess: () => setAdding([]) });
  const remove = useRemoveMember(channel.id);
  const leave = useLeaveChannel(channel.id, selfId, {
    onSuccess: () => {
      onClose();
      navigate(null);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name: name.trim(), description: description.trim(), private: isPrivate });
  };
  const error = save.error ?? add.error ?? remove.error ?? leave.error;

  if (startingGroup) {
    return (
      <NewConversationDialog
        selfId={selfId}
        onClose={onClose}
        initialPeople={others}
        title={t.startGroup(channelLabel(channel, selfId))}
      />
    );
  }

  return (
    <Dialog
      title={
        team ? t.title(channelLabel(channel, selfId)) : t.conversationTitle(channelLabel(channel, selfId))
      }
      onClose={onClose}
    >
      <FormAlert message={error?.message} />
      {team && !canManage && (
        <section className="dialog__section">
          <h3 className="dialog__section-title">{t.about}</h3>
          <dl className="channel-about">
            <dt>{messages.createChannel.name}</dt>
            <dd>{channel.name}</dd>
            {channel.description && (
              <>
                <dt>{messages.createChannel.description}</dt>
                <dd>{channel.description}</dd>
              </>
            )}
          </dl>
          <p className="dialog__note">{t.onlyManagers}</p>
        </section>
      )}
      {team && canManage && (
        <form className="dialog__section" onSubmit={submit} noValidate>
          <h3 className="dialog__section-title">{t.about}</h3>
          <TextField
            label={messages.createChannel.name}
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <TextField
            label={messages.createChannel.description}
            name="description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <CheckboxField label={messages.createChannel.private} checked={isPrivate} onChange={setPrivate} />
          <div className="dialog__actions">
            <span role="status" className="dialog__saved">
              {save.isSuccess ? t.saved : ''}
            </span>
            <Button type="submit" busy={save.isPending} busyLabel={t.saving}>
              {t.save}
            </Button>
          </div>
        </form>
      )}
      <section className="dialog__section">
        <h3 className="dialog__section-title">{t.members}</h3>
        <ul className="member-list" aria-label={t.members}>
          {members.map((member) => (
            <li key={member.id} className="member-list__item">
              <Avatar name={member.fullName} src={member.avatarURL} size={28} />
              <span className="member-list__name">
                {member.fullName} {member.id === selfId && t.you}
              </span>
              {team && canManage && member.id !== selfId && (
                <Button
                  variant="secondary"
                  aria-label={t.removeMember(member.fullName)}
                  busy={remove.isPending && remove.variables === member.id}
                  onClick={() => remove.mutate(member.id)}
                >
                  {t.remove}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {direct && (
          <div className="dialog__actions">
            <Button variant="secondary" onClick={() => setStartingGroup(true)}>
              {t.startGroup(channelLabel(channel, selfId))}
            </Button>
          </div>
        )}
        {canManage && !direct && (
          <UserPicker
            label={t.addMembers}
            chosen={adding}
            onChange={setAdding}
            excludeIds={members.map((m) => m.id)}
          />
        )}
        {canManage && adding.length > 0 && (
          <div className="dialog__actions">
            <Button busy={add.isPending} onClick={() => add.mutate(adding.map((u) => u.id))}>
              {t.addChosen}
            </Button>
          </div>
        )}
      </section>
      <ChannelNotifications channel={channel} />
      <div className="dialog__actions dialog__section">
        <Button
          variant="secondary"
          className="button--danger-text"
          busy={leave.isPending}
          busyLabel={t.leaving}
          onClick={() => leave.mutate()}
        >
          {team ? t.leave : t.leaveConversation}
        </Button>
      </div>
    </Dialog>
  );
}
