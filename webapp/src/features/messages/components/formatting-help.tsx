import { messages } from '@/config/messages';

const t = messages.formatting;

/**
 * What the message renderer understands (lib/markdown.ts), one line behind a small disclosure under the composer,
 * so that it is there when wanted and quiet otherwise.
 */
export function FormattingHelp() {
  return (
    <details className="formatting-help">
      <summary className="formatting-help__toggle">{messages.composer.formatting}</summary>
      <ul className="formatting-help__list" aria-label={t.label}>
        {t.items.map((item) => (
          <li key={item.type}>
            <code>{item.type}</code> <span className="formatting-help__gives">{item.gives}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
