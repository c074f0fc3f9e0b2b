/**
 * People (issue 19, point 6): Quentin sets a status in Settings. Paula sees his message in #general, opens his
 * profile card from his name (username, presence, status, "Message"; axe clean), and "Message" opens their direct
 * conversation. Then the People directory (beside New message in the sidebar) finds him by username and opens the
 * same card, by keyboard only. Last, Paula copies the link of his message and the link opens it, highlighted, on
 * his screen; and a link he posts gets its preview card on her screen (axe clean), which he removes by keyboard.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import {
  api,
  assert,
  baseUrl,
  expectAxeClean,
  expectNoUncaughtErrors,
  type Json,
  newPersonPage,
  person,
  signUpAs,
  suffix,
  test,
  visible,
  waitForCondition,
} from './helpers';

test.describe.serial('people', () => {
  const paula = person('pp', 'Paula');
  const quentin = person('pq', 'Quentin');
  const text = `Morning all, ${suffix}`;
  let pageP: Page;
  let pageQ: Page;
  let general: Json;
  const nav = (p: Page) => p.getByRole('navigation', { name: 'Channels' });

  test.beforeAll(async ({ browser }) => {
    pageP = await newPersonPage(browser);
    pageQ = await newPersonPage(browser);
  });
  test.afterAll(async () => {
    await pageP?.context().close();
    await pageQ?.context().close();
  });

  test('people: a name in a message opens the profile card; Message opens the direct conversation', async () => {
    await signUpAs(pageP, paula);
    await signUpAs(pageQ, quentin);
    general = (await api(pageQ, 'GET', '/api/channels')).json.channels.find(
      (c: { name: string }) => c.name === 'general',
    );
    assert(general, 'Quentin is not in #general');
    const posted = await api(pageQ, 'POST', `/api/channels/${general.id}/messages`, {
      text,
      clientMessageId: `people-${suffix}`,
    });
    assert(posted.status === 201 || posted.status === 200, `posting answered ${posted.status}`);
    // Quentin sets a status in Settings: a suggestion, cleared after an hour.
    await pageQ.getByRole('button', { name: 'Profile and settings' }).click();
    const settings = pageQ.getByRole('dialog', { name: 'Profile and settings' });
    await settings.getByRole('button', { name: 'Use "🌴 On vacation"' }).click();
    await settings.getByRole('combobox', { name: 'Clear after' }).selectOption('1h');
    const statusSaved = pageQ.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/users/me/status' && r.request().method() === 'PUT',
    );
    await settings.getByRole('button', { name: 'Set status' }).click();
    assert((await statusSaved).status() === 200, 'setting the status failed');
    await visible(settings.getByText(/^Your status: 🌴 On vacation until /), 'his status in Settings');
    await expectAxeClean(pageQ, 'Settings with a status');
    await pageQ.keyboard.press('Escape');
    // His page sends the browser's time zone once signed in; the card shows his local time from it.
    for (let i = 0; i < 50 && !(await api(pageQ, 'GET', '/api/users/me')).json.timeZone; i++) {
      await pageQ.waitForTimeout(100);
    }
    await nav(pageP)
      .getByRole('link', { name: /^general\b/ })
      .click();
    await visible(pageP.getByText(text, { exact: true }), "Quentin's message");

    await pageP
      .getByRole('button', { name: `${quentin.fullName}: profile`, exact: true })
      .first()
      .click();
    const dialog = pageP.getByRole('dialog', { name: quentin.fullName });
    await visible(dialog.getByText(`@${quentin.username}`, { exact: true }), 'his username on the card');
    await visible(dialog.getByText('Online', { exact: true }), 'that he is online');
    await visible(dialog.getByText(/^🌴 On vacation · until /), 'his status and when it clears');
    await visible(dialog.getByText(/local time$/), 'his local time');
    await expectAxeClean(pageP, 'the profile card');

    await dialog.getByRole('button', { name: 'Message', exact: true }).click();
    await pageP.waitForFunction(() => /^#\/c\/[^/]+$/.test(window.location.hash));
    await dialog.waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    assert((await dialog.count()) === 0, 'the card stayed open');
    const dmId = decodeURIComponent(new URL(pageP.url()).hash.split('/')[2]);
    assert(dmId !== general.id, 'Message left Paula in #general');
    const dm = (await api(pageP, 'GET', `/api/channels/${dmId}`)).json;
    assert(dm.type === 'messaging', `Message opened a ${dm.type} channel`);
    const memberIds = dm.members.map((m: { id: string }) => m.id).sort();
    const expected = [posted.json.user.id, (await api(pageP, 'GET', '/api/users/me')).json.id].sort();
    assert(
      JSON.stringify(memberIds) === JSON.stringify(expected),
      `the conversation's members: ${memberIds}`,
    );
  });

  test('people: the directory finds him by username and opens his card, by keyboard only, axe clean', async () => {
    const people = nav(pageP).getByRole('button', { name: 'People', exact: true });
    await people.focus();
    await pageP.keyboard.press('Enter');
    const directory = pageP.getByRole('dialog', { name: 'People' });
    await visible(directory, 'the People dialog');
    // The search box has the focus when the dialog opens.
    await pageP.keyboard.type(quentin.username);
    const row = directory.getByRole('button', { name: `${quentin.fullName}, @${quentin.username}, online` });
    await visible(row, 'Quentin in the directory, online');
    assert(
      (await directory.getByRole('button', { name: new RegExp(`^${paula.fullName},`) }).count()) === 0,
      'the search for his username also lists Paula',
    );
    await expectAxeClean(pageP, 'the people directory');
    await row.focus();
    await pageP.keyboard.press('Enter');
    const dialog = pageP.getByRole('dialog', { name: quentin.fullName });
    await visible(dialog.getByText(`@${quentin.username}`, { exact: true }), 'his card from the directory');
    await pageP.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    assert((await dialog.count()) === 0, 'Escape did not close the card');
  });

  test('people: Copy link on a message gives an address that opens it, highlighted, for another member', async () => {
    await pageP.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await nav(pageP)
      .getByRole('link', { name: /^general\b/ })
      .click();
    const message = pageP.locator('article.message', { hasText: text });
    await message.hover();
    await message.getByRole('button', { name: 'Copy link', exact: true }).click();
    await visible(message.getByText(/^Link copied\./), 'that the link was copied');
    const link = await pageP.evaluate(() => navigator.clipboard.readText());
    assert(
      new RegExp(`^${baseUrl}/#/c/${encodeURIComponent(general.id)}/m/\\d+$`).test(link),
      `the copied link: ${link}`,
    );
    await pageQ.goto(link);
    await visible(
      pageQ.locator('.message--highlighted', { hasText: text }),
      'the message opened from the link, highlighted',
    );
  });

  // Link previews (issue 19, point 5): a page served from this process, which the test server is allowed to fetch
  // (NETCHAT_PREVIEWS_ALLOWED_ADDRESSES=127.0.0.1); its title, site and picture appear under the message for Paula.
  test('previews: a posted link gets its card (title, site, picture by NetChat) for another member, axe clean; its author removes it by keyboard', async () => {
    const pixel = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const title = `Preview page ${suffix}`;
    const origin = createServer((req, res) => {
      if (req.url?.startsWith('/picture')) {
        res.writeHead(200, { 'Content-Type': 'image/png' }).end(pixel);
      } else {
        res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end(
            `<title>${title}</title><meta property="og:site_name" content="Journey Site">` +
              '<meta name="description" content="A page for the journey"><meta property="og:image" content="/picture.png">',
          );
      }
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    try {
      const pageUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/article-${suffix}`;
      const posted = await api(pageQ, 'POST', `/api/channels/${general.id}/messages`, {
        text: `Worth reading: ${pageUrl}`,
        clientMessageId: `preview-${suffix}`,
      });
      assert(posted.status === 201, `posting the link answered ${posted.status}`);
      const messageP = pageP.locator('article.message', { hasText: 'Worth reading:' });
      const titleLink = messageP.getByRole('link', { name: `${title} (opens in a new tab)`, exact: true });
      await visible(titleLink, 'the link preview card for Paula', 20000);
      assert((await titleLink.getAttribute('target')) === '_blank', 'the title does not open a new tab');
      assert(
        (await titleLink.getAttribute('rel')) === 'noopener noreferrer',
        'the title link keeps an opener',
      );
      await visible(messageP.getByText('Journey Site', { exact: true }), 'the site name');
      const image = messageP.locator('.link-preview img');
      const src = await image.getAttribute('src');
      assert(src?.startsWith('/api/messages/'), `the picture comes from elsewhere: ${src}`);
      await waitForCondition(
        pageP,
        (el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0,
        await image.elementHandle(),
        'the picture, served by NetChat',
      );
      const box = await image.boundingBox();
      assert(
        box && Math.round(box.width) === 80 && Math.round(box.height) === 80,
        `picture box ${JSON.stringify(box)}`,
      );
      assert(
        (await messageP.getByRole('button', { name: `Remove preview: ${title}` }).count()) === 0,
        'Paula may remove the preview of a message that is not hers',
      );
      await titleLink.focus();
      assert(
        await titleLink.evaluate((el) => el === document.activeElement),
        'the title link takes no focus',
      );
      await expectAxeClean(pageP, 'a message with a link preview');

      // Quentin, its author, removes it with the keyboard; it goes for Paula too.
      const messageQ = pageQ.locator('article.message', { hasText: 'Worth reading:' });
      const remove = messageQ.getByRole('button', { name: `Remove preview: ${title}`, exact: true });
      await visible(remove, 'the author’s Remove preview button', 20000);
      await remove.focus();
      await pageQ.keyboard.press('Enter');
      await titleLink.waitFor({ state: 'detached', timeout: 10000 });
    } finally {
      origin.close();
    }
  });

  test('no uncaught errors in the pages', () => {
    expectNoUncaughtErrors();
  });
});
