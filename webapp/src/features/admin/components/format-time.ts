import { formatLocales } from '@/config/locale';

const format = new Intl.DateTimeFormat(formatLocales, { dateStyle: 'medium', timeStyle: 'short' });

/** A server timestamp for a table cell, in the browser's locale and time zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
