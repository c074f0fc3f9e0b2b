#!/usr/bin/env node
/**
 * Browser journey against a running NetChat server: sign up, stay signed in across a reload, switch theme,
 * use the narrow-screen drawer, sign out, fail and succeed to sign in, with axe (WCAG 2.1 A/AA) on every
 * screen. Plain node + playwright-core, so it needs no test runner and no browser download.
 *
 *   BASE_URL=http://localhost:8080 node e2e/run.mjs
 *
 * Environment: BASE_URL (default http://localhost:8080), CHROMIUM_PATH (default /usr/bin/chromium),
 * E2E_TIMEOUT_MS (per action, default 15000). Exits 1 when any check fails or axe finds a violation; the
 * last line is "N passed, M failed". Screenshots of failures go to e2e/screenshots-out/.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const baseUrl = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const timeout = Number(process.env.E2E_TIMEOUT_MS || 15_000);
const screenshotDir = fileURLToPath(new URL('./screenshots-out/', import.meta.url));
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21aa'];
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// One new account per run, so runs never collide: usernames are 3-32 of a-z 0-9 . _ -
const suffix = Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
const account = {
  username: `e2e${suffix}`,
  fullName: `E2E Tester ${suffix}`,
  password: `pw-${suffix}-Correct1`,
};

const text = {
  signInHeading: 'Sign in to NetChat',
  signUpHeading: 'Create your NetChat account',
  wrongCredentials: 'Wrong username or password',
};

/** @type {{name: string, status: 'passed' | 'failed' | 'skipped', ms: number, error?: string}[]} */
const results = [];
const pageErrors = [];
const consoleErrors = [];
const serverErrors = [];

function log(line) {
  process.stdout.write(`${line}\n`);
}

function slug(name) {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Runs one named check. A check whose prerequisites did not pass is skipped (and counted as failed):
 * its own failure would say nothing new.
 */
async function check(page, name, fn, requires = []) {
  const missing = requires.filter((r) => results.find((x) => x.name === r)?.status !== 'passed');
  if (missing.length > 0) {
    results.push({ name, status: 'skipped', ms: 0, error: `needs: ${missing.join(', ')}` });
    log(`SKIP ${name} (needs: ${missing.join(', ')})`);
    return false;
  }
  const started = Date.now();
  try {
    await fn();
    const ms = Date.now() - started;
    results.push({ name, status: 'passed', ms });
    log(`PASS ${name} (${ms} ms)`);
    return true;
  } catch (error) {
    const ms = Date.now() - started;
    const message = error instanceof Error ? error.message : String(error);
    results.push({ name, status: 'failed', ms, error: message });
    log(`FAIL ${name} (${ms} ms)\n${indent(message)}`);
    await screenshot(page, `${String(results.length).padStart(2, '0')}-${slug(name)}`);
    return false;
  }
}

function indent(textBlock) {
  return textBlock
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

async function screenshot(page, name) {
  if (!page) return;
  try {
    await mkdir(screenshotDir, { recursive: true });
    const path = `${screenshotDir}${name}.png`;
    await page.screenshot({ path, fullPage: true });
    log(`    screenshot: ${path}`);
  } catch (error) {
    log(`    (no screenshot: ${error instanceof Error ? error.message : error})`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function expectAxeClean(page, where) {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
      v.nodes.map((n) => `    target: ${n.target.join(' ')}`).join('\n'),
  );
  throw new Error(`axe found ${violations.length} violation(s) on ${where}:\n${lines.join('\n')}`);
}

/** Polls a condition inside the page until it holds (playwright-core has no expect()). */
async function waitForCondition(page, fn, arg, description) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch {
    throw new Error(`timed out waiting for ${description}`);
  }
}

async function visible(locator, description) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`timed out waiting for ${description} to be visible`);
  }
}

function heading(page, name) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

