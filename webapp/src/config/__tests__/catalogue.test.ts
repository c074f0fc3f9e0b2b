import { describe, expect, it } from 'vitest';
import { applyCatalogue } from '../catalogue';
import { messages } from '../messages';
import { messagesDe } from '../messages.de';

/** Every key path of a catalogue, with the kind of value it holds ("a.b: string"). */
function shape(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? shape(value, `${prefix}${key}.`)
      : [`${prefix}${key}: ${Array.isArray(value) ? 'array' : typeof value}`],
  );
}

describe('the catalogues', () => {
  it('German has exactly the keys of English, each of the same kind', () => {
    expect(shape(messagesDe)).toEqual(shape(messages));
  });

  it('no German text is empty', () => {
    const empty = shape(messagesDe).filter((entry) => {
      const path = entry.split(':')[0].split('.');
      const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messagesDe);
      return typeof value === 'string' && value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('German speaks German where English speaks English (a sample of screens)', () => {
    expect(messagesDe.auth.signIn.submit).not.toBe(messages.auth.signIn.submit);
    expect(messagesDe.settings.title).not.toBe(messages.settings.title);
    expect(messagesDe.settings.language).not.toBe(messages.settings.language);
    expect(messagesDe.settings.languageNames).toEqual(messages.settings.languageNames);
  });

  it('is applied in place, so module-level references read the new language', () => {
    const target = {
      settings: { title: 'Settings', count: (n: number) => `${n} items` },
      app: { name: 'X' },
    };
    const heldByAComponent = target.settings;
    applyCatalogue(target, { settings: { title: 'Einstellungen', count: (n: number) => `${n} Einträge` } });
    expect(heldByAComponent.title).toBe('Einstellungen');
    expect(heldByAComponent.count(2)).toBe('2 Einträge');
    expect(target.app.name).toBe('X');
  });
});
