import { useId } from 'react';
import { messages } from '@/config/messages';
import { type ThemePreference, themePreferences, useThemePreference } from '@/lib/theme';

const t = messages.theme;

/** System follows the OS (prefers-color-scheme); the choice is remembered on this device. */
export function ThemeSwitch() {
  const id = useId();
  const [preference, setPreference] = useThemePreference();
  return (
    <div className="theme-switch">
      <label className="theme-switch__label" htmlFor={id}>
        {t.label}
      </label>
      <select
        id={id}
        className="theme-switch__select"
        value={preference}
        onChange={(event) => setPreference(event.target.value as ThemePreference)}
      >
        {themePreferences.map((option) => (
          <option key={option} value={option}>
            {t[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
