import { lazy, Suspense, useState } from 'react';
import { FileIcon, type FileKind } from '@/components/icons';
import { messages } from '@/config/messages';
import type { Attachment } from '@/types/api';
import './attachments.css';

const t = messages.attachments;
const ImageViewer = lazy(() => import('./image-viewer').then((m) => ({ default: m.ImageViewer })));

/** The box a thumbnail fits in, in CSS pixels. */
const box = { width: 360, height: 240 };

/** A thumbnail's displayed size, from the image's own: known before it loads, so nothing moves when it does. */
export function thumbnailSize(a: Attachment): { width: number; height: number } {
  const w = a.width ?? box.width;
  const h = a.height ?? box.height;
  const scale = Math.min(1, box.width / w, box.height / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

function kindOf(mediaType: string): FileKind {
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.startsWith('video/')) return 'video';
  if (mediaType.startsWith('audio/')) return 'audio';
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType.includes('zip') || mediaType.includes('compressed')) return 'archive';
  if (mediaType.startsWith('text/')) return 'text';
  return 'file';
}

/** A message's files: images as thumbnails that open the viewer, other files as rows that download. */
export function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => a.thumbnailUrl);
  const others = attachments.filter((a) => !a.thumbnailUrl);
  return (
    <div className="attachments">
      {images.length > 0 && (
        <ul className="attachments__images">
          {images.map((a, i) => {
            const size = thumbnailSize(a);
            return (
              <li key={a.id}>
                <button
                  type="button"
                  className="attachments__thumb"
                  aria-label={t.open(a.name)}
                  onClick={() => setOpen(i)}
                >
                  <img
                    src={a.thumbnailUrl ?? undefined}
                    alt=""
                    width={size.width}
                    height={size.height}
                    loading="lazy"
                    decoding="async"
                  />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && (
        <ul className="attachments__files" aria-label={t.files}>
          {others.map((a) => (
            <li key={a.id} className="attachments__file">
              <span className="attachments__icon">
                <FileIcon kind={kindOf(a.mediaType)} />
              </span>
              <a
                href={`${a.url}?download=1`}
                download={a.name}
                aria-label={t.download(a.name)}
                className="attachments__name"
              >
                {a.name}
              </a>
              <span className="attachments__size">{t.size(a.size)}</span>
            </li>
          ))}
        </ul>
      )}
      {open !== null && (
        <Suspense fallback={null}>
          <ImageViewer images={images} startIndex={open} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </div>
  );
}
