/**
 * Pins and saved items (issue 19, point 5): Sam posts in #general; Rita pins it from the message's toolbar. On
 * Sam's screen the mark "Pinned by Rita" appears without a reload, the header's "Pinned messages (1)" opens the
 * list (axe clean), and choosing the message opens it highlighted. Then Rita saves the message for later by
 * keyboard, finds it under "Saved" in the banner, and removes it there.
 */
import type { Page } from '@playwright/test';
import {
  api,
  assert,
  expectAxeClean,
  expectNoUncaughtErrors,
  newPersonPage,
  person,
  signUpAs,
  suffix,
  test,
  visible,
} from './helpers';

test.describe.serial('pins', () => {
  const rita = person('pr', 'Rita');
  const sam = person('ps', 'Sam');
  const text = `The launch checklist lives here, ${suffix}`;
  let pageR: Page;
  let pageS: Page;
  const nav = (p: Page) => p.getByRole('navigation', { name: 'Channels' });
  const openGeneral = (p: Page) =>
    nav(p)
      .getByRole('link', { name: /^general\b/ })
      .click();

  test.beforeAll(async ({ browser }) => {
    pageR = await newPersonPage(browser);
    pageS = await newPersonPage(browser);
  });
  test.afterAll(async () => {
    await pageR?.context().close();
    await pageS?.context().close();
  });

  test('pins: a member pins a message; the others see it live and find it in the header’s pinned list', async () => {
    await signUpAs(pageR, rita);
    await signUpAs(pageS, sam);
    const general = (await api(pageS, 'GET', '/api/channels')).json.channels.find(
      (c: { name: string }) => c.name === 'general',
    );
    assert(general, 'Sam is not in #general');
    const posted = await api(pageS, 'POST', `/api/channels/${general.id}/messages`, {
      text,
      clientMessageId: `pins-${suffix}`,
    });
    assert(posted.status === 201 || posted.status === 200, `posting answered ${posted.status}`);
    await openGeneral(pageS);
    await openGeneral(pageR);
    const atRita = pageR.locator('article.message', { hasText: text });
    await visible(atRita, "Sam's message at Rita");
    await atRita.hover();
    const pinned = pageR.waitForResponse(
      (r) => new URL(r.url()).pathname.endsWith('/pin') && r.request().method() === 'PUT',
    );
    await atRita.getByRole('button', { name: 'Pin to this conversation', exact: true }).click();
    assert((await pinned).status() === 200, 'pinning failed');

    const atSam = pageS.locator('article.message', { hasText: text });
    await visible(
      atSam.getByText(`Pinned by ${rita.fullName}`, { exact: true }),
      'the pin mark at Sam, live',
    );
    await pageS.getByRole('button', { name: /^Pinned messages \(\d+\)$/ }).click();
    const list = pageS.getByRole('dialog', { name: 'Pinned messages' });
    const item = list.getByRole('listitem').filter({ hasText: text });
    await visible(
      item.getByText(`pinned by ${rita.fullName}`, { exact: true }),
      'the message in the pinned list',
    );
    await expectAxeClean(pageS, 'the pinned messages');
    await item
      .getByRole('button', { name: `Show the message of ${sam.fullName} in the conversation` })
      .click();
    await visible(
      pageS.locator('.message--highlighted', { hasText: text }),
      'the pinned message, highlighted',
    );
  });

  test('pins: a message saved by keyboard is listed under Saved, and Remove takes it off the list', async () => {
    const atRita = pageR.locator('article.message', { hasText: text });
    await atRita.focus();
    const save = atRita.getByRole('button', { name: 'Save for later', exact: true });
    await save.focus();
    const saved = pageR.waitForResponse(
      (r) => new URL(r.url()).pathname.endsWith('/saved') && r.request().method() === 'PUT',
    );
    await pageR.keyboard.press('Enter');
    assert((await saved).status() === 200, 'saving failed');
    await visible(atRita.getByText('Saved for later', { exact: true }), 'the saved mark');

    await pageR.getByRole('button', { name: 'Saved', exact: true }).click();
    const dialog = pageR.getByRole('dialog', { name: 'Saved items' });
    const entry = dialog.getByRole('listitem').filter({ hasText: text });
    await visible(entry, 'the message among the saved items');
    await expectAxeClean(pageR, 'the saved items');
    await entry
      .getByRole('button', { name: `Remove the message of ${sam.fullName} from saved items` })
      .click();
    await visible(dialog.getByText('Nothing saved yet.', { exact: false }), 'the emptied list');
    await pageR.keyboard.press('Escape');
    await atRita.getByText('Saved for later', { exact: true }).waitFor({ state: 'detached', timeout: 5000 });
  });

  test('no uncaught errors in the pages', () => {
    expectNoUncaughtErrors();
  });
});
