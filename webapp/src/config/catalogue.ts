/**
 * Puts the interface's language into `messages` before the first render. Other languages load on demand (the
 * English catalogue is in the initial JavaScript; German is a chunk of its own, fetched only by German readers).
 *
 * The translation is copied into the English objects in place rather than swapping the export: components
 * keep module-level references such as `const t = messages.settings`, which then read the chosen language.
 */
import type { Language } from './locale';
import { messages, type Messages } from './messages';

type Node = { [key: string]: unknown };
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Copies every value of `translated` over the same key of `target`, object by object. */
export function applyCatalogue(target: Node, translated: Node): void {
  for (const [key, value] of Object.entries(translated)) {
    const current = target[key];
    if (isNode(current) && isNode(value)) applyCatalogue(current, value);
    else target[key] = value;
  }
}

const translations: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  de: () => import('./messages.de').then((m) => m.messagesDe),
};

/**
 * Loads and applies the language's catalogue and answers the language the interface now speaks: English needs
 * nothing, and a chunk that fails to load (offline, a stale deployment) leaves English rather than no start.
 */
export async function loadCatalogue(language: Language): Promise<Language> {
  if (language === 'en') return 'en';
  try {
    applyCatalogue(messages as unknown as Node, (await translations[language]()) as unknown as Node);
    return language;
  } catch {
    return 'en';
  }
}
