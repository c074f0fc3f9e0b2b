import { useEffect, useState } from 'react';
import { Dialog } from '@/components/dialog';
import { messages } from '@/config/messages';
import type { Attachment } from '@/types/api';

const t = messages.attachments;

/** What the viewer shows: animated GIFs as they are, other images as the server's re-encoded preview. */
export function viewerSource(a: Attachment): string {
  return a.mediaType === 'image/gif' || !a.previewUrl ? a.url : a.previewUrl;
}

interface ImageViewerProps {
  images: Attachment[];
  startIndex: number;
  onClose: () => void;
}

/**
 * A message's images at full size in a modal dialog: Left and Right arrows (or the buttons) move between them,
 * Escape closes, focus returns to the thumbnail that opened it.
 */
export function ImageViewer({ images, startIndex, onClose }: ImageViewerProps) {
  const [index, setIndex] = useState(startIndex);
  const image = images[index];
  const many = images.length > 1;
  const count = images.length;
  const go = (step: number) => setIndex((i) => (i + step + count) % count);
  // On the document: the arrows work wherever focus is inside the modal (it starts on the close button).
  useEffect(() => {
    if (count < 2) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      event.preventDefault();
      const step = event.key === 'ArrowRight' ? 1 : -1;
      setIndex((i) => (i + step + count) % count);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [count]);
  return (
    <Dialog title={t.viewer(image.name)} onClose={onClose} className="image-viewer">
      <div className="image-viewer__body">
        <img
          className="image-viewer__image"
          src={viewerSource(image)}
          alt={image.name}
          width={image.width ?? undefined}
          height={image.height ?? undefined}
        />
        <div className="image-viewer__actions">
          {many && (
            <>
              <button type="button" className="button button--secondary" onClick={() => go(-1)}>
                {t.previous}
              </button>
              <span aria-live="polite">{t.position(index + 1, images.length)}</span>
              <button type="button" className="button button--secondary" onClick={() => go(1)}>
                {t.next}
              </button>
            </>
          )}
          <a className="button button--secondary" href={`${image.url}?download=1`} download={image.name}>
            {t.downloadLabel}
          </a>
        </div>
      </div>
    </Dialog>
  );
}
