/**
 * Files (issue 18): A attaches a file by the button (with upload progress) and an image by pasting, and sends
 * them; B sees the image inline, opens it in the viewer and moves through it by keyboard only, and downloads the
 * file; axe on the conversation and on the viewer.
 */
import { stat } from 'node:fs/promises';
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

// A 40x30 PNG (orange), small enough to inline; the server decodes it and makes the thumbnail.
const pngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAKUlEQVR42u3NMQ0AAAgDsPkPnpkMOJr0b3ZyImKxWCwWi8VisVgs/hsXBQ87+lkXKkEAAAAASUVORK5CYII=';

test.describe.serial('files', () => {
  const a = person('fa', 'Fatima');
  const b = person('fb', 'Felix');
  const channel = `files-${suffix}`.slice(0, 40);
  const label = `Message #${channel}`;
  const reportName = `report-${suffix}.bin`;
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

  test('files: two people share a channel', async () => {
    await signUpAs(pageA, a);
    await signUpAs(pageB, b);
    await openCreateChannel(pageA);
    await createChannel(pageA, channel, b.fullName);
  });

  test('files: A attaches a file by the button and sees its upload progress', async () => {
    // Slow the upload down so that its progress can be seen (2 MB at about 1 MB/s).
    const cdp = await pageA.context().newCDPSession(pageA);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    const [chooser] = await Promise.all([
      pageA.waitForEvent('filechooser'),
      pageA.getByRole('button', { name: 'Attach files', exact: true }).click(),
    ]);
    await chooser.setFiles({
      name: reportName,
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(2 * 1024 * 1024, 7),
    });
    const bar = pageA.getByRole('progressbar', { name: `Uploading ${reportName}` });
    await visible(bar, 'the upload progress bar');
    const values = new Set<string>();
    for (let i = 0; i < 20 && (await bar.count()) > 0; i++) {
      const v = await bar.getAttribute('value').catch(() => null);
      if (v !== null) values.add(v);
      await pageA.waitForTimeout(100);
    }
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    assert(values.size >= 2, `the progress bar never moved (values ${[...values].join(', ')})`);
    await pageA.getByRole('progressbar').waitFor({ state: 'detached', timeout: 30_000 });
  });

  test('files: A pastes an image and sends both with a line of text', async () => {
    const box = pageA.getByRole('textbox', { name: label });
    await box.focus();
    await box.evaluate((el, data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
      el.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, pngBase64);
    await visible(
      pageA.getByRole('list', { name: 'Files to send' }).getByText('pasted.png'),
      'the pasted image',
    );
    await pageA.getByRole('progressbar').waitFor({ state: 'detached', timeout: 30_000 });
    await expectAxeClean(pageA, 'the composer with files to send');
    await box.fill(`Files ${suffix}`);
    await box.press('Enter');
    await visible(
      pageA.locator('article.message').getByRole('button', { name: 'Open image pasted.png' }),
      "the image on A's own message",
    );
  });

  test('files: B sees the image inline with its size reserved and the file row', async () => {
    await pageB
      .getByRole('navigation', { name: 'Channels' })
      .getByRole('link', { name: new RegExp(channel) })
      .click();
    const thumb = pageB.getByRole('button', { name: 'Open image pasted.png' }).locator('img');
    await visible(thumb, "the thumbnail on B's screen");
    await pageB.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
      await thumb.elementHandle(),
      { timeout: 15_000 },
    );
    assert((await thumb.getAttribute('width')) === '40', 'the thumbnail has no reserved width');
    await visible(pageB.getByRole('link', { name: `Download ${reportName}` }), 'the file row');
    await expectAxeClean(pageB, 'a conversation with files');
  });

  test('files: B opens the viewer by keyboard only and closes it with Escape', async () => {
    const open = pageB.getByRole('button', { name: 'Open image pasted.png' });
    await open.focus();
    await pageB.keyboard.press('Enter');
    const dialog = pageB.getByRole('dialog', { name: 'Image: pasted.png' });
    await visible(dialog, 'the image viewer');
    await expectAxeClean(pageB, 'the image viewer');
    await pageB.keyboard.press('Tab');
    await pageB.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert(
      await open.evaluate((el) => el === document.activeElement),
      'focus did not return to the thumbnail',
    );
  });

  test('files: B downloads the file', async () => {
    const [download] = await Promise.all([
      pageB.waitForEvent('download'),
      pageB.getByRole('link', { name: `Download ${reportName}` }).click(),
    ]);
    assert(download.suggestedFilename() === reportName, `downloaded as ${download.suggestedFilename()}`);
    const path = await download.path();
    assert((await stat(path)).size === 2 * 1024 * 1024, 'the download is not the whole file');
  });

  test('no uncaught errors in the pages', () => {
    expectNoUncaughtErrors();
  });
});
