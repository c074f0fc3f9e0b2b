import { useRef } from 'react';
import { PaperclipIcon } from '@/components/icons';
import { IconButton } from '@/components/icon-button';
import { messages } from '@/config/messages';

const t = messages.attachments;

/** The composer's paperclip: a real button that opens the system's file picker (several files at once). */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <IconButton
        label={t.attach}
        icon={<PaperclipIcon />}
        className="composer__attach"
        onClick={() => input.current?.click()}
      />
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="attach-input"
        onChange={(e) => {
          if (e.target.files?.length) onFiles(Array.from(e.target.files));
          e.target.value = '';
        }}
      />
    </>
  );
}
