import { useState } from 'react';
import { SelectField } from '@/components/select-field';
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
  const [choice, setChoice] = useState<Language | typeof automatic>(() => chosenLanguage() ?? automatic);
  return (
    <SelectField
      label={t.language}
      hint={t.languageHint}
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
    </SelectField>
  );
}
