import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Avatar } from '@/components/avatar';
import { Button } from '@/components/button';
import { apiPaths } from '@/config/constants';
import { messages } from '@/config/messages';
import { ApiError } from '@/lib/problem';
import { uploadFile } from '@/lib/upload-file';
import type { CurrentUser } from '@/types/api';
import { setCurrentUser } from '../api/update-me';

const t = messages.settings;

/**
 * The profile picture: a real button opens the file picker; the server crops it square and answers the user
 * with a new avatar URL, which every cache takes over.
 */
export function AvatarUpload({ me }: { me: CurrentUser }) {
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = me.fullName || me.username;
  const upload = (file: File) => {
    setError(null);
    setProgress(0);
    uploadFile<CurrentUser>(apiPaths.myAvatar, file, (loaded, total) =>
      setProgress(total ? loaded / total : 0),
    )
      .done.then(
        (user) => setCurrentUser(client, user),
        (e: unknown) => setError(e instanceof ApiError ? e.message : t.pictureFailed),
      )
      .finally(() => setProgress(null));
  };
  return (
    <div className="settings__picture">
      <Avatar name={name} src={me.avatarURL} size={64} />
      <Button
        variant="secondary"
        onClick={() => input.current?.click()}
        busy={progress !== null}
        busyLabel={t.pictureUploading}
      >
        {t.pictureUpload}
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/bmp"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="avatar-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload(file);
          e.target.value = '';
        }}
      />
      {progress !== null && <progress max={1} value={progress} aria-label={t.pictureUploading} />}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
