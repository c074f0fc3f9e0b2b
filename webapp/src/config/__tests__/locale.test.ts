import { describe, expect, it } from 'vitest';
import { browserLanguage, chosenLanguage, formatLocalesFor, rememberLanguage } from '../locale';

describe('the interface language', () => {
  it("is the first of the browser's languages NetChat speaks, by base language, else English", () => {
    expect(browserLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(browserLanguage(['fr-FR', 'en-GB', 'de'])).toBe('en');
    expect(browserLanguage(['fr-FR', 'DE-ch'])).toBe('de');
    expect(browserLanguage(['fr-FR'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });

  it('formats dates and numbers in the browser variants of that language, else the bare language', () => {
    expect(formatLocalesFor('en', ['de-DE', 'en-GB'])).toEqual(['en-GB']);
    expect(formatLocalesFor('de', ['de-CH', 'en-US', 'de-DE'])).toEqual(['de-CH', 'de-DE']);
    expect(formatLocalesFor('de', ['en-US'])).toEqual(['de']);
  });

  it('remembers a choice made in Settings, forgets it for "as this browser", and ignores what it does not know', () => {
    rememberLanguage('de');
    expect(chosenLanguage()).toBe('de');
    rememberLanguage(null);
    expect(chosenLanguage()).toBeNull();
    localStorage.setItem('netchat.language', 'xx');
    expect(chosenLanguage()).toBeNull();
  });
});
