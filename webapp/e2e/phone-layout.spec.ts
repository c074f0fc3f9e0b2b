/**
 * The app frame on a narrow screen (360x740, dark theme): Menu opens the channel drawer, which lists the default
 * channel a new account is in, and Escape closes it with the focus back on Menu; axe on the open drawer.
 * (The conversation at 360 px is in two-person-chat, the day on a 390x844 phone in chat-day.)
 */
import type { Page } from '@playwright/test';
import {
  assert,
  chooseDarkTheme,
  expectAppFrame,
  expectAxeClean,
  expectNoUncaughtErrors,
  newPersonPage,
  person,
  signUpAs,
  test,
  visible,
  waitForCondition,
} from './helpers';

test.describe.serial('phone layout', () => {
  const account = person('ph', 'Phoebe');
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await newPersonPage(browser);
  });
  test.afterAll(async () => {
    await page?.context().close();
  });

  test('a new account on the desktop, with the dark theme', async () => {
    await signUpAs(page, account);
    await expectAppFrame(page, account.fullName);
    await chooseDarkTheme(page);
  });

  test('narrow screen: Menu opens the navigation drawer', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await visible(menu, 'the Menu button');
    assert((await menu.getAttribute('aria-expanded')) === 'false', 'Menu is expanded before a click');
    const nav = page.getByRole('navigation', { name: 'Channels' });
    // The drawer closes as the layout changes; give it the time a transition takes, no more.
    const hidden = await nav.waitFor({ state: 'hidden', timeout: 3000 }).then(
      () => true,
      () => false,
    );
    assert(
      hidden,
      'the navigation is still visible 3 s after the screen became narrow, before Menu was pressed',
    );
    await menu.click();
    await waitForCondition(
      page,
      () => document.querySelector('[aria-controls][aria-expanded="true"]') !== null,
      undefined,
      'Menu aria-expanded="true"',
    );
    await visible(nav, 'the navigation drawer');
    // A new account is in the default channel (issue 16), not greeted by "No channels yet".
    await visible(nav.getByRole('link', { name: /^general\b/ }), 'the default channel "general"');
  });

  test('axe: open drawer at 360 px', async () => {
    await expectAxeClean(page, 'the open drawer');
  });

  test('Escape closes the drawer and returns focus to Menu', async () => {
    await page.keyboard.press('Escape');
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await waitForCondition(
      page,
      () => document.querySelector('[aria-controls][aria-expanded="false"]') !== null,
      undefined,
      'Menu aria-expanded="false"',
    );
    assert(
      await menu.evaluate((element) => element === document.activeElement),
      'focus did not return to the Menu button',
    );
  });

  test('no uncaught errors in the page', () => {
    expectNoUncaughtErrors();
  });
});
