/**
 * Search and formatting (issue 19): A writes a quoted, listed message that mentions B and names a word nobody
 * else uses, then 60 more messages, so that the first is two pages back. B sees the formatting and the mention of
 * them highlighted, then, by keyboard only: Ctrl+K, the word, the "Search messages for …" option, the result with
 * the word marked (axe clean), Enter on it: the conversation opens at that message, loaded from older history, on
 * screen and highlighted.
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

test.describe.serial('search', () => {
  const a = person('sa', 'Sana');
  const b = person('sb', 'Sven');
  const channel = `search-${suffix}`.slice(0, 40);
  const word = `zebra${suffix}`.replace(/[^a-z0-9]/gi, '').toLowerCase();
  let pageA: Page;
  let pageB: Page;

  test.beforeAll(async ({ browser }) => {
    pageA = await newPersonPage(browser);
    pageB = await newPersonPage(browser);
  });
  test.afterAll(async () => {
    await pageA?.context().close();
    await pageB?.context().close();
  });

  test('search: A writes a formatted message for B, then sixty more', async () => {
    await signUpAs(pageA, a);
    await signUpAs(pageB, b);
    await openCreateChannel(pageA);
    await createChannel(pageA, channel, b.fullName);
    const channelId = decodeURIComponent(new URL(pageA.url()).hash.split('/')[2]);
    const posted = await pageA.evaluate(
      async ({ channelId, texts }) => {
        let n = 0;
        for (const [i, text] of texts.entries()) {
          for (;;) {
            const r = await fetch(`/api/channels/${channelId}/messages`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ text, clientMessageId: `search-journey-${i}` }),
            });
            // The per-user posting limit: wait as told and send the same message again.
            if (r.status === 429) {
              await new Promise((res) => setTimeout(res, 1000 * Number(r.headers.get('Retry-After') ?? 1)));
              continue;
            }
            if (r.ok) n++;
            break;
          }
        }
        return n;
      },
      {
        channelId,
        texts: [
          `> the plan we agreed\n- ship the ${word} release\n- tell @${b.username}\n~~old idea~~`,
          ...Array.from({ length: 60 }, (_, i) => `filler ${i + 1}`),
        ],
      },
    );
    assert(posted === 61, `posted ${posted} of 61 messages`);
  });

  test('search: B sees the quote, the list, the strikethrough and the mention of them highlighted', async () => {
    await pageB
      .getByRole('navigation', { name: 'Channels' })
      .getByRole('link', { name: new RegExp(channel) })
      .click();
    // B has not read any of the 61 messages, so the conversation opens at the first unread one, which is the
    // formatted message; scroll up in case the screen shows a later place.
    const scroller = pageB.getByRole('region', { name: new RegExp(channel) });
    const quote = pageB.locator('blockquote', { hasText: 'the plan we agreed' });
    for (let i = 0; i < 30 && (await quote.count()) === 0; i++) {
      await scroller.evaluate((el) => el.scrollTo(0, 0));
      await pageB.waitForTimeout(300);
    }
    await visible(quote, 'the quote');
    const item = pageB.locator('article', { has: quote });
    assert((await item.locator('ul > li').count()) === 2, 'the list has two items');
    await visible(item.locator('del', { hasText: 'old idea' }), 'the strikethrough');
    await visible(
      item.locator('.markdown__mention--me', { hasText: `@${b.username}` }),
      'the mention of B, highlighted',
    );
    await expectAxeClean(pageB, 'a conversation with formatted text and a mention');
  });

  test('search: B finds the word by keyboard and opens the result at its message, highlighted', async () => {
    // Somewhere else first, as someone who looks for it later: the conversation then opens afresh at the result.
    await pageB
      .getByRole('navigation', { name: 'Channels' })
      .getByRole('link', { name: /^general/ })
      .click();
    await visible(pageB.getByRole('heading', { level: 1, name: '# general' }), 'the general channel');
    await pageB.keyboard.press('Control+K');
    const box = pageB.getByRole('combobox');
    await box.fill(word);
    const option = pageB.getByRole('option', { name: new RegExp(`Search messages for “${word}”`) });
    await visible(option, 'the search option');
    // No channel or person is named like the word, so the search option is the only one: Enter takes it.
    await box.press('Enter');
    const dialog = pageB.getByRole('dialog', { name: 'Search messages' });
    await visible(dialog, 'the search dialog');
    const result = dialog.getByRole('button', { name: new RegExp(`ship the ${word} release`) });
    await visible(result, 'the result');
    assert(
      (await result.locator('mark').first().textContent())?.toLowerCase() === word,
      'the word is marked',
    );
    await expectAxeClean(pageB, 'the search dialog with a result');
    await result.focus();
    await pageB.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const highlighted = pageB.locator('.message--highlighted', { hasText: `ship the ${word} release` });
    await visible(highlighted, 'the highlighted message');
    await pageB.waitForFunction(
      (el) => {
        const r = el!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      },
      await highlighted.elementHandle(),
      { timeout: 10_000 },
    );
    assert(/\/m\/\d+$/.test(new URL(pageB.url()).hash), `the address names the message: ${pageB.url()}`);
  });

  test('no uncaught errors in the pages', () => {
    expectNoUncaughtErrors();
  });
});
