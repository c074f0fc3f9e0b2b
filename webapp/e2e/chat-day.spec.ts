/**
 * The chat as people use it all day (issue 16): three people (Carla, Dario and Emil; Carla on the desktop, in a
 * second tab and on a 390x844 phone) check the default channel, live presence, read state that follows the reader
 * across tabs, drafts across channel switches and reloads, catching up on unread messages, Mark as unread, Escape
 * and the phone's way back from a thread, a direct conversation that is shown as a person with their local time, a
 * group shown as a group, notification levels, desktop notifications as Chromium shows them (a DM titled with its
 * sender, a mention "in #general", no notification for a plain channel message or a muted group, and Settings
 * saying why they are off when the browser denies them), the password change in Settings, and the phone header in
 * one row. The phone pass repeats points 1-9 and 11 at 390x844 (the composer's Send on the field's row included); a
 * fourth person, Faye, is refused sign-in after five wrong passwords and told to wait in minutes (point 10), on the
 * desktop and on the phone. axe runs on every new screen. Each phone check starts from a named conversation with
 * the drawer closed (phoneAt), so one failure cannot leave the drawer or a dialog over the next.
 */
import type { Page, Request, Response } from '@playwright/test';
import {
  api,
  assert,
  baseUrl,
  expectAxeClean,
  expectNoUncaughtErrors,
  type Json,
  newPersonPage,
  person,
  postAll,
  signUpAs,
  suffix,
  test,
  visible,
  waitForCondition,
} from './helpers';

type Shown = { title: string; body: string };
type NotificationWindow = Window & {
  __netchatNotifications: Shown[];
  __netchatHidden: (value: boolean) => void;
};

