/**
 * The chat as people use it all day (issue 16), in real Chromium, for run.mjs: two people (Carla, and Dario on
 * the desktop; Carla again in a second tab and on a 390x844 phone) check the default channel, live presence,
 * read state that follows the reader across tabs, drafts across channel switches and reloads, catching up on
 * unread messages, Mark as unread, Escape and the phone's way back from a thread, a direct conversation that
 * is shown as a person, and the phone header in one row. axe runs on every new screen.
 *
 * run.mjs owns the browser, the results and the helpers; it passes them in (`h`), so that this file adds
 * checks without a second copy of the harness.
 */

/** @param {import('playwright-core').Browser} browser */
export async function chatDayJourney(browser, h) {
  const {
    check,
    visible,
    assert,
    expectAxeClean,
    waitForCondition,
    newPersonPage,
    signUpAs,
    suffix,
    baseUrl,
  } = h;
  const carla = {
    username: `c${suffix}`.slice(0, 32),
    fullName: `Carla ${suffix}`,
    password: `pw-${suffix}-C1`,
  };
  const dario = {
    username: `d${suffix}`.slice(0, 32),
    fullName: `Dario ${suffix}`,
    password: `pw-${suffix}-D1`,
  };
  const pageC = await newPersonPage(browser);
  let pageD = await newPersonPage(browser);
  const nav = (p) => p.getByRole('navigation', { name: 'Channels' });
  const dmLink = (p) => nav(p).getByRole('link', { name: new RegExp(`^${dario.fullName}`) });
  const generalLink = (p) => nav(p).getByRole('link', { name: /^general\b/ });
  const api = (p, method, path, body) =>
    p.evaluate(
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
  const listed = async (p, channelId) =>
    (await api(p, 'GET', '/api/channels')).json.channels.find((c) => c.id === channelId);

  const joined = 'day: a new account is in the default channel "general", not "No channels yet"';
  await check(pageC, joined, async () => {
    await signUpAs(pageC, carla);
    await signUpAs(pageD, dario);
    await visible(generalLink(pageC), 'the general channel in the sidebar');
    assert((await nav(pageC).getByText('No channels yet').count()) === 0, '"No channels yet" is shown');
  });

  let dmId;
  const direct = 'day: a direct conversation shows the person, their presence, and no Add members';
  await check(
    pageC,
    direct,
    async () => {
      await nav(pageC).getByRole('button', { name: 'New message', exact: true }).click();
      const dialog = pageC.getByRole('dialog', { name: 'New message' });
      await dialog.getByLabel('Find people').fill(dario.username);
      await dialog.getByRole('button', { name: `Add ${dario.fullName}` }).click();
      await dialog.getByRole('button', { name: 'Start conversation' }).click();
      await visible(pageC.getByRole('heading', { level: 1, name: dario.fullName }), 'the DM heading');
      dmId = /#\/c\/([^/]+)/.exec(new URL(pageC.url()).hash)[1];
      const meta = pageC.locator('.conversation-header__meta');
      await visible(meta.getByText('Online', { exact: true }), 'the person is online in the header');
      assert(!/members/.test(await meta.innerText()), 'the header counts members of a direct conversation');
      await pageC.getByRole('button', { name: 'Channel settings' }).click();
      const settings = pageC.getByRole('dialog', { name: `Conversation with ${dario.fullName}` });
      await visible(settings, 'the conversation settings dialog');
      assert(
        (await settings.getByRole('group', { name: 'Add members' }).count()) === 0,
        'Add members offered',
      );
      await visible(
        settings.getByRole('button', { name: `Start a group with ${dario.fullName}` }),
        '"Start a group with …"',
      );
      await expectAxeClean(pageC, 'the direct conversation settings');
      await pageC.keyboard.press('Escape');
      await visible(dmLink(pageC), 'the DM in the sidebar');
      assert(
        /, online/.test(await dmLink(pageC).innerText()),
        'the DM link does not say the person is online',
      );
    },
    [joined],
  );

  const presence = 'day: presence in the sidebar follows people signing out and back in';
  await check(
    pageC,
    presence,
    async () => {
      const contextD = pageD.context();
      await pageD.close();
      await waitForCondition(
        pageC,
        (name) =>
          [...document.querySelectorAll('nav a')].some(
            (a) => a.textContent.startsWith(name) && a.textContent.includes(', offline'),
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
            (a) => a.textContent.startsWith(name) && a.textContent.includes(', online'),
          ),
        dario.fullName,
        'the DM link to say online after Dario came back',
      );
    },
    [direct],
  );

  let secondTab;
  const readState = 'day: reading in one tab clears the unread count in the other tab';
  await check(
    pageC,
    readState,
    async () => {
      await generalLink(pageC).click();
      secondTab = await pageC.context().newPage();
      await secondTab.goto(`${baseUrl}/#/c/${dmId}`, { waitUntil: 'domcontentloaded' });
      await visible(secondTab.getByRole('heading', { level: 1, name: dario.fullName }), 'the DM in tab 2');
      // Tab 2 on the welcome screen; tab 1 (pageC) in general. Dario writes in the DM.
      await secondTab.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
      await visible(nav(secondTab), 'tab 2 signed in');
      const sent = await api(pageD, 'POST', `/api/channels/${dmId}/messages`, {
        text: `Are you there, Carla? ${suffix}`,
        clientMessageId: crypto.randomUUID(),
      });
      assert(sent.status === 201, `posting answered ${sent.status}`);
      await visible(dmLink(secondTab).filter({ hasText: '1 unread' }), 'tab 2 counts 1 unread');
      await visible(dmLink(pageC).filter({ hasText: '1 unread' }), 'tab 1 counts 1 unread');
      // Carla reads in tab 2, the tab in front (a background tab counts nothing as seen); tab 1 must follow.
      await dmLink(secondTab).click();
      await visible(
        secondTab.locator('article.message', { hasText: 'Are you there, Carla?' }),
        'the message',
      );
      await waitForCondition(
        pageC,
        (name) =>
          [...document.querySelectorAll('nav a')].some(
            (a) => a.textContent.startsWith(name) && !a.textContent.includes('unread'),
          ),
        dario.fullName,
        'tab 1 to clear the unread count after reading in tab 2',
      );
      // Tab 1 is in front again for what follows.
      await secondTab.close();
      secondTab = undefined;
    },
    [presence],
  );

  const drafts = 'day: a draft stays with its conversation across switching and a reload';
  const draftText = `half-written thought ${suffix}`;
  await check(
    pageC,
    drafts,
    async () => {
      await dmLink(pageC).click();
      const dmBox = pageC.getByRole('textbox', { name: `Message ${dario.fullName}` });
      await dmBox.fill(draftText);
      await generalLink(pageC).click();
      const generalBox = pageC.getByRole('textbox', { name: 'Message #general' });
      await visible(generalBox, 'the general composer');
      assert((await generalBox.inputValue()) === '', 'the DM draft leaked into general');
      await dmLink(pageC).click();
      await waitForCondition(
        pageC,
        (text) => [...document.querySelectorAll('textarea')].some((t) => t.value === text),
        draftText,
        'the draft back in the DM composer',
      );
      await pageC.reload({ waitUntil: 'domcontentloaded' });
      await waitForCondition(
        pageC,
        (text) => [...document.querySelectorAll('textarea')].some((t) => t.value === text),
        draftText,
        'the draft after a reload',
      );
      await dmBox.fill('');
    },
    [readState],
  );

  const catchUp = 'day: opening a channel with 60 unread shows the first unread, the line and Jump to latest';
  await check(
    pageC,
    catchUp,
    async () => {
      const general = (await api(pageC, 'GET', '/api/channels')).json.channels.find((c) => c.default);
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
      await visible(
        pageC.locator('article.message', { hasText: `catch-up 60 of 60 ${suffix}` }),
        'the latest',
      );
    },
    [drafts],
  );

  const unread = 'day: Mark as unread from here moves the read marker back';
  await check(
    pageC,
    unread,
    async () => {
      const general = (await api(pageC, 'GET', '/api/channels')).json.channels.find((c) => c.default);
      await pageC.waitForTimeout(1500);
      const target = pageC.locator('article.message', { hasText: `catch-up 58 of 60 ${suffix}` });
      await target.hover();
      await target.getByRole('button', { name: 'Mark as unread from here' }).click();
      let now;
      for (let i = 0; i < 30; i++) {
        now = await listed(pageC, general.id);
        if (now.unreadCount >= 3) break;
        await pageC.waitForTimeout(200);
      }
      assert(now.unreadCount >= 3, `unread after Mark as unread: ${now.unreadCount}`);
      await visible(generalLink(pageC).filter({ hasText: 'unread' }), 'the sidebar counts unread again');
    },
    [catchUp],
  );

  const escape = 'day: Escape closes the thread panel';
  await check(
    pageC,
    escape,
    async () => {
      const target = pageC.locator('article.message', { hasText: `catch-up 60 of 60 ${suffix}` });
      await target.hover();
      await target.getByRole('button', { name: 'Reply in thread' }).click();
      const panel = pageC.getByRole('complementary', { name: 'Thread' });
      await visible(panel, 'the thread panel');
      await panel.getByRole('textbox', { name: 'Reply in thread' }).fill(`thread draft ${suffix}`);
      await pageC.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    },
    [catchUp],
  );

  const phone = 'day: on a 390x844 phone the header is one row and the conversation takes 80 %';
  await check(
    pageC,
    phone,
    async () => {
      secondTab = await pageC.context().newPage();
      await secondTab.setViewportSize({ width: 390, height: 844 });
      await secondTab.goto(`${baseUrl}/#/c/${dmId}`);
      await visible(
        secondTab.getByRole('heading', { level: 1, name: dario.fullName }),
        'the DM on the phone',
      );
      const header = await secondTab.getByRole('banner').boundingBox();
      assert(header && header.height <= 64, `the phone header is ${header?.height} px high`);
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
    },
    [readState],
  );

  const phoneThread = 'day: on a phone the thread covers the conversation and Back returns to it';
  await check(
    secondTab ?? pageC,
    phoneThread,
    async () => {
      const target = secondTab.locator('article.message', { hasText: 'Are you there, Carla?' });
      await target.click();
      await target.getByRole('button', { name: 'Reply in thread' }).click();
      const panel = secondTab.getByRole('complementary', { name: 'Thread' });
      await visible(panel, 'the thread panel');
      const box = await panel.boundingBox();
      assert(box && box.width >= 389 && box.height >= 843, `the thread covers ${box?.width}x${box?.height}`);
      await expectAxeClean(secondTab, 'the thread on a phone');
      await panel.getByRole('button', { name: 'Back to conversation' }).click();
      await panel.waitFor({ state: 'detached' });
      await visible(secondTab.getByRole('heading', { level: 1, name: dario.fullName }), 'back in the DM');
    },
    [phone],
  );

  const signedOut = 'day: signing out leaves no drafts in the browser';
  await check(
    pageC,
    signedOut,
    async () => {
      await pageC.getByRole('textbox', { name: 'Message #general' }).fill(`left behind ${suffix}`);
      await pageC.waitForTimeout(600);
      const before = await pageC.evaluate(() => window.localStorage.getItem('netchat.drafts') ?? '');
      assert(before.includes('left behind'), 'the draft was not kept');
      await pageC
        .getByRole('banner')
        .getByRole('button', { name: /account, theme and sign out/ })
        .click();
      await pageC.getByRole('button', { name: 'Sign out', exact: true }).click();
      await visible(
        pageC.getByRole('heading', { level: 1, name: 'Sign in to NetChat' }),
        'the sign-in screen',
      );
      const after = await pageC.evaluate(() => window.localStorage.getItem('netchat.drafts') ?? '');
      assert(!after.includes('left behind') && !after.includes(suffix), `drafts after sign-out: ${after}`);
    },
    [drafts],
  );

  await pageC.context().close();
  await pageD.context().close();
}
