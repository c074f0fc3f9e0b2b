/**
 * A first visit: the sign-in and sign-up screens, signing up, staying signed in across a reload, the dark theme,
 * signing out, a wrong password and signing in again, with axe on every screen.
 */
import type { Page } from '@playwright/test';
import {
  assert,
  baseUrl,
  chooseDarkTheme,
  clickAndExpectResponse,
  expectAppFrame,
  expectAxeClean,
  expectNoUncaughtErrors,
  heading,
  newPersonPage,
  openUserMenu,
  person,
  test,
  text,
  timeout,
  visible,
} from './helpers';

test.describe.serial('sign-up and session', () => {
  const account = person('e2e', 'E2E Tester');
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await newPersonPage(browser);
    page.setDefaultNavigationTimeout(Math.max(timeout, 30_000));
  });
  test.afterAll(async () => {
    await page?.context().close();
  });

  test('sign-in screen loads', async () => {
    const response = await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    assert(response && response.ok(), `GET / answered ${response?.status()}`);
    await visible(heading(page, text.signInHeading), `heading "${text.signInHeading}"`);
    await visible(page.getByRole('main'), 'the main landmark');
    assert((await page.locator('html').getAttribute('lang')) === 'en', '<html lang="en"> is missing');
    assert((await page.title()).includes('NetChat'), `unexpected title "${await page.title()}"`);
  });

  test('axe: sign-in screen', async () => {
    await expectAxeClean(page, 'the sign-in screen');
  });

  test('sign-up screen opens', async () => {
    await page.getByRole('button', { name: 'Create an account', exact: true }).click();
    await visible(heading(page, text.signUpHeading), `heading "${text.signUpHeading}"`);
  });

  test('axe: sign-up screen', async () => {
    await expectAxeClean(page, 'the sign-up screen');
  });

  test('sign up shows the app frame', async () => {
    await page.getByLabel('Full name', { exact: true }).fill(account.fullName);
    await page.getByLabel('Username', { exact: true }).fill(account.username);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await clickAndExpectResponse(
      page,
      page.getByRole('button', { name: 'Create account', exact: true }),
      '/api/auth/signup',
      201,
    );
    await expectAppFrame(page, account.fullName);
  });

  test('axe: app frame', async () => {
    await expectAxeClean(page, 'the app frame');
  });

  test('reload keeps the session', async () => {
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expectAppFrame(page, account.fullName);
    assert((await heading(page, text.signInHeading).count()) === 0, 'the sign-in screen is shown');
    assert((await page.getByLabel('Password').count()) === 0, 'a password field is shown');
  });

  test('theme switch to Dark', async () => {
    await chooseDarkTheme(page);
  });

  test('axe: app frame, dark theme', async () => {
    await expectAxeClean(page, 'the dark app frame');
  });

  test('sign out returns to sign-in', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openUserMenu(page);
    await clickAndExpectResponse(
      page,
      page.getByRole('button', { name: 'Sign out', exact: true }),
      '/api/auth/logout',
      204,
    );
    await visible(heading(page, text.signInHeading), `heading "${text.signInHeading}"`);
  });

  test('wrong password shows the alert', async () => {
    await page.getByLabel('Username', { exact: true }).fill(account.username);
    await page.getByLabel('Password', { exact: true }).fill(`${account.password}-wrong`);
    await clickAndExpectResponse(
      page,
      page.getByRole('button', { name: 'Sign in', exact: true }),
      '/api/auth/login',
      401,
    );
    await visible(
      page.getByRole('alert').filter({ hasText: text.wrongCredentials }),
      `alert "${text.wrongCredentials}"`,
    );
  });

  test('sign in again shows the app frame', async () => {
    await page.getByLabel('Username', { exact: true }).fill(account.username);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await clickAndExpectResponse(
      page,
      page.getByRole('button', { name: 'Sign in', exact: true }),
      '/api/auth/login',
      200,
    );
    await expectAppFrame(page, account.fullName);
  });

  test('no uncaught errors in the page', () => {
    expectNoUncaughtErrors();
  });
});
