import { type CSSProperties, useState } from 'react';
import './avatar.css';

interface AvatarProps {
  /** The person's full name, for the initials. */
  name: string;
  /** Empty, missing or failing to load: initials are shown instead. */
  src?: string | null;
  size?: number;
}

/** An uploaded picture at the stored size (64, 128, 256) that is at least twice the shown one (sharp on HiDPI). */
export function sizedSrc(src: string, size: number): string {
  if (!src.startsWith('/api/avatars/')) return src;
  return `${src}?size=${[64, 128, 256].find((s) => s >= size * 2) ?? 256}`;
}

/** "Ada Lovelace" -> "AL", "plato" -> "P", "" -> "?". */
export function getInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0])[0];
  const last = words.length > 1 ? Array.from(words[words.length - 1])[0] : '';
  return (first + last).toLocaleUpperCase();
}

/**
 * A decorative picture of a person: always shown next to their visible name, so the image has alt="" and
 * the initials are hidden from assistive technology.
 */
export function Avatar({ name, src, size = 32 }: AvatarProps) {
  // Remember which address failed rather than a flag, so a new address gets its own chance.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const style = { '--avatar-size': `${size}px` } as CSSProperties;
  if (src && src !== failedSrc) {
    return (
      <img
        className="avatar"
        style={style}
        src={sizedSrc(src, size)}
        alt=""
        width={size}
        height={size}
        referrerPolicy="no-referrer"
        onError={() => setFailedSrc(src)}
      />
    );
  }
  return (
    <span className="avatar avatar--initials" style={style} aria-hidden="true">
      {getInitials(name)}
    </span>
  );
}
