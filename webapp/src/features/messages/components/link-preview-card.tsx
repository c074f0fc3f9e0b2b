import { CloseIcon } from '@/components/icons';
import { IconButton } from '@/components/icon-button';
import { messages } from '@/config/messages';
import { safeHref } from '@/lib/markdown';
import type { LinkPreview } from '@/types/api';
import './link-preview-card.css';

const t = messages.linkPreview;

/** The picture's box in CSS pixels: reserved before it loads, so the timeline never moves (the server sends a square). */
const imageEdge = 80;

interface LinkPreviewCardProps {
  preview: LinkPreview;
  /** Given to the message's author only: removes the card for everyone. */
  onRemove?: () => void;
}

/**
 * The card under a message for the page it links to: site, title (a link to the page, in a new tab), a clamped
 * description and the page's picture, which the server fetched and serves itself (the page's host never learns
 * who reads). Everything is text from the server, never HTML. The picture is decorative: the title says it all.
 */
export function LinkPreviewCard({ preview, onRemove }: LinkPreviewCardProps) {
  const href = safeHref(preview.url);
  return (
    <div className="link-preview">
      {preview.imageUrl && (
        <img
          className="link-preview__image"
          src={preview.imageUrl}
          alt=""
          width={imageEdge}
          height={imageEdge}
          loading="lazy"
          decoding="async"
        />
      )}
      <div className="link-preview__text">
        {preview.siteName && <span className="link-preview__site">{preview.siteName}</span>}
        {href ? (
          <a className="link-preview__title" href={href} target="_blank" rel="noopener noreferrer">
            {preview.title} <span className="visually-hidden">{t.newTab}</span>
          </a>
        ) : (
          <span className="link-preview__title">{preview.title}</span>
        )}
        {preview.description && <p className="link-preview__description">{preview.description}</p>}
      </div>
      {onRemove && (
        <IconButton
          className="link-preview__remove"
          label={t.remove(preview.title)}
          icon={<CloseIcon />}
          onClick={onRemove}
        />
      )}
    </div>
  );
}
