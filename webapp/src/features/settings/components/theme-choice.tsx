import { messages } from '@/config/messages';
import { themePreferences, useThemePreference } from '@/lib/theme';
import { RadioGroup } from './radio-group';

export function ThemeChoice() {
  const [preference, setPreference] = useThemePreference();
  return (
    <RadioGroup
      legend={messages.theme.label}
      value={preference}
      onChange={setPreference}
      options={themePreferences.map((value) => ({ value, label: messages.theme[value] }))}
    />
  );
}
