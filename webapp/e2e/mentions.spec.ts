/**
 * Mentions and emoji (issue 19): A (light theme) types "@" and the first letters of B's name in the composer,
 * sees the list (axe clean), picks B with the keyboard and sends. B (dark theme) opens Mentions from the banner
 * (axe clean), presses Enter on the message and lands on it, highlighted; then reacts to it with an emoji found by
 * name in the full picker (axe clean, keyboard only), and A sees that emoji under the message.
 */
import type { Page } from '@playwright/test';
import {
  assert,
  createChannel,
  expectAxeClean,
  expectNoUncaughtErrors,
  newPersonPage,
  openCreateChannel,
  person,
  signUpAs,
  suffix,
  test,
  visible,
} from './helpers';

test.describe.serial('mentions', () => {
  const a = person('ma', 'Mira');
  const b = person('mb', 'Milo');
  const channel = `mentions-${suffix}`.slice(0, 40);
  const text = `please look at the draft ${suffix}`;
  let pageA: Page;
  let pageB: Page;
  const article = (p: Page) => p.locator('.conversation__main article', { hasText: text });

  test.beforeAll(async ({ browser }) => {
    pageA = await newPersonPage(browser);
    pageB = await newPersonPage(browser, { colorScheme: 'dark' });
  });
  test.afterAll(async () => {
    await pageA?.context().close();
    await pageB?.context().close();
  });

  test('mentions: A and B share a channel', async () => {
    await signUpAs(pageA, a);
    await signUpAs(pageB, b);
    await openCreateChannel(pageA);
    await createChannel(pageA, channel, b.fullName);
    await visible(pageA.getByRole('heading', { level: 1, name: `# ${channel}` }), 'the new channel');
  });

  test('mentions: A types @ and letters, the list offers B (axe), Down/Enter picks B and Enter then sends', async () => {
    const box = pageA.getByRole('textbox', { name: `Message #${channel}` });
    await box.click();
    await box.pressSequentially(`hi @${b.username.slice(0, 4)}`);
    const list = pageA.getByRole('listbox', { name: 'People to mention' });
    await visible(list, 'the mention list');
    const option = list.getByRole('option', { name: new RegExp(b.fullName) });
    await visible(option, 'B in the list');
    assert(
      (await box.getAttribute('aria-activedescendant')) === (await option.getAttribute('id')),
      'the field points at the active option',
    );
    await expectAxeClean(pageA, 'the composer with the mention list open');
    await pageA.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    const value = await box.inputValue();
    assert(value === `hi @${b.username} `, `the field holds the picked name: "${value}"`);
    await box.pressSequentially(text);
    await pageA.keyboard.press('Enter');
    await visible(
      article(pageA).locator('.markdown__mention', { hasText: `@${b.username}` }),
      'the sent message with the mention',
    );
  });

  test('mentions: B opens Mentions from the banner (axe), Enter on the message opens it highlighted', async () => {
    await pageB.getByRole('button', { name: 'Mentions', exact: true }).click();
    const dialog = pageB.getByRole('dialog', { name: 'Mentions' });
    await visible(dialog, 'the mentions view');
    const result = dialog.getByRole('button', { name: new RegExp(text) });
    await visible(result, 'the mention of B');
    assert(
      (await result.locator('mark').first().textContent()) === `@${b.username}`,
      'the mention is marked',
    );
    await expectAxeClean(pageB, 'the mentions view (dark theme)');
    await result.focus();
    await pageB.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await visible(pageB.locator('.message--highlighted', { hasText: text }), 'the highlighted message');
    assert(/\/m\/\d+$/.test(new URL(pageB.url()).hash), `the address names the message: ${pageB.url()}`);
  });

  test('emoji: B finds "taco" in the full picker by keyboard (axe) and reacts; A sees 🌮', async () => {
    const item = article(pageB);
    await item.hover();
    await item.getByRole('button', { name: 'Add reaction' }).click();
    await item.getByRole('button', { name: 'More emoji…' }).click();
    const dialog = pageB.getByRole('dialog', { name: 'Add reaction' });
    await visible(dialog, 'the emoji picker');
    const search = dialog.getByRole('combobox', { name: 'Search emoji' });
    await visible(dialog.getByRole('group', { name: 'Smileys and emotion' }), 'the emoji list');
    await search.pressSequentially('taco');
    await visible(dialog.getByRole('option', { name: 'taco' }), 'the taco');
    await expectAxeClean(pageB, 'the emoji picker (dark theme)');
    await pageB.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await visible(item.getByRole('button', { name: /^taco: 1 reaction, including yours/ }), "B's reaction");
    // A's bar loads the full emoji list on first sight of a name beyond the common few, then shows the taco.
    await visible(
      article(pageA)
        .getByRole('button', { name: /^taco: 1 reaction/ })
        .filter({ hasText: '🌮' }),
      "the taco on A's screen",
    );
  });

  test('no uncaught errors in the pages', () => {
    expectNoUncaughtErrors();
  });
});
