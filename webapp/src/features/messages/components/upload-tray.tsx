import { IconButton } from '@/components/icon-button';
import { CloseIcon, FileIcon } from '@/components/icons';
import { messages } from '@/config/messages';
import type { Upload } from '../hooks/use-uploads';
import './attachments.css';

const t = messages.attachments;

/** The files waiting to go with the next message: each with its progress, error, and cancel or remove. */
export function UploadTray({ uploads, onRemove }: { uploads: Upload[]; onRemove: (key: string) => void }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-tray" aria-label={t.pending}>
      {uploads.map((u) => (
        <li key={u.key} className={`upload-tray__item upload-tray__item--${u.status}`}>
          {u.localPreview ? (
            <img className="upload-tray__thumb" src={u.localPreview} alt="" width={40} height={40} />
          ) : (
            <span className="upload-tray__icon">
              <FileIcon />
            </span>
          )}
          <span className="upload-tray__text">
            <span className="upload-tray__name">{u.name}</span>
            <span className="upload-tray__size">{t.size(u.size)}</span>
            {u.status === 'uploading' && (
              <progress
                className="upload-tray__progress"
                aria-label={t.uploading(u.name)}
                max={u.size || 1}
                value={u.loaded}
              />
            )}
            {u.status === 'done' && <span className="visually-hidden">{t.uploaded(u.name)}</span>}
            {u.status === 'failed' && (
              <span className="upload-tray__error" role="alert">
                {u.error ?? t.failed}
              </span>
            )}
          </span>
          <IconButton
            label={u.status === 'uploading' ? t.cancel(u.name) : t.remove(u.name)}
            icon={<CloseIcon />}
            onClick={() => onRemove(u.key)}
          />
        </li>
      ))}
    </ul>
  );
}