async function expectAppFrame(page) {
  await visible(
    page.getByRole('banner').getByText(account.fullName, { exact: true }),
    'the full name in the banner',
  );
  await visible(page.getByRole('navigation', { name: 'Channels' }), 'nav "Channels"');
  await visible(page.getByRole('main'), 'the main landmark');
}

/** Clicks and waits for the API call it triggers, failing with the server's answer when it is not `expected`. */
async function clickAndExpectResponse(page, locator, path, expected) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === 'POST', {
      timeout,
    }),
    locator.click(),
  ]);
  if (response.status() !== expected) {
    let body = '';
    try {
      body = (await response.text()).slice(0, 500);
    } catch {
      // no body
    }
    throw new Error(`POST ${path} answered ${response.status()} (expected ${expected}): ${body}`);
  }
}

async function main() {
  log(`NetChat e2e against ${baseUrl} as ${account.username}, Chromium at ${chromiumPath}`);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  } catch (error) {
    results.push({ name: 'launch Chromium', status: 'failed', ms: 0, error: String(error) });
    log(`FAIL launch Chromium\n${indent(String(error))}`);
    return;
  }

  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
    locale: 'en-US',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  page.setDefaultNavigationTimeout(Math.max(timeout, 30_000));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });

  try {
    const signInScreen = 'sign-in screen loads';
    await check(page, signInScreen, async () => {
      const response = await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
      assert(response && response.ok(), `GET / answered ${response?.status()}`);
      await visible(heading(page, text.signInHeading), `heading "${text.signInHeading}"`);
      await visible(page.getByRole('main'), 'the main landmark');
      assert((await page.locator('html').getAttribute('lang')) === 'en', '<html lang="en"> is missing');
      assert((await page.title()).includes('NetChat'), `unexpected title "${await page.title()}"`);
    });

    await check(page, 'axe: sign-in screen', () => expectAxeClean(page, 'the sign-in screen'), [
      signInScreen,
    ]);

    const signUpScreen = 'sign-up screen opens';
    await check(
      page,
      signUpScreen,
      async () => {
        await page.getByRole('button', { name: 'Create an account', exact: true }).click();
        await visible(heading(page, text.signUpHeading), `heading "${text.signUpHeading}"`);
      },
      [signInScreen],
    );

    await check(page, 'axe: sign-up screen', () => expectAxeClean(page, 'the sign-up screen'), [
      signUpScreen,
    ]);

    const signUp = 'sign up shows the app frame';
    await check(
      page,
      signUp,
      async () => {
        await page.getByLabel('Full name', { exact: true }).fill(account.fullName);
        await page.getByLabel('Username', { exact: true }).fill(account.username);
        await page.getByLabel('Password', { exact: true }).fill(account.password);
        await clickAndExpectResponse(
          page,
          page.getByRole('button', { name: 'Create account', exact: true }),
          '/api/auth/signup',
          201,
        );
        await expectAppFrame(page);
      },
      [signUpScreen],
    );

    await check(page, 'axe: app frame', () => expectAxeClean(page, 'the app frame'), [signUp]);

    const reload = 'reload keeps the session';
    await check(
      page,
      reload,
      async () => {
        await page.reload({ waitUntil: 'domcontentloaded' });
        await expectAppFrame(page);
        assert((await heading(page, text.signInHeading).count()) === 0, 'the sign-in screen is shown');
        assert((await page.getByLabel('Password').count()) === 0, 'a password field is shown');
      },
      [signUp],
    );

    const dark = 'theme switch to Dark';
    await check(
      page,
      dark,
      async () => {
        await page.getByLabel('Theme', { exact: true }).selectOption('dark');
        await waitForCondition(
          page,
          () => document.documentElement.dataset.theme === 'dark',
          undefined,
          'html[data-theme=dark]',
        );
        const scheme = await page.evaluate(() => document.documentElement.style.colorScheme);
        assert(scheme === 'dark', `color-scheme is "${scheme}"`);
        const stored = await page.evaluate(() => window.localStorage.getItem('netchat.theme'));
        assert(stored === 'dark', `localStorage netchat.theme is "${stored}"`);
      },
      [reload],
    );

    await check(page, 'axe: app frame, dark theme', () => expectAxeClean(page, 'the dark app frame'), [dark]);

    const drawer = 'narrow screen: Menu opens the navigation drawer';
    await check(
      page,
      drawer,
      async () => {
        await page.setViewportSize({ width: 360, height: 740 });
        const menu = page.getByRole('button', { name: 'Menu', exact: true });
        await visible(menu, 'the Menu button');
        assert((await menu.getAttribute('aria-expanded')) === 'false', 'Menu is expanded before a click');
        const nav = page.getByRole('navigation', { name: 'Channels' });
        assert(!(await nav.isVisible()), 'the navigation is visible before Menu was pressed');
        await menu.click();
        await waitForCondition(
          page,
          () => document.querySelector('[aria-controls][aria-expanded="true"]') !== null,
          undefined,
          'Menu aria-expanded="true"',
        );
        await visible(nav, 'the navigation drawer');
        await visible(nav.getByText('No channels yet'), '"No channels yet"');
      },
      [reload],
    );

    await check(page, 'axe: open drawer at 360 px', () => expectAxeClean(page, 'the open drawer'), [drawer]);

    await check(
      page,
      'Escape closes the drawer and returns focus to Menu',
      async () => {
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
      },
      [drawer],
    );

    const signOut = 'sign out returns to sign-in';
    await check(
      page,
      signOut,
      async () => {
        await page.setViewportSize({ width: 1280, height: 800 });
        await clickAndExpectResponse(
          page,
          page.getByRole('button', { name: 'Sign out', exact: true }),
          '/api/auth/logout',
          204,
        );
        await visible(heading(page, text.signInHeading), `heading "${text.signInHeading}"`);
      },
      [reload],
    );

    await check(
      page,
      'wrong password shows the alert',
      async () => {
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
      },
      [signOut],
    );

    await check(
      page,
      'sign in again shows the app frame',
      async () => {
        await page.getByLabel('Username', { exact: true }).fill(account.username);
        await page.getByLabel('Password', { exact: true }).fill(account.password);
        await clickAndExpectResponse(
          page,
          page.getByRole('button', { name: 'Sign in', exact: true }),
          '/api/auth/login',
          200,
        );
        await expectAppFrame(page);
      },
      [signOut],
    );

    await check(page, 'no uncaught errors in the page', async () => {
      assert(pageErrors.length === 0, `uncaught errors:\n${pageErrors.join('\n')}`);
    });
  } finally {
    await browser.close().catch(() => {});
  }
}

// A hung browser must not hang the build that runs this.
const watchdog = setTimeout(() => {
  const passed = results.filter((r) => r.status === 'passed').length;
  log('FAIL the run took longer than 5 minutes');
  log(`${passed} passed, ${results.length - passed + 1} failed`);
  process.exit(1);
}, 5 * 60_000).unref();

try {
  await main();
} catch (error) {
  results.push({ name: 'run', status: 'failed', ms: 0, error: String(error?.stack ?? error) });
  log(`FAIL run\n${indent(String(error?.stack ?? error))}`);
}
clearTimeout(watchdog);

if (serverErrors.length > 0) log(`server errors seen:\n${indent(serverErrors.join('\n'))}`);
const failed = results.filter((r) => r.status !== 'passed');
if (failed.length > 0 && consoleErrors.length > 0) {
  log(`browser console errors:\n${indent(consoleErrors.slice(0, 20).join('\n'))}`);
}
const skipped = results.filter((r) => r.status === 'skipped').length;
if (skipped > 0) log(`(${skipped} of the failed checks were skipped because a check they need failed)`);
log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length > 0 ? 1 : 0;
