/**
 * The language of the interface, decided once when the page loads: the one picked in Settings, else the first
 * of the browser's languages NetChat speaks, else English. Changing it in Settings reloads the page, so every
 * string and formatter is built in one language (the catalogue is read by module-level constants).
 */
import { storageKeys } from './constants';

export const languages = ['en', 'de'] as const;
export type Language = (typeof languages)[number];

const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

/** The language picked in Settings, or null for "the browser's language". */
export function chosenLanguage(): Language | null {
  try {
    const saved = localStorage.getItem(storageKeys.language);
    return isLanguage(saved) ? saved : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language | null): void {
  try {
    if (language) localStorage.setItem(storageKeys.language, language);
    else localStorage.removeItem(storageKeys.language);
  } catch {
    // storage refused (private mode): the choice lasts until the reload only
  }
}

/** The first of the browser's preferred languages that NetChat speaks ("de-AT" counts as German). */
export function browserLanguage(
  preferred: readonly string[] = navigator.languages ?? [navigator.language],
): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/**
 * The locales for dates, times and numbers: the browser's own variants of the interface language (en-GB keeps
 * day-month order, de-CH its own number style), else the bare language.
 */
export function formatLocalesFor(
  language: Language,
  preferred: readonly string[] = navigator.languages ?? [navigator.language],
): string[] {
  const variants = preferred.filter((tag) => tag.toLowerCase().split('-')[0] === language);
  return variants.length > 0 ? variants : [language];
}

export const appLanguage: Language = chosenLanguage() ?? browserLanguage();
/** Pass to every Intl formatter (never `undefined`, which would follow the browser, not the chosen language). */
export const formatLocales: string[] = formatLocalesFor(appLanguage);
