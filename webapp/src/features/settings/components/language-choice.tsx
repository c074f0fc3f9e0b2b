import { useId, useState } from 'react';
import {
  appLanguage,
  browserLanguage,
  chosenLanguage,
  type Language,
  languages,
  rememberLanguage,
} from '@/config/locale';
import { messages } from '@/config/messages';

const t = messages.settings;
const automatic = '';

/**
 * The interface language: the browser's (the default) or one picked here, remembered in this browser. The page
 * reloads when the language it shows changes, so that every string and date format is built in one language.
 */
export function LanguageChoice({
  onLanguageChanged = () => window.location.reload(),
}: {
  onLanguageChanged?: () => void;
}) {
  const id = useId();
  const hintId = useId();
  const [choice, setChoice] = useState<Language | typeof automatic>(() => chosenLanguage() ?? automatic);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t.language}
      </label>
      <select
        id={id}
        className="theme-switch__select"
        aria-describedby={hintId}
        value={choice}
        onChange={(e) => {
          const next = e.target.value as Language | typeof automatic;
          setChoice(next);
          rememberLanguage(next === automatic ? null : next);
          if ((next === automatic ? browserLanguage() : next) !== appLanguage) onLanguageChanged();
        }}
      >
        <option value={automatic}>{t.languageAutomatic(t.languageNames[browserLanguage()])}</option>
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t.languageNames[language]}
          </option>
        ))}
      </select>
      <p id={hintId} className="field__hint">
        {t.languageHint}
      </p>
    </div>
  );
}
