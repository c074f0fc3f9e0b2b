/**
 * German (issue 19, points 7 and 8): two people whose browsers prefer German get NetChat in German without
 * choosing anything: the sign-in and sign-up screens, the app frame and Settings, each axe clean with
 * <html lang="de">. In their direct conversation Greta sees "Gesehen von Hanna" appear under her message the
 * moment Hanna reads it (read receipts, live). Hanna then goes through the day's other screens in German: pins,
 * saved items, the emoji picker, mentions, search, people and the profile card. Last, Greta picks English in
 * Settings and the page reloads in English.
 *
 * The German texts below are copied from src/config/messages.de.ts: the journey checks what a German reader
 * sees, so it names the words, as the English journeys do.
 */
import type { Page } from '@playwright/test';
import {
  api,
  assert,
  baseUrl,
  expectAxeClean,
  expectNoUncaughtErrors,
  newPersonPage,
  type Person,
  person,
  suffix,
  test,
  visible,
} from './helpers';

test.describe.serial('German', () => {
  const greta = person('gg', 'Greta', `pw-${suffix}-Richtig1`);
  const hanna = person('gh', 'Hanna', `pw-${suffix}-Richtig1`);
  let pageG: Page;
  let pageH: Page;
  const nav = (p: Page) => p.getByRole('navigation', { name: 'Kanäle' });
  const lang = (p: Page) => p.locator('html').getAttribute('lang');
  const signUpInGerman = async (p: Page, who: Person) => {
    await p.getByRole('button', { name: 'Konto erstellen', exact: true }).click();
    await visible(
      p.getByRole('heading', { level: 1, name: 'Erstelle dein NetChat-Konto', exact: true }),
      'the German sign-up heading',
    );
    await p.getByLabel('Vollständiger Name', { exact: true }).fill(who.fullName);
    await p.getByLabel('Benutzername', { exact: true }).fill(who.username);
    await p.getByLabel('Passwort', { exact: true }).fill(who.password);
    const [response] = await Promise.all([
      p.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/signup'),
      p.getByRole('button', { name: 'Konto erstellen', exact: true }).click(),
    ]);
    assert(response.status() === 201, `sign-up answered ${response.status()}`);
    await visible(nav(p), 'nav "Kanäle"');
  };

  test.beforeAll(async ({ browser }) => {
    pageG = await newPersonPage(browser, { locale: 'de-DE' });
    pageH = await newPersonPage(browser, { locale: 'de-DE' });
  });
  test.afterAll(async () => {
    await pageG?.context().close();
    await pageH?.context().close();
  });

  test('German: a browser that prefers German gets the sign-in screen in German, axe clean', async () => {
    await pageG.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    await visible(
      pageG.getByRole('heading', { level: 1, name: 'Bei NetChat anmelden', exact: true }),
      'the German sign-in heading',
    );
    assert((await lang(pageG)) === 'de', `<html lang="${await lang(pageG)}">, not "de"`);
    await expectAxeClean(pageG, 'the German sign-in screen');
  });

  test('German: sign up in German, the app frame and Settings in German, axe clean', async () => {
    await signUpInGerman(pageG, greta);
    await visible(pageG.getByRole('banner').getByText(greta.fullName, { exact: true }), 'her name');
    await expectAxeClean(pageG, 'the German app frame');
    await pageG.getByRole('button', { name: 'Profil und Einstellungen' }).click();
    const settings = pageG.getByRole('dialog', { name: 'Profil und Einstellungen' });
    await visible(settings.getByRole('combobox', { name: 'Sprache' }), 'the language choice');
    await visible(
      settings.getByRole('checkbox', { name: 'Lesebestätigungen senden' }),
      'the read receipts box',
    );
    await expectAxeClean(pageG, 'the German Settings');
    await pageG.keyboard.press('Escape');
  });

  test('German: "Gesehen von" appears under Greta\'s message the moment Hanna reads it', async () => {
    await pageH.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    await signUpInGerman(pageH, hanna);
    const hannaId = (await api(pageH, 'GET', '/api/users/me')).json.id;
    const dm = await api(pageG, 'POST', '/api/channels', { type: 'messaging', memberIds: [hannaId] });
    assert(dm.status === 201 || dm.status === 200, `creating the conversation answered ${dm.status}`);
    const text = `Hast du kurz Zeit? ${suffix}`;
    const posted = await api(pageG, 'POST', `/api/channels/${dm.json.id}/messages`, {
      text,
      clientMessageId: `german-${suffix}`,
    });
    assert(posted.status === 201 || posted.status === 200, `posting answered ${posted.status}`);
    await pageG.goto(`${baseUrl}/#/c/${dm.json.id}`);
    await visible(pageG.getByText(text, { exact: true }), 'her message in the conversation');
    const seen = pageG.getByText(`Gesehen von ${hanna.fullName}`, { exact: true });
    assert((await seen.count()) === 0, '"Gesehen von" shown before Hanna opened the conversation');
    await pageH.bringToFront();
    await pageH.goto(`${baseUrl}/#/c/${dm.json.id}`);
    await visible(pageH.getByText(text, { exact: true }), "the message on Hanna's screen");
    await pageG.bringToFront();
    await visible(seen, `"Gesehen von ${hanna.fullName}" on Greta's screen, without a reload`);
    await expectAxeClean(pageG, 'the German conversation with a read receipt');
  });

  // The rest of the day's screens once in German, each axe clean with the German names: the message toolbar,
  // pins, saved items, the emoji picker, search, mentions, the people directory and the profile card.
  test('German: pin, save, emoji, search, mentions, people and the profile card in German, axe clean', async () => {
    await pageH.bringToFront();
    const message = pageH.locator('article.message', { hasText: 'Hast du kurz Zeit?' });
    await message.hover();
    await message.getByRole('button', { name: 'In dieser Unterhaltung anheften', exact: true }).click();
    await visible(
      message.getByText(`Angeheftet von ${hanna.fullName}`, { exact: true }),
      'the German pin mark',
    );
    await pageH.getByRole('button', { name: 'Angeheftete Nachrichten (1)', exact: true }).click();
    const pins = pageH.getByRole('dialog', { name: 'Angeheftete Nachrichten' });
    await visible(
      pins.getByRole('button', { name: `Die Nachricht von ${greta.fullName} lösen`, exact: true }),
      'Unpin in German',
    );
    await expectAxeClean(pageH, 'the German pinned messages');
    await pageH.keyboard.press('Escape');

    await message.hover();
    await message.getByRole('button', { name: 'Für später speichern', exact: true }).click();
    await visible(message.getByText('Für später gespeichert', { exact: true }), 'the German saved mark');
    await pageH.getByRole('button', { name: 'Gespeichert', exact: true }).click();
    const saved = pageH.getByRole('dialog', { name: 'Gespeicherte Elemente' });
    await visible(saved.getByText('1 gespeicherte Nachricht', { exact: true }), 'the German count');
    await expectAxeClean(pageH, 'the German saved items');
    await pageH.keyboard.press('Escape');

    // The composer: :rocket: becomes 🚀 as it is typed, and the emoji picker is German.
    const composer = pageH.getByRole('textbox', { name: `Nachricht an ${greta.fullName}` });
    await composer.click();
    await composer.pressSequentially('Super :rocket:');
    assert(
      (await composer.inputValue()) === 'Super 🚀',
      `the composer holds "${await composer.inputValue()}"`,
    );
    await pageH.getByRole('button', { name: 'Emoji einfügen', exact: true }).click();
    const picker = pageH.getByRole('dialog', { name: 'Emoji einfügen' });
    await visible(picker.getByRole('combobox', { name: 'Emojis suchen' }), 'the German emoji search');
    await expectAxeClean(pageH, 'the German emoji picker');
    await pageH.keyboard.press('Escape');

    await pageH.getByRole('button', { name: 'Erwähnungen', exact: true }).click();
    await visible(pageH.getByRole('dialog', { name: 'Erwähnungen' }), 'the German mentions');
    await expectAxeClean(pageH, 'the German mentions');
    await pageH.keyboard.press('Escape');

    await pageH.getByRole('button', { name: /^Suchen/ }).click();
    await pageH.getByRole('combobox', { name: 'Kanal oder Person' }).fill('Zeit');
    await pageH.getByRole('option', { name: /Nachrichten nach „Zeit“ durchsuchen/ }).click();
    const search = pageH.getByRole('dialog', { name: 'Nachrichten durchsuchen' });
    await visible(search.getByText(/^\d+ Nachricht(en)? gefunden$/), 'the German search result count');
    await expectAxeClean(pageH, 'the German search');
    await pageH.keyboard.press('Escape');

    await pageH.getByRole('button', { name: 'Personen', exact: true }).click();
    await visible(pageH.getByRole('searchbox', { name: 'Personen suchen' }), 'the German directory search');
    await expectAxeClean(pageH, 'the German people directory');
    await pageH.keyboard.press('Escape');

    await message.getByRole('button', { name: `${greta.fullName}: Profil`, exact: true }).click();
    const card = pageH.getByRole('dialog', { name: greta.fullName });
    await visible(
      card.getByRole('button', { name: 'Nachricht', exact: true }),
      'Message in German on the card',
    );
    await expectAxeClean(pageH, 'the German profile card');
    await pageH.keyboard.press('Escape');
  });

  test('German: English picked in Settings reloads NetChat in English', async () => {
    await pageG.getByRole('button', { name: 'Profil und Einstellungen' }).click();
    const settings = pageG.getByRole('dialog', { name: 'Profil und Einstellungen' });
    await Promise.all([
      pageG.waitForEvent('load'),
      settings.getByRole('combobox', { name: 'Sprache' }).selectOption('en'),
    ]);
    await visible(pageG.getByRole('navigation', { name: 'Channels' }), 'nav "Channels" after the reload');
    assert((await lang(pageG)) === 'en', `<html lang="${await lang(pageG)}">, not "en"`);
    const stored = await pageG.evaluate(() => window.localStorage.getItem('netchat.language'));
    assert(stored === 'en', `localStorage netchat.language is "${stored}"`);
  });

  test('no uncaught errors in the pages', () => {
    expectNoUncaughtErrors();
  });
});
