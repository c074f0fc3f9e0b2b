/**
 * What every browser journey shares: where the server is, the people of a run, pages set up as a person's
 * browser, the API called from inside a page, waiting with a plain failure message, axe, and the calls a
 * journey makes most (sign up, create a channel, send). Also `test`: Playwright's, plus what the pages saw when a
 * test fails.
 *
 * Environment: BASE_URL (default http://localhost:8080), E2E_TIMEOUT_MS (per action, default 15000),
 * E2E_CONTROL_URL (who started the run can restart the server: `POST <url>/restart-server`),
 * E2E_RUN_ALL=true (every journey must run: a journey whose settings are missing fails instead of being skipped).
 */
import { request } from 'node:http';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, type Browser, type Locator, type Page, type Response } from '@playwright/test';

export const baseUrl = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
export const timeout = Number(process.env.E2E_TIMEOUT_MS || 15_000);
/** Reconnecting after an outage waits out the socket's back-off (at most 30 s) on top of the restart. */
export const recoveryTimeout = Math.max(timeout, 60_000);
/** Set by BrowserJourneyIT: a journey that cannot run there is a failure, not a skip. */
export const runAll = process.env.E2E_RUN_ALL === 'true';
const controlUrl = (process.env.E2E_CONTROL_URL ?? '').replace(/\/+$/, '');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'];

// New accounts per run, so runs never collide: usernames are 3-32 of a-z 0-9 . _ -
export const suffix = Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

export const text = {
  signInHeading: 'Sign in to NetChat',
  signUpHeading: 'Create your NetChat account',
  wrongCredentials: 'Wrong username or password',
  offlineBanner: 'You are offline',
  reconnectingBanner: 'Connection lost. Reconnecting',
  queued: 'Waiting for connection…',
};

export type Person = { username: string; fullName: string; password: string };

/** A person of this run: the username starts with `tag` (each journey has its own tags). */
export function person(tag: string, name: string, password = `pw-${suffix}-Correct1`): Person {
  return { username: `${tag}${suffix}`.slice(0, 32), fullName: `${name} ${suffix}`, password };
}

// ---- Pages, and what they saw ------------------------------------------------------------------------------

const pageErrors: string[] = [];
const consoleErrors: string[] = [];
const serverErrors: string[] = [];

type PageOptions = { colorScheme?: 'light' | 'dark'; locale?: string };

/** A person's own browser (a context of their own) at 1280x800 with reduced motion. */
export async function newPersonPage(
  browser: Browser,
  { colorScheme = 'light', locale = 'en-US' }: PageOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme,
    reducedMotion: 'reduce',
    locale,
  });
  const p = await context.newPage();
  p.setDefaultTimeout(timeout);
  p.on('pageerror', (error) => pageErrors.push(error.message));
  p.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  p.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });
  return p;
}

/** The journey's last check: no page of it threw an uncaught error. */
export function expectNoUncaughtErrors(): void {
  const errors = pageErrors.splice(0);
  assert(errors.length === 0, `uncaught errors:\n${errors.join('\n')}`);
}

function indent(block: string): string {
  return block
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/**
 * Playwright's test, which also prints the server errors (5xx answers) and browser console errors the journey's
 * pages saw when a test fails. Screenshots of every open page on failure are Playwright's own (`screenshot` in
 * playwright.config.ts takes all pages, also those of the contexts a journey keeps across its tests).
 */
export const test = base.extend<{ failureDiagnostics: void }>({
  failureDiagnostics: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from here
    async ({}, use, testInfo) => {
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      if (serverErrors.length > 0) console.log(`server errors seen:\n${indent(serverErrors.join('\n'))}`);
      if (consoleErrors.length > 0) {
        console.log(`browser console errors:\n${indent(consoleErrors.slice(-20).join('\n'))}`);
      }
    },
    { auto: true },
  ],
});

// ---- Waiting and asserting, with messages that say what was missing ----------------------------------------

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export async function visible(locator: Locator, description: string, within = timeout): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: within });
  } catch {
    throw new Error(`timed out waiting for ${description} to be visible`);
  }
}

