/**
 * Light and dark themes. The person's choice (System, Light or Dark) is remembered in localStorage; the
 * theme in force is written to <html data-theme> and color-scheme, which the CSS variables key on.
 */
import { useSyncExternalStore } from 'react';
import { storageKeys } from '@/config/constants';

export const themePreferences = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof themePreferences)[number];
export type Theme = 'light' | 'dark';

const darkQuery = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();
/** Used instead of localStorage once it failed (some private modes throw on access; quota). */
let memoryPreference: ThemePreference | null = null;

function isPreference(value: unknown): value is ThemePreference {
  return themePreferences.includes(value as ThemePreference);
}

export function getThemePreference(): ThemePreference {
  if (memoryPreference !== null) return memoryPreference;
  try {
    const stored = window.localStorage.getItem(storageKeys.theme);
    return isPreference(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(darkQuery).matches;
}

export function resolveTheme(preference: ThemePreference, prefersDark: boolean): Theme {
  if (preference === 'system') return prefersDark ? 'dark' : 'light';
  return preference;
}

export function applyTheme(): Theme {
  const theme = resolveTheme(getThemePreference(), systemPrefersDark());
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  return theme;
}

function notify(): void {
  applyTheme();
  listeners.forEach((listener) => listener());
}

export function setThemePreference(preference: ThemePreference): void {
  try {
    window.localStorage.setItem(storageKeys.theme, preference);
  } catch {
    memoryPreference = preference; // remembered for this page only
  }
  notify();
}

/** Applies the theme now and keeps it in step with the OS setting and with other tabs. */
export function initTheme(): () => void {
  applyTheme();
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(darkQuery) : null;
  const onStorage = (event: StorageEvent) => {
    if (event.key === storageKeys.theme) notify();
  };
  media?.addEventListener('change', notify);
  window.addEventListener('storage', onStorage);
  return () => {
    media?.removeEventListener('change', notify);
    window.removeEventListener('storage', onStorage);
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useThemePreference(): [ThemePreference, (preference: ThemePreference) => void] {
  const preference = useSyncExternalStore(subscribe, getThemePreference, () => 'system' as const);
  return [preference, setThemePreference];
}
