/**
 * Two people chatting in real time (Alice and Bruno, each in a browser of their own): unread counts, live
 * messages with formatting, edit with Up, reactions, delete, a thread reply, a conversation opened in a new tab,
 * the quick switcher and the message toolbar by keyboard only, a long history that keeps the reader's place,
 * Settings, typing, a direct conversation, browsing and joining a channel, channel settings, one socket per
 * page throughout, the conversation on a 360 px phone, and screenshots for the docs. axe on every new screen.
 * (Going offline and the server restarting under both are in offline-and-resilience.)
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from '@playwright/test';
import {
  assert,
  baseUrl,
  clickAndExpectResponse,
  createChannel,
  expectAxeClean,
  expectNoUncaughtErrors,
  messageItem,
  newPersonPage,
  openChannelId,
  openCreateChannel,
  person,
  postAll,
  send,
  sidebarLink,
  signUpAs,
  suffix,
  test,
  timeout,
  userIdOf,
  visible,
  waitForCondition,
} from './helpers';

const shotDir = fileURLToPath(new URL('../docs-screenshots/', import.meta.url));

type Sockets = { opened: number; open: number; most: number };

/** Counts a page's WebSockets: opened in all, open now, and the most open at once. */
function countSockets(p: Page): Sockets {
  const sockets = { opened: 0, open: 0, most: 0 };
  p.on('websocket', (ws) => {
    sockets.opened += 1;
    sockets.open += 1;
    sockets.most = Math.max(sockets.most, sockets.open);
    ws.on('close', () => (sockets.open -= 1));
  });
  return sockets;
}

/**
 * Opens B's channel `id` (130 messages, `line(i)`) in a fresh window with the given reduced-motion setting:
 * it must open at the latest message, keep the reader's place when the older page loads at the top, and
 * jump back to the latest.
 */
async function keepsThePlaceWhileOlderHistoryLoads(
  browser: Browser,
  pageB: Page,
  id: string,
  line: (i: number) => string,
  reducedMotion: 'reduce' | 'no-preference',
): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    reducedMotion,
  });
  await context.addCookies(await pageB.context().cookies());
  const view = await context.newPage();
  view.setDefaultTimeout(timeout);
  try {
    await view.goto(`${baseUrl}/#/c/${encodeURIComponent(id)}`, { waitUntil: 'domcontentloaded' });
    const scroller = view.locator('.conversation__main .message-list__scroller');
    const latest = messageItem(view, line(130));
    await visible(latest, 'the latest message');
    /** Where an element is, relative to the scroller's top edge (negative: above it, hidden). */
    const offsetInScroller = (locator: Locator) =>
      locator.evaluate((element) => {
        const box = element.closest('.message-list__scroller')!.getBoundingClientRect();
        return element.getBoundingClientRect().top - box.top;
      });
    const scrollerHeight = await scroller.evaluate((element) => element.clientHeight);
    const latestAt = await offsetInScroller(latest);
    assert(
      latestAt >= 0 && latestAt < scrollerHeight,
      `the conversation did not open at the latest message (it is ${latestAt} px from the top of ${scrollerHeight})`,
    );

    // Up to the top of the loaded page: the next older page is asked for, and what was on screen stays put.
    // That page is held back until the place is noted, so that the check sees the list before and after.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = () => {};
    const askedFor = new Promise<void>((resolve) => (asked = resolve));
    const olderPage = (url: URL) =>
      url.pathname === `/api/channels/${id}/messages` && url.searchParams.has('before');
    await view.route(olderPage, async (route) => {
      asked();
      await released;
      await route.continue();
    });
    try {
      await scroller.evaluate((element) => {
        element.scrollTop = 0;
      });
      await Promise.race([
        askedFor,
        view.waitForTimeout(timeout).then(() => {
          throw new Error('scrolling to the top did not ask for older messages');
        }),
      ]);
      // What the reader reads: the text (the message's header goes once it follows an older one by its author).
      const anchor = messageItem(view, line(81)).locator('.markdown__p');
      await visible(anchor, 'the oldest message of the first page');
      const before = await offsetInScroller(anchor);
      release();
      await visible(messageItem(view, line(80)), 'the older page above it');
      await view.waitForTimeout(500);
      const after = await offsetInScroller(anchor);
      assert(
        // Slack of one message header: the message loses its header (name, time) once an older message of
        // the same author comes right before it, so its text may move up by that much, never more.
        Math.abs(after - before) <= 40,
        `the message being read moved by ${after - before} px when older messages were added above it (reduced motion: ${reducedMotion})`,
      );
    } finally {
      release();
      await view.unroute(olderPage);
    }

    // Far from the latest now: the jump button takes the reader back.
    const jump = view.getByRole('button', { name: 'Jump to latest' });
    await visible(jump, 'the jump-to-latest button');
    await jump.click();
    await visible(latest, 'the latest message again');
    await view.waitForTimeout(300);
    const backAt = await offsetInScroller(latest);
    assert(backAt >= 0 && backAt < scrollerHeight, `jumping left the latest message at ${backAt} px`);
  } finally {
    // The window renewed B's session, which spends the refresh cookie: B's own page takes the new one.
    await pageB.context().addCookies(await context.cookies());
    await context.close();
  }
}