// Point 9: desktop notifications in real Chromium. Carla's third tab has the notification permission granted
// by the browser (Playwright's grantPermissions, CDP Browser.grantPermissions) and turns notifications on in
// Settings; its window.Notification is wrapped so that every notification the page creates is recorded and
// then really shown. The tab stands for one in the background: its document says "hidden" when told to.
function recordNotifications() {
  const w = window as unknown as NotificationWindow;
  const shown: Shown[] = [];
  w.__netchatNotifications = shown;
  let hidden = false;
  w.__netchatHidden = (value) => {
    hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  Object.defineProperty(Document.prototype, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
  const Real = window.Notification;
  if (!Real) return;
  window.Notification = new Proxy(Real, {
    construct(target, args) {
      shown.push({ title: String(args[0]), body: String(args[1]?.body ?? '') });
      return Reflect.construct(target, args);
    },
  });
}

const notified = (p: Page) =>
  p.evaluate(() => (window as unknown as NotificationWindow).__netchatNotifications.slice());
const waitForNotification = (p: Page, body: string) =>
  waitForCondition(
    p,
    (b) => (window as unknown as NotificationWindow).__netchatNotifications.some((n) => n.body === b),
    body,
    `a notification of "${body}"`,
  );
const setHidden = (p: Page, value: boolean) =>
  p.evaluate((v) => (window as unknown as NotificationWindow).__netchatHidden(v), value);

test.describe.serial('a chat day', () => {
  const carla = person('c', 'Carla', `pw-${suffix}-C1`);
  const dario = person('d', 'Dario', `pw-${suffix}-D1`);
  const emil = person('e', 'Emil', `pw-${suffix}-E1`);
  let pageC: Page;
  let pageD: Page;
  /** Carla's second tab, at 390x844 from the phone checks on. */
  let secondTab: Page;
  /** Carla's third tab, which records the desktop notifications. */
  let pageN: Page | undefined;
  let dmId = '';
  let groupId = '';
  let generalId = '';
  const nav = (p: Page) => p.getByRole('navigation', { name: 'Channels' });
  // The direct conversation's link is the name then ", online" / ", offline"; the group with Dario later in the day
  // is named "Dario …, Emil …", so the name alone would match both.
  const dmLink = (p: Page) =>
    nav(p).getByRole('link', { name: new RegExp(`^${dario.fullName} , (online|offline)`) });
  const generalLink = (p: Page) => nav(p).getByRole('link', { name: /^general\b/ });
  const listed = async (p: Page, channelId: string): Promise<Json> =>
    (await api(p, 'GET', '/api/channels')).json.channels.find((c: { id: string }) => c.id === channelId);
  const defaultChannel = async (p: Page): Promise<Json> =>
    (await api(p, 'GET', '/api/channels')).json?.channels?.find((c: { default: boolean }) => c.default);

  // ---- The phone (secondTab at 390x844) ------------------------------------------------------------------------
  const dmBox = (p: Page) => p.getByRole('textbox', { name: `Message ${dario.fullName}` });
  const generalBox = (p: Page) => p.getByRole('textbox', { name: 'Message #general' });
  /** Waits longer than a click: socket events and presence cross the server, which the soak keeps busy. */
  const eventually = async <A>(
    p: Page,
    fn: (arg: A) => unknown,
    arg: A,
    description: string,
    ms = 30_000,
  ) => {
    try {
      await p.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout: ms, polling: 200 });
    } catch {
      throw new Error(`timed out after ${ms / 1000} s waiting for ${description}`);
    }
  };
  /** The text of the direct conversation's link (it is the only link that starts with Dario's name). */
  const dmLinkText = (p: Page) =>
    p.evaluate(
      (name) =>
        [...document.querySelectorAll('nav a')].find((a) => a.textContent?.startsWith(name))?.textContent,
      dario.fullName,
    );
  const menuButton = () => secondTab.getByRole('banner').getByRole('button', { name: 'Menu', exact: true });
  const drawerIs = (open: boolean) =>
    eventually(
      secondTab,
      (expanded) =>
        document.querySelector('button[aria-controls="channel-nav"]')?.getAttribute('aria-expanded') ===
        expanded,
      String(open),
      `the phone's drawer to be ${open ? 'open' : 'closed'}`,
      10_000,
    );
  const openDrawer = async () => {
    if ((await menuButton().getAttribute('aria-expanded')) !== 'true') await menuButton().click();
    await drawerIs(true);
    await visible(nav(secondTab), 'the channel drawer');
  };
  // The open drawer covers the banner's Menu button: it closes with its own Close menu button.
  const closeDrawer = async () => {
    if ((await menuButton().getAttribute('aria-expanded')) === 'true') {
      await nav(secondTab).getByRole('button', { name: 'Close menu', exact: true }).click();
    }
    await drawerIs(false);
  };
  /** The phone with one conversation open, nothing over it. */
  const phoneAt = async (channelId: string, composer: ReturnType<typeof dmBox>, description: string) => {
    await secondTab.bringToFront();
    for (let i = 0; i < 3 && (await secondTab.getByRole('dialog').count()) > 0; i++) {
      await secondTab.keyboard.press('Escape');
    }
    await secondTab.goto(`${baseUrl}/#/c/${channelId}`, { waitUntil: 'domcontentloaded' });
    await closeDrawer();
    await visible(composer, `${description} open on the phone`);
  };
  /** Dario posts by the API, waiting out the per-user posting limit (Retry-After) with the same clientMessageId. */
  const postAsDario = (channelId: string, texts: string[]) => postAll(pageD, channelId, texts);
  const post = async (channelId: string, text: string) => {
    const r = await api(pageD, 'POST', `/api/channels/${channelId}/messages`, {
      text,
      clientMessageId: crypto.randomUUID(),
    });
    assert(r.status === 201, `Dario posting "${text}" answered ${r.status}`);
  };

  const settingsCheck = async (p: Page, where: string) => {
    await p.getByRole('button', { name: 'Profile and settings' }).click();
    const dialog = p.getByRole('dialog', { name: 'Profile and settings' });
    await visible(dialog, `Settings (${where})`);
    await visible(dialog.getByRole('combobox', { name: 'Time zone' }), 'the time zone choice');
    const levels = dialog.getByRole('group', { name: 'Notify me about' });
    await visible(levels, 'the notification levels');
    assert(
      await levels
        .getByRole('radio', { name: 'Direct messages, group conversations and mentions' })
        .isChecked(),
      'mentions and direct messages are not the default level',
    );
    const saved = p.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/users/me' && r.request().method() === 'PATCH',
    );
    await levels.getByRole('radio', { name: 'Nothing' }).check();
    assert((await saved).status() === 200, 'saving the level failed');
    const me = (await api(p, 'GET', '/api/users/me')).json;
    assert(me.notifications.desktop === 'off', `the level on the server: ${me.notifications.desktop}`);
    const back = p.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/users/me' && r.request().method() === 'PATCH',
    );
    await levels.getByRole('radio', { name: 'Direct messages, group conversations and mentions' }).check();
    await back;
    await visible(dialog.getByLabel('Do not disturb'), 'do-not-disturb');
    await visible(dialog.getByLabel('Current password'), 'the password change');
    await expectAxeClean(p, `Settings (${where})`);
    return dialog;
  };

  test.beforeAll(async ({ browser }) => {
    pageC = await newPersonPage(browser);
    pageD = await newPersonPage(browser);
  });
  test.afterAll(async () => {
    await pageC?.context().close();
    await pageD?.context().close();
  });

  test('day: a new account is in the default channel "general", not "No channels yet"', async () => {
    await signUpAs(pageC, carla);
    await signUpAs(pageD, dario);
    await visible(generalLink(pageC), 'the general channel in the sidebar');
    assert((await nav(pageC).getByText('No channels yet').count()) === 0, '"No channels yet" is shown');
  });

  test('day: a direct conversation shows the person, their presence, and no Add members', async () => {
    await nav(pageC).getByRole('button', { name: 'New message', exact: true }).click();
    const dialog = pageC.getByRole('dialog', { name: 'New message' });
    await dialog.getByLabel('Find people').fill(dario.username);
    await dialog.getByRole('button', { name: `Add ${dario.fullName}` }).click();
    await dialog.getByRole('button', { name: 'Start conversation' }).click();
    await visible(pageC.getByRole('heading', { level: 1, name: dario.fullName }), 'the DM heading');
    dmId = /#\/c\/([^/]+)/.exec(new URL(pageC.url()).hash)![1];
    const meta = pageC.locator('.conversation-header__meta');
    await visible(meta.getByText('Online', { exact: true }), 'the person is online in the header');
    assert(!/members/.test(await meta.innerText()), 'the header counts members of a direct conversation');
    await pageC.getByRole('button', { name: 'Channel settings' }).click();
    const settings = pageC.getByRole('dialog', { name: `Conversation with ${dario.fullName}` });
    await visible(settings, 'the conversation settings dialog');
    assert((await settings.getByRole('group', { name: 'Add members' }).count()) === 0, 'Add members offered');
    await visible(
      settings.getByRole('button', { name: `Start a group with ${dario.fullName}` }),
      '"Start a group with …"',
    );
    await expectAxeClean(pageC, 'the direct conversation settings');
    await pageC.keyboard.press('Escape');
    await visible(dmLink(pageC), 'the DM in the sidebar');
    assert(/, online/.test(await dmLink(pageC).innerText()), 'the DM link does not say the person is online');
  });

  test('day: presence in the sidebar follows people signing out and back in', async () => {
    const contextD = pageD.context();
    await pageD.close();
    await waitForCondition(
      pageC,
      (name) =>
        [...document.querySelectorAll('nav a')].some(
          (a) => a.textContent?.startsWith(name) && a.textContent.includes(', offline'),
        ),
      dario.fullName,
      'the DM link to say offline after Dario left',
    );
    pageD = await contextD.newPage();
    await pageD.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    await visible(nav(pageD), 'Dario signed in again');
    await waitForCondition(
      pageC,
      (name) =>
        [...document.querySelectorAll('nav a')].some(
          (a) => a.textContent?.startsWith(name) && a.textContent.includes(', online'),
        ),
      dario.fullName,
      'the DM link to say online after Dario came back',
    );
  });

  test("day: a direct conversation shows the person's local time; the browser's zone is sent", async () => {
    // Carla's browser sent its own zone when she signed up (it differed from none).
    const zoneC = await pageC.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    let meC: Json;
    for (let i = 0; i < 25; i++) {
      meC = (await api(pageC, 'GET', '/api/users/me')).json;
      if (meC.timeZone === zoneC) break;
      await pageC.waitForTimeout(200);
    }
    assert(meC.timeZone === zoneC, `Carla's zone on the server: ${meC.timeZone}, browser: ${zoneC}`);
    // Dario picks Tokyo in Settings; Carla sees his local time in the DM's header.
    await pageD.getByRole('button', { name: 'Profile and settings' }).click();
    const settingsD = pageD.getByRole('dialog', { name: 'Profile and settings' });
    const zoneSaved = pageD.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/users/me' && r.request().method() === 'PATCH',
    );
    await settingsD.getByRole('combobox', { name: 'Time zone' }).selectOption('Asia/Tokyo');
    assert((await zoneSaved).status() === 200, 'saving the time zone failed');
    await expectAxeClean(pageD, 'Settings with the time zone choice');
    await pageD.keyboard.press('Escape');
    await pageC.goto(`${baseUrl}/#/c/${dmId}`);
    await pageC.reload({ waitUntil: 'domcontentloaded' });
    const meta = pageC.locator('.conversation-header__meta');
    await visible(meta.getByText(/local time$/), 'the local time in the DM header');
    const shown = (await meta.innerText()).match(/(\d{1,2}:\d{2}(?:\s?[AP]M)?) local time/)?.[1];
    const expected = [0, -60_000, 60_000].map((d) =>
      new Intl.DateTimeFormat('en-US', {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'Asia/Tokyo',
      }).format(new Date(Date.now() + d)),
    );
    assert(
      shown && expected.some((e) => e.replace(/\s/g, ' ') === shown.replace(/\s/g, ' ')),
      `the header says "${shown}", Tokyo is ${expected[0]}`,
    );
    await expectAxeClean(pageC, 'the direct conversation with the local time');
  });

  test('day: a group conversation is shown as a group (names, count, its own icon), not as a person', async ({
    browser,
  }) => {
    // A third person, signed up by the API in a browser of their own.
    const pageE = await newPersonPage(browser);
    await pageE.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    const signedUp = await api(pageE, 'POST', '/api/auth/signup', emil);
    assert(signedUp.status === 201, `signing up Emil answered ${signedUp.status}`);
    await pageE.context().close();
    const meId = (await api(pageC, 'GET', '/api/users/me')).json.id;
    const darioMember = (await api(pageC, 'GET', `/api/channels/${dmId}`)).json.members.find(
      (m: { id: string }) => m.id !== meId,
    );
    const created = await api(pageC, 'POST', '/api/channels', {
      type: 'messaging',
      memberIds: [darioMember.id, signedUp.json.userId],
    });
    assert(created.status === 201, `creating the group answered ${created.status}`);
    assert(created.json.direct === false, 'a group of three is called direct');
    groupId = created.json.id;
    const link = nav(pageC).getByRole('link', { name: /group of 3/ });
    await visible(link, 'the group in the sidebar');
    const linkText = await link.innerText();
    assert(!/online|offline/.test(linkText), `the group shows presence: ${linkText}`);
    assert((await link.locator('.presence-dot').count()) === 0, 'the group has a presence dot');
    assert((await link.locator('.channel-link__group').count()) === 1, 'the group has no group icon');
    await link.click();
    const meta = pageC.locator('.conversation-header__meta');
    await visible(meta, 'the group header');
    assert(/3 members/.test(await meta.innerText()), `the group header: ${await meta.innerText()}`);
    await expectAxeClean(pageC, 'a group conversation');
  });

  test('day: reading in one tab clears the unread count in the other tab', async () => {
    await generalLink(pageC).click();
    const tab = await pageC.context().newPage();
    await tab.goto(`${baseUrl}/#/c/${dmId}`, { waitUntil: 'domcontentloaded' });
    await visible(tab.getByRole('heading', { level: 1, name: dario.fullName }), 'the DM in tab 2');
    // Tab 2 on the welcome screen; tab 1 (pageC) in general. Dario writes in the DM.
    await tab.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    await visible(nav(tab), 'tab 2 signed in');
    const sent = await api(pageD, 'POST', `/api/channels/${dmId}/messages`, {
      text: `Are you there, Carla? ${suffix}`,
      clientMessageId: crypto.randomUUID(),
    });
    assert(sent.status === 201, `posting answered ${sent.status}`);
    await visible(dmLink(tab).filter({ hasText: '1 unread' }), 'tab 2 counts 1 unread');
    await visible(dmLink(pageC).filter({ hasText: '1 unread' }), 'tab 1 counts 1 unread');
    // Carla reads in tab 2, the tab in front (a background tab counts nothing as seen); tab 1 must follow.
    await dmLink(tab).click();
    await visible(tab.locator('article.message', { hasText: 'Are you there, Carla?' }), 'the message');
    await waitForCondition(
      pageC,
      (name) =>
        [...document.querySelectorAll('nav a')].some(
          (a) => a.textContent?.startsWith(name) && !a.textContent.includes('unread'),
        ),
      dario.fullName,
      'tab 1 to clear the unread count after reading in tab 2',
    );
    // Tab 1 is in front again for what follows.
    await tab.close();
  });

  const draftText = `half-written thought ${suffix}`;
  test('day: a draft stays with its conversation across switching and a reload', async () => {
    await dmLink(pageC).click();
    const dmComposer = pageC.getByRole('textbox', { name: `Message ${dario.fullName}` });
    await dmComposer.fill(draftText);
    await generalLink(pageC).click();
    const generalComposer = pageC.getByRole('textbox', { name: 'Message #general' });
    await visible(generalComposer, 'the general composer');
    assert((await generalComposer.inputValue()) === '', 'the DM draft leaked into general');
    await dmLink(pageC).click();
    await waitForCondition(
      pageC,
      (value) => [...document.querySelectorAll('textarea')].some((t) => t.value === value),
      draftText,
      'the draft back in the DM composer',
    );
    await pageC.reload({ waitUntil: 'domcontentloaded' });
    await waitForCondition(
      pageC,
      (value) => [...document.querySelectorAll('textarea')].some((t) => t.value === value),
      draftText,
      'the draft after a reload',
    );
    await dmComposer.fill('');
  });

  test('day: opening a channel with 60 unread shows the first unread, the line and Jump to latest', async () => {
    const general = await defaultChannel(pageC);
    assert(general, 'no default channel in the list');
    await pageC.goto(`${baseUrl}/#/c/${dmId}`);
    for (let i = 1; i <= 60; i++) {
      const r = await api(pageD, 'POST', `/api/channels/${general.id}/messages`, {
        text: `catch-up ${i} of 60 ${suffix}`,
        clientMessageId: crypto.randomUUID(),
      });
      assert(r.status === 201, `posting ${i} answered ${r.status}`);
    }
    await visible(generalLink(pageC).filter({ hasText: '60 unread' }), '60 unread in the sidebar');
    await generalLink(pageC).click();
    await visible(pageC.getByText('New messages', { exact: true }), 'the New messages line');
    await visible(
      pageC.locator('article.message', { hasText: `catch-up 1 of 60 ${suffix}` }),
      'the first unread',
    );
    await visible(pageC.getByRole('button', { name: 'Jump to latest' }), 'Jump to latest');
    await pageC.waitForTimeout(1500);
    const after = await listed(pageC, general.id);
    assert(after.unreadCount > 0, 'every message was marked read without being seen');
    await expectAxeClean(pageC, 'a conversation with the New messages line');
    await pageC.getByRole('button', { name: 'Jump to latest' }).click();
    await visible(pageC.locator('article.message', { hasText: `catch-up 60 of 60 ${suffix}` }), 'the latest');
  });

  test('day: Mark as unread from here moves the read marker back', async () => {
    const general = await defaultChannel(pageC);
    await pageC.waitForTimeout(1500);
    const target = pageC.locator('article.message', { hasText: `catch-up 58 of 60 ${suffix}` });
    await target.hover();
    await target.getByRole('button', { name: 'Mark as unread from here' }).click();
    let now: Json;
    for (let i = 0; i < 30; i++) {
      now = await listed(pageC, general.id);
      if (now.unreadCount >= 3) break;
      await pageC.waitForTimeout(200);
    }
    assert(now.unreadCount >= 3, `unread after Mark as unread: ${now.unreadCount}`);
    await visible(generalLink(pageC).filter({ hasText: 'unread' }), 'the sidebar counts unread again');
  });

  test('day: Escape closes the thread panel', async () => {
    const target = pageC.locator('article.message', { hasText: `catch-up 60 of 60 ${suffix}` });
    await target.hover();
    await target.getByRole('button', { name: 'Reply in thread' }).click();
    const panel = pageC.getByRole('complementary', { name: 'Thread' });
    await visible(panel, 'the thread panel');
    await panel.getByRole('textbox', { name: 'Reply in thread' }).fill(`thread draft ${suffix}`);
    await pageC.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  test('day: on a 390x844 phone the header is one row and the conversation takes 80 %', async () => {
    secondTab = await pageC.context().newPage();
    await secondTab.setViewportSize({ width: 390, height: 844 });
    await secondTab.goto(`${baseUrl}/#/c/${dmId}`);
    await visible(secondTab.getByRole('heading', { level: 1, name: dario.fullName }), 'the DM on the phone');
    const header = await secondTab.getByRole('banner').boundingBox();
    assert(header && header.height <= 64, `the phone header is ${header?.height} px high`);
    // One row: every control in the banner sits on the same line (their tops within a few pixels).
    const tops = await secondTab
      .getByRole('banner')
      .evaluate((b) =>
        [...b.querySelectorAll('button, a, select')]
          .filter((e) => e.getClientRects().length > 0)
          .map((e) => e.getBoundingClientRect().top),
      );
    assert(
      tops.length > 0 && Math.max(...tops) - Math.min(...tops) <= 8,
      `the banner's controls are on more than one row: tops ${tops.join(', ')}`,
    );
    console.log(`    phone header: ${header.height} px high, ${tops.length} controls in one row`);
    const conversation = await secondTab.locator('.conversation').boundingBox();
    assert(
      conversation && conversation.height >= 0.8 * 844,
      `the conversation takes ${conversation?.height} of 844 px`,
    );
    const menu = secondTab.getByRole('banner').getByRole('button', { name: /account, theme and sign out/ });
    await menu.click();
    await visible(secondTab.getByLabel('Theme', { exact: true }), 'the theme in the user menu');
    await visible(secondTab.getByRole('button', { name: 'Sign out', exact: true }), 'Sign out in the menu');
    await expectAxeClean(secondTab, 'the phone header with the user menu open');
    await secondTab.keyboard.press('Escape');
  });

  test('day: on a phone the thread covers the conversation and Back returns to it', async () => {
    const target = secondTab.locator('article.message', { hasText: 'Are you there, Carla?' });
    // A tap on the text shows the message's actions (a tap on the author's name opens their profile card).
    await target.locator('.message__body').click();
    await target.getByRole('button', { name: 'Reply in thread' }).click();
    const panel = secondTab.getByRole('complementary', { name: 'Thread' });
    await visible(panel, 'the thread panel');
    const box = await panel.boundingBox();
    assert(box && box.width >= 389 && box.height >= 843, `the thread covers ${box?.width}x${box?.height}`);
    await expectAxeClean(secondTab, 'the thread on a phone');
    await panel.getByRole('button', { name: 'Back to conversation' }).click();
    await panel.waitFor({ state: 'detached' });
    await visible(secondTab.getByRole('heading', { level: 1, name: dario.fullName }), 'back in the DM');
  });

  // ---- The same day on a 390x844 phone (secondTab, Carla's second tab) ---------------------------------------
  test('day (phone): the composer keeps the field, the paperclip and Send on one row', async () => {
    const box = secondTab.getByRole('textbox', { name: `Message ${dario.fullName}` });
    await box.fill('typing on the phone');
    const field = await box.boundingBox();
    const attach = await secondTab.getByRole('button', { name: 'Attach files' }).first().boundingBox();
    const sendButton = await secondTab.getByRole('button', { name: 'Send', exact: true }).boundingBox();
    assert(field && attach && sendButton, 'a composer control is not shown');
    type Box = NonNullable<typeof field>;
    const overlaps = (a: Box, b: Box) => a.y < b.y + b.height && b.y < a.y + a.height;
    assert(
      overlaps(field, sendButton) && overlaps(field, attach),
      `Send or the paperclip left the field's row: ${JSON.stringify({ field, attach, send: sendButton })}`,
    );
    assert(
      field.x < attach.x && attach.x < sendButton.x && sendButton.x + sendButton.width <= 390,
      `the composer's order or width is wrong: ${JSON.stringify({ field, attach, send: sendButton })}`,
    );
    await box.fill('');
  });

  test("day (phone): the direct conversation shows the person's presence and local time", async () => {
    await secondTab.reload({ waitUntil: 'domcontentloaded' });
    const meta = secondTab.locator('.conversation-header__meta');
    await visible(meta.getByText('Online', { exact: true }), 'Online in the phone header');
    await visible(meta.getByText(/local time$/), 'the local time in the phone header');
    assert(!/members/.test(await meta.innerText()), 'the phone header counts members of a DM');
    await expectAxeClean(secondTab, 'the direct conversation on a phone');
  });

  // ---- The phone's drawer, drafts, catching up, Escape (secondTab at 390x844) -----------------------------------
  // Every phone check starts from a known place (a named conversation open, no dialog, the drawer closed) and
  // closes the drawer it opened, so that one failure cannot leave the drawer or a dialog over the checks after it.
  test('day (phone): the drawer has general, the person with live presence, the group as a group, and unread that follows reading on the desktop', async () => {
    generalId = (await defaultChannel(pageC))?.id;
    assert(generalId, 'no default channel in the list');
    await phoneAt(dmId, dmBox(secondTab), 'the DM');
    await openDrawer();
    await visible(generalLink(secondTab), 'general in the phone drawer');
    const groupLink = nav(secondTab).getByRole('link', { name: /group of 3/ });
    await visible(groupLink, 'the group in the drawer');
    assert(
      (await groupLink.locator('.presence-dot').count()) === 0,
      'the group in the drawer has a presence dot',
    );
    assert(
      /, online/.test((await dmLinkText(secondTab)) ?? ''),
      'the DM link in the drawer does not say online',
    );
    await expectAxeClean(secondTab, 'the channel drawer on a phone');
    // Presence follows: Dario leaves, the drawer says offline; he comes back, it says online.
    const contextD = pageD.context();
    await pageD.close();
    const presenceIs = (state: string) =>
      eventually(
        secondTab,
        ([name, word]) =>
          [...document.querySelectorAll('nav a')].some(
            (a) => a.textContent?.startsWith(name) && a.textContent.includes(`, ${word}`),
          ),
        [dario.fullName, state],
        `the phone drawer to say ${state}`,
      );
    await presenceIs('offline');
    pageD = await contextD.newPage();
    await pageD.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    await visible(nav(pageD), 'Dario signed in again');
    await presenceIs('online');
    // Read state follows: the phone and the desktop show general; Dario writes in the DM; both count it; the
    // desktop reads it; the phone's count clears without a reload.
    await generalLink(secondTab).click();
    await visible(generalBox(secondTab), 'general on the phone');
    await drawerIs(false);
    await pageC.goto(`${baseUrl}/#/c/${generalId}`, { waitUntil: 'domcontentloaded' });
    await visible(generalBox(pageC), 'general on the desktop');
    await postAsDario(dmId, [`Phone check ${suffix}`]);
    await visible(dmLink(pageC).filter({ hasText: '1 unread' }), 'the desktop counts 1 unread');
    await openDrawer();
    await visible(dmLink(secondTab).filter({ hasText: '1 unread' }), 'the phone counts 1 unread');
    await pageC.bringToFront();
    await dmLink(pageC).click();
    await visible(
      pageC.locator('article.message', { hasText: `Phone check ${suffix}` }),
      'the message on the desktop',
    );
    // The server must have taken the desktop's read before the phone can follow: which side failed is then plain.
    let server: Json;
    for (let i = 0; i < 100; i++) {
      server = await listed(pageC, dmId);
      if (server?.unreadCount === 0) break;
      await pageC.waitForTimeout(200);
    }
    assert(
      server?.unreadCount === 0,
      `the server still counts ${server?.unreadCount} unread after the desktop read`,
    );
    try {
      await eventually(
        secondTab,
        (name) => {
          const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent?.startsWith(name));
          return link !== undefined && !link.textContent?.includes('unread');
        },
        dario.fullName,
        'the phone to clear the unread count after reading on the desktop',
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; the phone's link says "${await dmLinkText(secondTab)}"`, {
        cause: error,
      });
    }
    await closeDrawer();
  });

  const phoneDraftText = `phone draft ${suffix}`;
  test('day (phone): a draft stays with its conversation across switching in the drawer and a reload', async () => {
    await phoneAt(generalId, generalBox(secondTab), 'general');
    await openDrawer();
    await dmLink(secondTab).click();
    await drawerIs(false);
    await dmBox(secondTab).fill(phoneDraftText);
    await openDrawer();
    await generalLink(secondTab).click();
    await drawerIs(false);
    await visible(generalBox(secondTab), 'general on the phone');
    assert((await generalBox(secondTab).inputValue()) === '', 'the phone draft leaked into general');
    await openDrawer();
    await dmLink(secondTab).click();
    await drawerIs(false);
    const draftBack = (description: string) =>
      eventually(
        secondTab,
        (value) => [...document.querySelectorAll('textarea')].some((t) => t.value === value),
        phoneDraftText,
        description,
        15_000,
      );
    await draftBack('the draft back in the DM on the phone');
    await secondTab.reload({ waitUntil: 'domcontentloaded' });
    await draftBack('the draft in the DM after a reload on the phone');
    await dmBox(secondTab).fill('');
    // The emptied draft is saved a moment after the last keystroke (lib/drafts.ts removes it).
    await eventually(
      secondTab,
      (value) => !(window.localStorage.getItem('netchat.drafts') ?? '').includes(value),
      phoneDraftText,
      'the emptied draft to leave the browser',
      10_000,
    );
  });

  test('day (phone): opening a channel with 55 unread shows the first unread, the line, Jump to latest and Mark as unread', async () => {
    await phoneAt(dmId, dmBox(secondTab), 'the DM');
    // The desktop stays in the DM: reading general there would clear the phone's count.
    await pageC.goto(`${baseUrl}/#/c/${dmId}`, { waitUntil: 'domcontentloaded' });
    // general starts read to its end (earlier checks marked part of it unread on purpose).
    const before = await listed(secondTab, generalId);
    const read = await api(secondTab, 'POST', `/api/channels/${generalId}/read`, { seq: before.lastSeq });
    assert(read.status === 204 || read.status === 200, `marking general read answered ${read.status}`);
    await eventually(
      secondTab,
      () =>
        ![...document.querySelectorAll('nav a')].some(
          (a) => /^general\b/.test(a.textContent ?? '') && a.textContent?.includes('unread'),
        ),
      undefined,
      'general to count nothing unread on the phone',
      15_000,
    );
    await postAsDario(
      generalId,
      Array.from({ length: 55 }, (_, i) => `phone catch-up ${i + 1} of 55 ${suffix}`),
    );
    await openDrawer();
    await visible(generalLink(secondTab).filter({ hasText: '55 unread' }), '55 unread in the drawer', 30_000);
    // The reads the phone sends for general from here on, to tell which one went too far.
    const opened = Date.now();
    const reads: string[] = [];
    const onRequest = (r: Request) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === `/api/channels/${generalId}/read`) {
        reads.push(`${r.postDataJSON()?.seq} at ${Date.now() - opened} ms`);
      }
    };
    secondTab.on('request', onRequest);
    await generalLink(secondTab).click();
    await drawerIs(false);
    await visible(secondTab.getByText('New messages', { exact: true }), 'the New messages line');
    const first = secondTab.locator('article.message', { hasText: `phone catch-up 1 of 55 ${suffix}` });
    await visible(first, 'the first unread on the phone');
    await visible(secondTab.getByRole('button', { name: 'Jump to latest' }), 'Jump to latest');
    await secondTab.waitForTimeout(1500);
    const after = await listed(secondTab, generalId);
    secondTab.off('request', onRequest);
    const scroller = await secondTab
      .locator('.message-list__scroller')
      .evaluate(
        (e) => `scrollTop ${e.scrollTop}, clientHeight ${e.clientHeight}, scrollHeight ${e.scrollHeight}`,
      );
    assert(
      after.unreadCount > 0,
      `the phone marked every message read without showing it (general's last seq ${after.lastSeq}, the first of the 55 is ${before.lastSeq + 1}; reads posted: ${reads.join(', ') || 'none'}; ${scroller})`,
    );
    await expectAxeClean(secondTab, 'catching up on a phone');
    // Mark as unread from here, on a touch screen: a tap on the message's text offers its actions (a tap on
    // the author's name opens their profile card).
    await first.locator('.message__body').click();
    const markUnread = first.getByRole('button', { name: 'Mark as unread from here' });
    await visible(markUnread, 'Mark as unread on the phone');
    await markUnread.click();
    let now: Json;
    for (let i = 0; i < 50; i++) {
      now = await listed(secondTab, generalId);
      if (now.unreadCount >= 55) break;
      await secondTab.waitForTimeout(200);
    }
    assert(now.unreadCount >= 55, `unread after Mark as unread on the phone: ${now.unreadCount}`);
    await secondTab.getByRole('button', { name: 'Jump to latest' }).click();
    await visible(
      secondTab.locator('article.message', { hasText: `phone catch-up 55 of 55 ${suffix}` }),
      'the latest on the phone',
    );
  });

  test('day (phone): Escape closes the thread that covers the conversation', async () => {
    await phoneAt(dmId, dmBox(secondTab), 'the DM');
    const target = secondTab.locator('article.message', { hasText: 'Are you there, Carla?' });
    // A tap on the text shows the message's actions (a tap on the author's name opens their profile card).
    await target.locator('.message__body').click();
    await target.getByRole('button', { name: 'Reply in thread' }).click();
    const panel = secondTab.getByRole('complementary', { name: 'Thread' });
    await visible(panel, 'the thread on the phone');
    const box = await panel.boundingBox();
    assert(box && box.width >= 389 && box.height >= 843, `the thread covers ${box?.width}x${box?.height}`);
    await panel.getByRole('textbox', { name: 'Reply in thread' }).fill(`phone thread draft ${suffix}`);
    await secondTab.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await visible(dmBox(secondTab), 'the DM again after Escape');
    assert(
      !/\/t\//.test(new URL(secondTab.url()).hash),
      `the address still names the thread: ${secondTab.url()}`,
    );
  });

  test('day: desktop notifications turned on in Settings with the permission granted by the browser', async () => {
    await pageC.context().grantPermissions(['notifications'], { origin: new URL(baseUrl).origin });
    pageN = await pageC.context().newPage();
    await pageN.addInitScript(recordNotifications);
    await pageN.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    await visible(nav(pageN), 'Carla signed in in a third tab');
    assert(
      (await pageN.evaluate(() => Notification.permission)) === 'granted',
      'the browser did not grant notifications',
    );
    await pageN.getByRole('button', { name: 'Profile and settings' }).click();
    const dialog = pageN.getByRole('dialog', { name: 'Profile and settings' });
    const toggle = dialog.getByRole('checkbox', {
      name: 'Desktop notifications while NetChat is in the background',
    });
    await toggle.check();
    await waitForCondition(
      pageN,
      () => window.localStorage.getItem('netchat.desktopNotifications') === 'on',
      undefined,
      'desktop notifications to be on',
    );
    assert(await toggle.isChecked(), 'the toggle is not checked');
    assert((await dialog.getByRole('alert').count()) === 0, 'an alert next to granted notifications');
    await pageN.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await setHidden(pageN, true);
  });

  test('day: notifications at the default level: a DM is titled with the sender, a mention with "in #general", a plain channel message is silent', async () => {
    assert(pageN, 'no third tab');
    const general = await defaultChannel(pageN);
    const plain = `plain news for everyone ${suffix}`;
    const mention = `@${carla.username} can you look at this? ${suffix}`;
    const privately = `a word in private ${suffix}`;
    await post(general.id, plain);
    await post(general.id, mention);
    await post(dmId, privately);
    await waitForNotification(pageN, mention);
    await waitForNotification(pageN, privately);
    const shown = await notified(pageN);
    const dm = shown.find((n) => n.body === privately)!;
    assert(dm.title === dario.fullName, `the DM's notification is titled "${dm.title}"`);
    const mentioned = shown.find((n) => n.body === mention)!;
    assert(
      mentioned.title === `${dario.fullName} in #general`,
      `the mention's notification is titled "${mentioned.title}"`,
    );
    // Posted before the two that arrived, on the same socket: had it notified, it would be here by now.
    assert(!shown.some((n) => n.body === plain), 'a plain channel message notified at the default level');
  });

  test('day: a group notifies by default ("Dario in Dario, Emil"); once muted it does not', async () => {
    assert(pageN, 'no third tab');
    const before = `the group hears this ${suffix}`;
    await post(groupId, before);
    await waitForNotification(pageN, before);
    const title = (await notified(pageN)).find((n) => n.body === before)!.title;
    assert(
      title.startsWith(`${dario.fullName} in `) && title.includes(emil.fullName),
      `the group's notification is titled "${title}"`,
    );
    // Carla mutes the group in its settings (in front for that), then the tab goes back to the background.
    await setHidden(pageN, false);
    await pageN.goto(`${baseUrl}/#/c/${groupId}`);
    await pageN.getByRole('button', { name: 'Channel settings' }).click();
    const dialog = pageN.getByRole('dialog');
    const muted = pageN.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === `/api/channels/${groupId}/notifications` &&
        r.request().method() === 'PUT',
    );
    await dialog.getByRole('checkbox', { name: /^Mute/ }).check();
    assert((await muted).status() === 200, 'muting the group was refused');
    await expectAxeClean(pageN, 'the group settings with the conversation muted');
    await pageN.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await pageN.goto(`${baseUrl}/#/`);
    await setHidden(pageN, true);
    const silent = `the muted group says this ${suffix}`;
    const after = `a DM after the mute ${suffix}`;
    await post(groupId, silent);
    await post(dmId, after);
    await waitForNotification(pageN, after);
    assert(!(await notified(pageN)).some((n) => n.body === silent), 'a muted conversation notified');
    const unmuted = await api(pageN, 'PUT', `/api/channels/${groupId}/notifications`, {
      level: 'default',
      muted: false,
    });
    assert(unmuted.status === 200, `unmuting answered ${unmuted.status}`);
    await pageN.close();
    pageN = undefined;
  });

  test('day: with notifications denied by the browser, Settings says why desktop notifications are off', async ({
    browser,
  }) => {
    const pageE = await newPersonPage(browser);
    // Chromium forgets the permissions a CDP session set when that session ends: it lives as long as the page.
    const browserCdp = await browser.newBrowserCDPSession();
    try {
      await pageE.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
      // The browser itself says no (CDP Browser.setPermission for this context and origin).
      const cdp = await pageE.context().newCDPSession(pageE);
      const { targetInfo } = await cdp.send('Target.getTargetInfo');
      await browserCdp.send('Browser.setPermission', {
        permission: { name: 'notifications' },
        setting: 'denied',
        origin: new URL(baseUrl).origin,
        browserContextId: targetInfo.browserContextId,
      });
      const signedIn = await api(pageE, 'POST', '/api/auth/login', {
        username: emil.username,
        password: emil.password,
      });
      assert(signedIn.status === 200, `signing Emil in answered ${signedIn.status}`);
      await pageE.reload({ waitUntil: 'domcontentloaded' });
      await visible(nav(pageE), 'Emil signed in');
      assert(
        (await pageE.evaluate(() => Notification.permission)) === 'denied',
        'the browser did not deny notifications',
      );
      await pageE.getByRole('button', { name: 'Profile and settings' }).click();
      const dialog = pageE.getByRole('dialog', { name: 'Profile and settings' });
      const why = dialog
        .getByRole('alert')
        .filter({ hasText: 'Desktop notifications are off because this browser blocks them' });
      await visible(why, 'why desktop notifications are off, as soon as Settings open');
      const toggle = dialog.getByRole('checkbox', {
        name: 'Desktop notifications while NetChat is in the background',
      });
      assert(!(await toggle.isChecked()), 'desktop notifications look on although the browser denies them');
      await toggle.click();
      assert(!(await toggle.isChecked()), 'desktop notifications turned on although the browser denies them');
      await visible(why, 'the reason still shown after trying to turn them on');
      await expectAxeClean(pageE, 'Settings with notifications denied by the browser');
    } finally {
      await pageE.context().close();
      await browserCdp.detach().catch(() => {});
    }
  });

  test('day (phone): Settings offers notification levels, do-not-disturb, the time zone and the password change, within 390 px', async () => {
    await phoneAt(dmId, dmBox(secondTab), 'the DM');
    const dialog = await settingsCheck(secondTab, 'phone');
    const box = await dialog.boundingBox();
    assert(
      box && box.x >= 0 && box.x + box.width <= 390,
      `Settings overflow the phone: ${JSON.stringify(box)}`,
    );
    const wide = await secondTab.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= 390, `the page scrolls sideways with Settings open: ${wide} px wide`);
    await secondTab.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  test('day: Settings sets the notification level and changes the password; sign-in then needs the new one', async () => {
    await pageC.bringToFront();
    const dialog = await settingsCheck(pageC, 'desktop');
    const newPassword = `pw-${suffix}-C2-new`;
    await dialog.getByLabel('Current password').fill(carla.password);
    await dialog.getByLabel('New password', { exact: true }).fill(newPassword);
    const confirm = dialog.getByLabel('Confirm new password');
    if ((await confirm.count()) > 0) await confirm.fill(newPassword);
    const changed = pageC.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/users/me/password' && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Change password', exact: true }).click();
    assert((await changed).status() === 204, 'the password change was refused');
    await visible(dialog.getByText(/Password changed/), '"Password changed"');
    const oldRefused = await api(pageD, 'POST', '/api/auth/login', {
      username: carla.username,
      password: carla.password,
    });
    assert(oldRefused.status === 401, `the old password answered ${oldRefused.status}`);
    carla.password = newPassword;
    await pageC.keyboard.press('Escape');
  });

  test('day: signing out leaves no drafts in the browser', async () => {
    await pageC.bringToFront();
    await generalLink(pageC).click();
    await pageC.getByRole('textbox', { name: 'Message #general' }).fill(`left behind ${suffix}`);
    await pageC.waitForTimeout(600);
    const before = await pageC.evaluate(() => window.localStorage.getItem('netchat.drafts') ?? '');
    assert(before.includes('left behind'), 'the draft was not kept');
    await pageC
      .getByRole('banner')
      .getByRole('button', { name: /account, theme and sign out/ })
      .click();
    await pageC.getByRole('button', { name: 'Sign out', exact: true }).click();
    await visible(pageC.getByRole('heading', { level: 1, name: 'Sign in to NetChat' }), 'the sign-in screen');
    const after = await pageC.evaluate(() => window.localStorage.getItem('netchat.drafts') ?? '');
    assert(!after.includes('left behind') && !after.includes(suffix), `drafts after sign-out: ${after}`);
  });

  // Point 10: a refused sign-in says in minutes when to try again. A throwaway account of its own takes the
  // failures: the limits count per username and address and per address (60 from 127.0.0.1 in the test server),
  // so the people above, and the journeys after this one, can still sign in.
  test('day: a refused sign-in says in minutes, not seconds, when to try again (desktop and phone)', async ({
    browser,
  }) => {
    const pageF = await newPersonPage(browser);
    try {
      const faye = person('f', 'Faye', `pw-${suffix}-F1`);
      await pageF.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
      const signedUp = await api(pageF, 'POST', '/api/auth/signup', faye);
      assert(signedUp.status === 201, `signing up Faye answered ${signedUp.status}`);
      const out = await api(pageF, 'POST', '/api/auth/logout');
      assert(out.status === 204, `signing Faye out answered ${out.status}`);
      await pageF.reload({ waitUntil: 'domcontentloaded' });
      await visible(
        pageF.getByRole('heading', { level: 1, name: 'Sign in to NetChat' }),
        'the sign-in screen',
      );
      const attempt = async () => {
        await pageF.getByLabel('Username', { exact: true }).fill(faye.username);
        await pageF.getByLabel('Password', { exact: true }).fill(`${faye.password}-wrong`);
        const [response] = await Promise.all([
          pageF.waitForResponse(
            (r) => new URL(r.url()).pathname === '/api/auth/login' && r.request().method() === 'POST',
          ),
          pageF.getByRole('button', { name: 'Sign in', exact: true }).click(),
        ]);
        return response;
      };
      let response: Response | undefined;
      for (let i = 1; i <= 10; i++) {
        response = await attempt();
        if (response.status() === 429) break;
        assert(response.status() === 401, `wrong password ${i} answered ${response.status()}`);
        await visible(
          pageF.getByRole('alert').filter({ hasText: 'Wrong username or password' }),
          'the wrong-password alert',
        );
      }
      assert(response?.status() === 429, 'ten wrong passwords were never refused');
      const retryAfter = Number(response.headers()['retry-after']);
      assert(retryAfter >= 60, `Retry-After is ${retryAfter} s: too short to say in minutes`);
      const minutes = `try again in ${Math.ceil(retryAfter / 60)} minutes`;
      const alert = pageF.getByRole('alert').filter({ hasText: 'Too many attempts' });
      await visible(alert, 'the too-many-attempts alert');
      const said = await alert.first().innerText();
      assert(said.includes(minutes) && !/second/.test(said), `the alert says "${said}", not "${minutes}"`);
      await expectAxeClean(pageF, 'a refused sign-in');
      // The same on a phone: still refused, said in minutes, and the alert fits the screen.
      await pageF.setViewportSize({ width: 390, height: 844 });
      response = await attempt();
      assert(response.status() === 429, `the attempt on the phone answered ${response.status()}`);
      await visible(alert, 'the too-many-attempts alert on the phone');
      const onPhone = await alert.first().innerText();
      assert(
        onPhone.includes(minutes) && !/second/.test(onPhone),
        `on the phone the alert says "${onPhone}"`,
      );
      const box = await alert.first().boundingBox();
      assert(
        box && box.x >= 0 && box.x + box.width <= 390,
        `the alert overflows the phone: ${JSON.stringify(box)}`,
      );
      await expectAxeClean(pageF, 'a refused sign-in on a phone');
    } finally {
      await pageF.context().close();
    }
  });

  test('no uncaught errors in the pages', () => {
    expectNoUncaughtErrors();
  });
});