/** Polls a condition inside the page until it holds. */
export async function waitForCondition<A>(
  p: Page,
  fn: (arg: A) => unknown,
  arg: A,
  description: string,
): Promise<void> {
  try {
    // Playwright types the page's argument as Unboxed<A>, which is A for the plain values the journeys pass.
    await p.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout });
  } catch {
    throw new Error(`timed out waiting for ${description}`);
  }
}

/** axe (WCAG 2.0/2.1 A and AA, and axe's best practices) finds nothing on the page as it is. */
export async function expectAxeClean(p: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page: p }).withTags(axeTags).analyze();
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
      v.nodes.map((n) => `    target: ${n.target.join(' ')}`).join('\n'),
  );
  throw new Error(`axe found ${violations.length} violation(s) on ${where}:\n${lines.join('\n')}`);
}

// ---- The app ------------------------------------------------------------------------------------------------

export function heading(p: Page, name: string): Locator {
  return p.getByRole('heading', { level: 1, name, exact: true });
}

/** Theme and Sign out live in the user menu in the banner (issue 16). */
export async function openUserMenu(p: Page): Promise<void> {
  const button = p.getByRole('banner').getByRole('button', { name: /account, theme and sign out/ });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** The dark theme from the user menu: in force on the page, as the color scheme, and remembered. */
export async function chooseDarkTheme(p: Page): Promise<void> {
  await openUserMenu(p);
  await p.getByLabel('Theme', { exact: true }).selectOption('dark');
  await waitForCondition(
    p,
    () => document.documentElement.dataset.theme === 'dark',
    undefined,
    'html[data-theme=dark]',
  );
  const scheme = await p.evaluate(() => document.documentElement.style.colorScheme);
  assert(scheme === 'dark', `color-scheme is "${scheme}"`);
  const stored = await p.evaluate(() => window.localStorage.getItem('netchat.theme'));
  assert(stored === 'dark', `localStorage netchat.theme is "${stored}"`);
  await p.keyboard.press('Escape');
}

export async function expectAppFrame(p: Page, fullName: string): Promise<void> {
  await visible(p.getByRole('banner').getByText(fullName, { exact: true }), 'the full name in the banner');
  await visible(p.getByRole('navigation', { name: 'Channels' }), 'nav "Channels"');
  await visible(p.getByRole('main'), 'the main landmark');
}

/** Clicks and waits for the API call it triggers, failing with the server's answer when it is not `expected`. */
export async function clickAndExpectResponse(
  p: Page,
  locator: Locator,
  path: string,
  expected: number,
  method = 'POST',
): Promise<Response> {
  const [response] = await Promise.all([
    p.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === method, {
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
    throw new Error(`${method} ${path} answered ${response.status()} (expected ${expected}): ${body}`);
  }
  return response;
}

export async function signUpAs(p: Page, who: Person): Promise<void> {
  await p.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await p.getByRole('button', { name: 'Create an account', exact: true }).click();
  await p.getByLabel('Full name', { exact: true }).fill(who.fullName);
  await p.getByLabel('Username', { exact: true }).fill(who.username);
  await p.getByLabel('Password', { exact: true }).fill(who.password);
  await clickAndExpectResponse(
    p,
    p.getByRole('button', { name: 'Create account', exact: true }),
    '/api/auth/signup',
    201,
  );
  await visible(p.getByRole('navigation', { name: 'Channels' }), 'nav "Channels"');
}

export async function signInAs(p: Page, username: string, password: string, expected: number): Promise<void> {
  await p.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await visible(heading(p, text.signInHeading), `heading "${text.signInHeading}"`);
  await p.getByLabel('Username', { exact: true }).fill(username);
  await p.getByLabel('Password', { exact: true }).fill(password);
  await clickAndExpectResponse(
    p,
    p.getByRole('button', { name: 'Sign in', exact: true }),
    '/api/auth/login',
    expected,
  );
}

/** The API's answers as the journeys read them (the contract itself is OpenApiContractIT's). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/**
 * A call to NetChat's API from inside the page, with its cookies and Origin, as the web client makes it:
 * `{status, json}` (json null for 204 or a body that is not JSON).
 */
export function api(
  p: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  return p.evaluate(
    async ({ method, path, body }) => {
      const r = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, json: r.status === 204 ? null : await r.json().catch(() => null) };
    },
    { method, path, body },
  );
}

/**
 * Posts `texts` in order with the page's own session. More than the per-user posting burst: a 429 is waited out
 * (Retry-After) and the same post sent again under the same clientMessageId, as the app's own outbox does.
 */
export function postAll(p: Page, channelId: string, texts: string[]): Promise<void> {
  return p.evaluate(
    async ({ channelId, texts }) => {
      for (const text of texts) {
        const clientMessageId = crypto.randomUUID();
        for (;;) {
          const r = await fetch(`/api/channels/${encodeURIComponent(channelId)}/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ text, clientMessageId }),
          });
          if (r.status === 429) {
            const wait = Number(r.headers.get('Retry-After') ?? '1');
            await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0.2) * 1000));
            continue;
          }
          if (r.status !== 201) throw new Error(`posting "${text}" answered ${r.status}`);
          break;
        }
      }
    },
    { channelId, texts },
  );
}

export function sidebarLink(p: Page, name: string): Locator {
  return p.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: new RegExp(name) });
}

export function messageItem(p: Page, textPart: string): Locator {
  return p.locator('.conversation__main article.message', { hasText: textPart });
}

/** The id of the channel open on the page (the address is #/c/<id>). */
export function openChannelId(p: Page): string {
  const match = /#\/c\/([^/]+)/.exec(new URL(p.url()).hash);
  assert(match, `no channel open at ${p.url()}`);
  return decodeURIComponent(match[1]);
}

export async function openCreateChannel(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Create channel', exact: true }).click();
  await visible(p.getByRole('dialog', { name: 'Create a channel' }), 'the create-channel dialog');
}

/** Fills the open create-channel dialog (with one member, found by the second word of their name) and creates it. */
export async function createChannel(p: Page, name: string, memberName?: string): Promise<void> {
  const dialog = p.getByRole('dialog', { name: 'Create a channel' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  if (memberName) {
    await dialog.getByLabel('Find people').fill(memberName.split(' ')[1]);
    await dialog.getByRole('button', { name: `Add ${memberName}` }).click();
  }
  await clickAndExpectResponse(
    p,
    dialog.getByRole('button', { name: 'Create channel' }),
    '/api/channels',
    201,
  );
  await visible(p.getByRole('heading', { level: 1, name: `# ${name}` }), `heading "# ${name}"`);
}

/** Types into the composer labelled `label`, presses Enter and waits for the own message. */
export async function send(p: Page, label: string, message: string): Promise<void> {
  const box = p.getByRole('textbox', { name: label });
  await box.fill(message);
  await box.press('Enter');
  const shown = message.replace(/\*/g, '');
  await visible(messageItem(p, shown), `own message "${shown}"`);
}

/** The signed-in user's id, from the app's own profile call. */
export async function userIdOf(p: Page): Promise<string> {
  return p.evaluate(async () => {
    const r = await fetch('/api/users/me', { headers: { Accept: 'application/json' } });
    return (await r.json()).id;
  });
}

// ---- Outages ------------------------------------------------------------------------------------------------

export function banner(p: Page, textPart: string): Locator {
  return p.getByRole('status').filter({ hasText: textPart });
}

export async function bannerGone(p: Page, textPart: string, who: string): Promise<void> {
  try {
    await p.waitForFunction(
      (part) => ![...document.querySelectorAll('[role="status"]')].some((e) => e.textContent?.includes(part)),
      textPart,
      { timeout: recoveryTimeout },
    );
  } catch {
    throw new Error(`"${textPart}" is still shown on ${who}'s page after ${recoveryTimeout} ms`);
  }
}

/**
 * Waits until the server's history of the channel (read with the page's own session) holds every one of
 * `texts` exactly once, and answers them in the server's order. Fails if one is there twice.
 */
export async function serverOrder(
  p: Page,
  channelId: string,
  texts: string[],
  within = recoveryTimeout,
): Promise<string[]> {
  const deadline = Date.now() + within;
  let last = '';
  while (Date.now() < deadline) {
    const found = await p.evaluate(
      async ({ id, wanted }) => {
        const r = await fetch(`/api/channels/${encodeURIComponent(id)}/messages?limit=200`);
        if (!r.ok) return { error: `GET messages answered ${r.status}` };
        const { messages } = (await r.json()) as { messages: { text: string }[] };
        return { texts: messages.map((m) => m.text).filter((t) => wanted.includes(t)) };
      },
      { id: channelId, wanted: texts },
    );
    if (found.texts) {
      const all = found.texts;
      const twice = all.filter((t, i) => all.indexOf(t) !== i);
      assert(twice.length === 0, `the server's history has these more than once: ${twice.join(' | ')}`);
      if (all.length === texts.length) return all;
      last = `has ${all.length} of ${texts.length}`;
    } else {
      last = found.error ?? '';
    }
    await p.waitForTimeout(250);
  }
  throw new Error(`the server's history never held every message (${last})`);
}

/**
 * Waits until the page's timeline shows each of `texts` in exactly one row, none of them pending, in the given
 * order (counting DOM rows, so a doubled message fails).
 */
export async function expectTimeline(
  p: Page,
  texts: string[],
  who: string,
  within = recoveryTimeout,
): Promise<void> {
  const state = () =>
    p.evaluate((wanted) => {
      const rows = [...document.querySelectorAll('.conversation__main article.message')];
      return wanted.map((w) => {
        const matching = rows.filter((r) => r.textContent?.includes(w));
        return {
          count: matching.length,
          pending: matching.some((r) => r.classList.contains('message--pending')),
          index: rows.indexOf(matching[0]),
        };
      });
    }, texts);
  const deadline = Date.now() + within;
  let seen: Awaited<ReturnType<typeof state>> = [];
  while (Date.now() < deadline) {
    seen = await state();
    if (seen.every((x) => x.count === 1 && !x.pending)) break;
    assert(
      seen.every((x) => x.count <= 1),
      `${who} shows a message twice: ${texts.filter((_, i) => seen[i].count > 1).join(' | ')}`,
    );
    await p.waitForTimeout(200);
  }
  const describe = texts.map((t, i) => `${t}: ${seen[i].count} row(s)${seen[i].pending ? ', pending' : ''}`);
  assert(
    seen.every((x) => x.count === 1 && !x.pending),
    `${who} does not show each message once and sent:\n${describe.join('\n')}`,
  );
  const indexes = seen.map((x) => x.index);
  assert(
    indexes.every((x, i) => i === 0 || x > indexes[i - 1]),
    `${who} shows them out of order (expected the server's order):\n${texts.join('\n')}`,
  );
}

/**
 * Asks whoever started this run (BrowserJourneyIT, LoadBalancerFailoverIT) to do what only it can, such as
 * restarting the server: `POST <E2E_CONTROL_URL><path>` answers 200 and what was done once it is done, 500 and the
 * reason otherwise. node:http rather than fetch, which gives up on an answer after 300 s (a slow boot may take
 * that long).
 */
export function askRunner(path: string, body = ''): Promise<string> {
  assert(controlUrl, `E2E_CONTROL_URL is not set: nobody can answer POST ${path}`);
  return new Promise((resolve, reject) => {
    const call = request(`${controlUrl}${path}`, { method: 'POST' }, (response) => {
      let answer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (answer += chunk));
      response.on('end', () =>
        response.statusCode === 200
          ? resolve(answer.trim())
          : reject(new Error(`POST ${path} ${body}: the runner answered ${response.statusCode}: ${answer}`)),
      );
      response.on('error', reject);
    });
    call.on('error', (error) => reject(new Error(`POST ${path} to the runner failed: ${error.message}`)));
    call.end(body);
  });
}

/** Whether the server can be restarted in this run (E2E_CONTROL_URL set). */
export const canRestartServer = controlUrl !== '';

/** Stops the server and starts it again on the same data; answers once it is healthy again. */
export function restartServer(): Promise<string> {
  return askRunner('/restart-server');
}