test.describe.serial('two people chat', () => {
  const a = person('a', 'Alice');
  const b = person('b', 'Bruno');
  const channel = `team-${suffix}`.slice(0, 40);
  const other = `bside-${suffix}`.slice(0, 40);
  const first = `Hello from Alice ${suffix}`;
  const second = `Second **bold** note ${suffix}`;
  const replyB = `Reply from Bruno ${suffix}`;
  const composerLabel = `Message #${channel}`;
  let pageA: Page;
  let pageB: Page;
  let socketsA: Sockets;
  let socketsB: Sockets;

  test.beforeAll(async ({ browser }) => {
    pageA = await newPersonPage(browser);
    pageB = await newPersonPage(browser);
    socketsA = countSockets(pageA);
    socketsB = countSockets(pageB);
  });
  test.afterAll(async () => {
    await pageA?.context().close();
    await pageB?.context().close();
  });

  test('two people sign up', async () => {
    await signUpAs(pageA, a);
    await signUpAs(pageB, b);
  });

  test('B creates and looks at another channel', async () => {
    await openCreateChannel(pageB);
    await createChannel(pageB, other);
  });

  test('A creates a team channel with B', async () => {
    await openCreateChannel(pageA);
    await expectAxeClean(pageA, 'the create-channel dialog');
    await createChannel(pageA, channel, b.fullName);
  });

  test("A posts; B's unread count rises while B looks at another channel", async () => {
    await send(pageA, composerLabel, first);
    await visible(sidebarLink(pageB, `${channel}.*1 unread message`), "the unread count on B's sidebar");
    const title = await pageB.title();
    assert(/^\(1\) NetChat/.test(title), `B's tab title is "${title}"`);
  });

  test('B opens the channel: the message is there and the unread count clears', async () => {
    await sidebarLink(pageB, channel).click();
    await visible(messageItem(pageB, first), "A's message on B's screen");
    await waitForCondition(
      pageB,
      (name) => {
        const link = [...document.querySelectorAll('nav a')].find((l) => l.textContent?.includes(name));
        return link && !/unread/.test(link.textContent ?? '');
      },
      channel,
      'the unread count to clear',
    );
  });

  test('A posts again and B sees it in real time; B replies', async () => {
    await send(pageA, composerLabel, second);
    await visible(messageItem(pageB, `Second bold note ${suffix}`), "the second message on B's screen");
    assert(
      (await messageItem(pageB, second.replace(/\*/g, '')).locator('strong').count()) === 1,
      'bold is not rendered',
    );
    await send(pageB, composerLabel, replyB);
    await visible(messageItem(pageA, replyB), "B's reply on A's screen");
  });

  test('A edits the last message with Up; B sees the edit', async () => {
    const box = pageA.getByRole('textbox', { name: composerLabel });
    await box.click();
    await pageA.keyboard.press('ArrowUp');
    const editor = pageA.getByRole('textbox', { name: 'Edit message' });
    await visible(editor, 'the edit field');
    await editor.fill(`Second note, edited ${suffix}`);
    await editor.press('Enter');
    await visible(
      messageItem(pageB, `Second note, edited ${suffix}`).getByText('(edited)'),
      '"(edited)" on B\'s screen',
    );
  });

  test("A reacts to B's reply; B sees the reaction", async () => {
    const item = messageItem(pageA, replyB);
    await item.hover();
    await item.getByRole('button', { name: 'Add reaction' }).click();
    await item.getByRole('button', { name: 'React with heart' }).click();
    await visible(
      messageItem(pageB, replyB).getByRole('button', { name: /heart: 1 reaction/ }),
      "the reaction on B's screen",
    );
  });

  test('A takes the reaction back with its button, then gives it again from the picker (axe); B sees both', async () => {
    const onB = messageItem(pageB, replyB).getByRole('button', { name: /heart: \d+ reaction/ });
    await messageItem(pageA, replyB)
      .getByRole('button', { name: /heart: 1 reaction, including yours/ })
      .click();
    await waitForCondition(
      pageB,
      (text) =>
        ![...document.querySelectorAll('.conversation__main article.message')].some(
          (m) => m.textContent?.includes(text) && m.querySelector('button[aria-label^="heart:"]'),
        ),
      replyB,
      "the reaction to go from B's screen",
    );
    assert((await onB.count()) === 0, "the reaction is still on B's screen");
    const item = messageItem(pageA, replyB);
    await item.hover();
    await item.getByRole('button', { name: 'Add reaction' }).click();
    const heart = item.getByRole('button', { name: 'React with heart' });
    await visible(heart, 'the reaction picker');
    await expectAxeClean(pageA, 'the open reaction picker');
    await heart.click();
    await visible(onB, "the reaction back on B's screen");
  });

  test('A deletes the first message after confirming; B sees it deleted', async () => {
    const item = messageItem(pageA, first);
    await item.hover();
    await item.getByRole('button', { name: 'Delete' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Delete message?' });
    await visible(dialog, 'the delete confirmation');
    await expectAxeClean(pageA, 'the delete confirmation');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await visible(pageB.getByText('This message was deleted.'), "the deleted mark on B's screen");
  });

  test('B replies in a thread; A sees the reply count', async () => {
    const item = messageItem(pageB, `Second note, edited ${suffix}`);
    await item.hover();
    await item.getByRole('button', { name: 'Reply in thread' }).click();
    const panel = pageB.getByRole('complementary', { name: 'Thread' });
    await visible(panel, 'the thread panel');
    const box = panel.getByRole('textbox', { name: 'Reply in thread' });
    await box.fill(`In thread ${suffix}`);
    await box.press('Enter');
    await visible(panel.getByText(`In thread ${suffix}`), 'the thread reply');
    await visible(
      messageItem(pageA, `Second note, edited ${suffix}`).getByRole('button', { name: '1 reply' }),
      '"1 reply" on A\'s screen',
    );
  });

  test('axe: thread panel', async () => {
    await expectAxeClean(pageB, 'the thread panel');
  });

  test('axe: conversation', async () => {
    await expectAxeClean(pageA, 'the conversation');
  });

  test('a conversation opened in a new tab asks for its history before the app script arrives, and once', async () => {
    const tab = await pageA.context().newPage();
    try {
      const history: number[] = [];
      tab.on('request', (request) => {
        const url = new URL(request.url());
        if (/^\/api\/channels\/[^/]+\/messages$/.test(url.pathname) && url.search === '?limit=50') {
          history.push(Date.now());
        }
      });
      // The app's script arrives late, as on a phone; session-boot.js must not wait for it.
      let scriptDelivered = Infinity;
      await tab.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        scriptDelivered = Date.now();
        await route.continue();
      });
      await tab.goto(pageA.url(), { waitUntil: 'domcontentloaded' });
      await visible(messageItem(tab, replyB), 'the conversation in the new tab');
      assert(history.length === 1, `the latest page of history was asked for ${history.length} times`);
      assert(history[0] < scriptDelivered, 'the history was asked for only after the app script arrived');
    } finally {
      await tab.close();
    }
  });

  test('keyboard only: Ctrl+K, channel name, Enter opens it; Enter sends', async () => {
    await sidebarLink(pageB, other).click();
    await visible(pageB.getByRole('heading', { level: 1, name: `# ${other}` }), 'the other channel');
    await pageB.keyboard.press('Control+K');
    const dialog = pageB.getByRole('dialog', { name: 'Find a channel or person' });
    await visible(dialog, 'the quick switcher');
    await pageB.keyboard.type(channel);
    await visible(dialog.getByRole('option', { name: new RegExp(channel) }), 'the channel in the switcher');
    await expectAxeClean(pageB, 'the quick switcher');
    await pageB.keyboard.press('Enter');
    await visible(pageB.getByRole('heading', { level: 1, name: `# ${channel}` }), 'the channel opened');
    await waitForCondition(
      pageB,
      () => document.activeElement?.tagName === 'TEXTAREA',
      undefined,
      'focus in the composer',
    );
    await pageB.keyboard.type(`Typed by keyboard ${suffix}`);
    await pageB.keyboard.press('Enter');
    await visible(messageItem(pageA, `Typed by keyboard ${suffix}`), "the keyboard message on A's screen");
  });

  test('keyboard only: Shift+Tab from the composer reaches the last message, Tab its actions; idle rows lay out no toolbar', async () => {
    const item = messageItem(pageB, `Typed by keyboard ${suffix}`);
    // By class: while it is not displayed, the toolbar has no role for getByRole to find.
    const toolbar = item.locator('.message-actions');
    await pageB.mouse.move(0, 0);
    await visible(item, 'the keyboard message');
    const display = () => toolbar.evaluate((element) => getComputedStyle(element).display);
    assert(
      (await display()) === 'none',
      `an idle message's toolbar is laid out (display ${await display()})`,
    );
    await pageB.keyboard.press('Shift+Tab');
    assert(
      await item.evaluate((article) => article === document.activeElement),
      'Shift+Tab from the composer did not focus the last message',
    );
    await visible(item.getByRole('group', { name: 'Message actions' }), 'the toolbar of the focused message');
    await pageB.keyboard.press('Tab');
    const focused = await pageB.evaluate(() => ({
      inToolbar: document.activeElement?.closest('.message-actions') !== null,
      title: document.activeElement?.getAttribute('title'),
    }));
    assert(focused.inToolbar, `Tab went to "${focused.title}", not into the message's toolbar`);
  });

  test('a long history, with and without reduced motion: opens at the latest message, loads older pages at the top keeping the place, jumps back to the latest', async ({
    browser,
  }) => {
    const href = await sidebarLink(pageB, other).getAttribute('href');
    const id = decodeURIComponent(/#\/c\/([^/]+)/.exec(href ?? '')?.[1] ?? '');
    assert(id, `no channel id in the link to ${other}: ${href}`);
    const line = (i: number) => `History ${suffix} line ${i}.`;
    // 130 messages, posted with B's own session (three pages of 50).
    await postAll(
      pageB,
      id,
      Array.from({ length: 130 }, (_, i) => line(i + 1)),
    );
    // A new window opens the channel afresh: it loads the latest page only (B's own page has them all live).
    // Once with and once without reduced motion: a global reduced-motion rule once made the list's height
    // arrive a frame late, and the place was lost by 257 px only for people who ask for less motion.
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      await keepsThePlaceWhileOlderHistoryLoads(browser, pageB, id, line, reducedMotion);
    }
  });

  test('axe: settings dialog; SMS preference saved', async () => {
    await pageA.getByRole('button', { name: 'Profile and settings' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Profile and settings' });
    await visible(dialog.getByLabel('Full name'), 'the settings form');
    await expectAxeClean(pageA, 'the settings dialog');
    await dialog.getByLabel('Direct messages and mentions').check();
    const [response] = await Promise.all([
      pageA.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/users/me' && r.request().method() === 'PATCH',
      ),
      dialog.getByRole('button', { name: 'Save' }).click(),
    ]);
    assert(response.status() === 200, `PATCH /api/users/me answered ${response.status()}`);
    const body = await response.json();
    assert(body.notifications?.sms === 'mentions', `notifications are ${JSON.stringify(body.notifications)}`);
    await pageA.keyboard.press('Escape');
    await waitForCondition(
      pageA,
      () => document.querySelector('[role="dialog"]') === null,
      undefined,
      'the settings dialog to close on Escape',
    );
  });

  test('typing shows on the other screen, both ways, and ends when the message is sent', async () => {
    for (const [writer, reader, who] of [
      [pageA, pageB, a],
      [pageB, pageA, b],
    ] as const) {
      const typed = `${who.fullName.split(' ')[0]} typed this while the other watched ${suffix}`;
      const box = writer.getByRole('textbox', { name: composerLabel });
      await box.fill(typed);
      await visible(
        reader.locator('.conversation__main .typing-line', { hasText: `${who.fullName} is typing` }),
        `"${who.fullName} is typing…" on the other screen`,
      );
      await box.press('Enter');
      await visible(messageItem(reader, typed), 'the typed message on the other screen');
      await waitForCondition(
        reader,
        () =>
          !/is typing/.test(document.querySelector('.conversation__main .typing-line')?.textContent ?? ''),
        undefined,
        'the typing line to end once the message was sent',
      );
    }
  });

  test('B starts a direct conversation with A from New message (axe); A sees it unread and answers', async () => {
    await pageB.getByRole('button', { name: 'New message', exact: true }).click();
    const dialog = pageB.getByRole('dialog', { name: 'New message' });
    await visible(dialog, 'the new-conversation dialog');
    await dialog.getByLabel('Find people').fill(a.fullName);
    await dialog.getByRole('button', { name: `Add ${a.fullName}` }).click();
    await expectAxeClean(pageB, 'the new-conversation dialog with a person chosen');
    await clickAndExpectResponse(
      pageB,
      dialog.getByRole('button', { name: 'Start conversation' }),
      '/api/channels',
      201,
    );
    await visible(pageB.getByRole('heading', { level: 1, name: a.fullName }), `heading "${a.fullName}"`);
    const hello = `Direct hello ${suffix}`;
    const boxB = pageB.locator('.conversation__main').getByRole('textbox', { name: /^Message / });
    await boxB.fill(hello);
    await boxB.press('Enter');
    await visible(messageItem(pageB, hello), 'the direct message on B’s screen');
    await sidebarLink(pageA, `${b.fullName}.*1 unread message`).click();
    await visible(messageItem(pageA, hello), 'the direct message on A’s screen');
    const answer = `Direct answer ${suffix}`;
    const boxA = pageA.locator('.conversation__main').getByRole('textbox', { name: /^Message / });
    await boxA.fill(answer);
    await boxA.press('Enter');
    await visible(messageItem(pageB, answer), 'A’s answer on B’s screen');
  });

  test("A finds B's public channel in Browse channels (axe) and joins it", async () => {
    await pageA.getByRole('button', { name: 'Browse channels', exact: true }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Browse channels' });
    await visible(dialog, 'the browse dialog');
    await dialog.getByLabel('Search public channels').fill(other);
    const join = dialog.getByRole('button', { name: `Join ${other}` });
    await visible(join, `"${other}" among the public channels`);
    await expectAxeClean(pageA, 'the browse dialog');
    await join.click();
    await visible(pageA.getByRole('heading', { level: 1, name: `# ${other}` }), `heading "# ${other}"`);
    await visible(sidebarLink(pageA, other), `"${other}" in A's sidebar`);
  });

  test("B edits the channel's description in its settings (axe) and removes A: A sees both live", async () => {
    await sidebarLink(pageB, other).click();
    await visible(pageB.getByRole('heading', { level: 1, name: `# ${other}` }), `heading "# ${other}"`);
    await pageB.getByRole('button', { name: 'Channel settings' }).click();
    const dialog = pageB.getByRole('dialog', { name: /^Settings of/ });
    await visible(dialog.getByLabel('Description'), 'the channel settings');
    await expectAxeClean(pageB, 'the channel settings');
    const about = `Where Bruno keeps notes ${suffix}`;
    await dialog.getByLabel('Description').fill(about);
    await clickAndExpectResponse(
      pageB,
      dialog.getByRole('button', { name: 'Save changes' }),
      `/api/channels/${openChannelId(pageB)}`,
      200,
      'PATCH',
    );
    await visible(
      pageA.locator('.conversation-header', { hasText: about }),
      "the new description on A's screen",
    );
    await clickAndExpectResponse(
      pageB,
      dialog.getByRole('button', { name: `Remove ${a.fullName} from the channel` }),
      `/api/channels/${openChannelId(pageB)}/members/${await userIdOf(pageA)}`,
      204,
      'DELETE',
    );
    await waitForCondition(
      pageA,
      (name) => ![...document.querySelectorAll('nav a')].some((link) => link.textContent?.includes(name)),
      other,
      `"${other}" to leave A's sidebar`,
    );
    await pageB.keyboard.press('Escape');
  });

  test('one socket for the whole app: every screen and dialog so far shared one connection per page', async () => {
    // Back to the shared channel for the checks that follow.
    await sidebarLink(pageA, channel).click();
    await sidebarLink(pageB, channel).click();
    await visible(pageB.getByRole('textbox', { name: composerLabel }), "B's composer in the shared channel");
    for (const [who, sockets] of [
      ['A', socketsA],
      ['B', socketsB],
    ] as const) {
      assert(
        sockets.open === 1 && sockets.most === 1,
        `${who}'s page has ${sockets.open} sockets open and had up to ${sockets.most} at once (${sockets.opened} opened)`,
      );
    }
  });

  test('phone 360x740: the conversation is usable', async () => {
    await pageA.setViewportSize({ width: 360, height: 740 });
    await send(pageA, composerLabel, `From a phone ${suffix}`);
    const box = await pageA.getByRole('textbox', { name: composerLabel }).boundingBox();
    assert(
      box && box.x >= 0 && box.x + box.width <= 360 && box.y + box.height <= 740,
      `composer is off screen: ${JSON.stringify(box)}`,
    );
    await expectAxeClean(pageA, 'the conversation at 360 px');
  });

  test('screenshots: light and dark, desktop and phone', async () => {
    await mkdir(shotDir, { recursive: true });
    for (const theme of ['light', 'dark']) {
      await pageA.evaluate((value) => {
        window.localStorage.setItem('netchat.theme', value);
        window.dispatchEvent(new StorageEvent('storage', { key: 'netchat.theme' }));
      }, theme);
      await waitForCondition(
        pageA,
        (value) => document.documentElement.dataset.theme === value,
        theme,
        `the ${theme} theme to be in force before its screenshots`,
      );
      await pageA.setViewportSize({ width: 1280, height: 800 });
      await pageA.waitForTimeout(300);
      await pageA.screenshot({ path: `${shotDir}conversation-desktop-${theme}.png` });
      await pageA.setViewportSize({ width: 360, height: 740 });
      await pageA.waitForTimeout(300);
      await pageA.screenshot({ path: `${shotDir}conversation-phone-${theme}.png` });
    }
    await pageA.setViewportSize({ width: 1280, height: 800 });
  });

  test('no uncaught errors in the pages', () => {
    expectNoUncaughtErrors();
  });
});
