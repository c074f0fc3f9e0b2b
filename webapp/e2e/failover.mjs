#!/usr/bin/env node
/**
 * Two people chatting in real Chromium through the load balancer while the node one of them is connected to
 * dies (issue 14, "Through the load balancer"). LoadBalancerFailoverIT runs it against config/balancer.sh in
 * front of two full-ha nodes:
 *
 *   BASE_URL=http://localhost:8080 node e2e/failover.mjs
 *
 * Which node serves a socket: the balancer names it in the handshake's answer (X-NetChat-Node, see
 * config/haproxy.cfg); this script reads it through the DevTools protocol.
 *
 * Kill handshake: the script prints `KILL-NODE <name>` (the balancer's name of the node under Alice's socket)
 * and waits for one line on stdin: `NODE-KILLED` once that node was killed with SIGKILL, or
 * `NODE-KILL-FAILED <reason>`. Exits 1 when a check fails; the last line is "N passed, M failed".
 *
 * Checked: Alice's page reconnects through the balancer to the other node within 10 s of the kill, without a
 * reload; a message she sent the moment the node died (typed before, Enter pressed right after the kill) is in
 * the history exactly once and shown once on both pages; both go on chatting both ways.
 */
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const baseUrl = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const timeout = Number(process.env.E2E_TIMEOUT_MS || 20_000);
const reconnectLimitMs = 10_000;
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
const suffix = Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
const results = [];

function log(line) {
  process.stdout.write(`${line}\n`);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function check(name, fn) {
  if (results.some((r) => r.status !== 'passed')) {
    results.push({ name, status: 'skipped' });
    log(`SKIP ${name} (an earlier check failed)`);
    return;
  }
  const started = Date.now();
  try {
    await fn();
    results.push({ name, status: 'passed' });
    log(`PASS ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, status: 'failed' });
    log(`FAIL ${name} (${Date.now() - started} ms)\n    ${error instanceof Error ? error.message : error}`);
  }
}

async function visible(locator, description, within = timeout) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: within });
  } catch {
    throw new Error(`timed out waiting for ${description} to be visible`);
  }
}

/** Every WebSocket of a page, as the browser saw it: when it opened, on which node, when it closed. */
async function watchSockets(page, who) {
  const sockets = new Map();
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.webSocketCreated', ({ requestId, url }) =>
    sockets.set(requestId, { url, createdAt: Date.now() }),
  );
  cdp.on('Network.webSocketHandshakeResponseReceived', ({ requestId, response }) => {
    const s = sockets.get(requestId) ?? {};
    const header = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === 'x-netchat-node');
    Object.assign(s, { status: response.status, node: header ? header[1] : undefined, openedAt: Date.now() });
    sockets.set(requestId, s);
  });
  cdp.on('Network.webSocketClosed', ({ requestId }) => {
    const s = sockets.get(requestId);
    if (s) s.closedAt = Date.now();
  });
  await cdp.send('Network.enable');
  return {
    who,
    all: () => [...sockets.values()],
    /** The one socket open now (fails when there is none or more than one). */
    current() {
      const open = [...sockets.values()].filter((s) => s.openedAt && !s.closedAt && s.status === 101);
      assert(open.length === 1, `${who} has ${open.length} open sockets: ${JSON.stringify(this.all())}`);
      assert(open[0].node, `${who}'s socket handshake carried no X-NetChat-Node header`);
      return open[0];
    },
  };
}

async function newPersonPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  return page;
}

async function signUp(page, who) {
  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Create an account', exact: true }).click();
  await page.getByLabel('Full name', { exact: true }).fill(who.fullName);
  await page.getByLabel('Username', { exact: true }).fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/signup'),
    page.getByRole('button', { name: 'Create account', exact: true }).click(),
  ]);
  assert(response.status() === 201, `sign-up of ${who.username} answered ${response.status()}`);
  await visible(page.getByRole('navigation', { name: 'Channels' }), 'nav "Channels"');
}

function messageItem(page, textPart) {
  return page.locator('.conversation__main article.message', { hasText: textPart });
}

async function send(page, label, text) {
  const box = page.getByRole('textbox', { name: label });
  await box.fill(text);
  await box.press('Enter');
  await visible(messageItem(page, text), `own message "${text}"`);
}

/** The server's history (read with the page's own session) holds each text exactly once; answers its order. */
async function serverOrder(page, channelId, texts) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    const found = await page.evaluate(
      async ({ id, wanted }) => {
        const r = await fetch(`/api/channels/${encodeURIComponent(id)}/messages?limit=200`);
        if (!r.ok) return { error: `GET messages answered ${r.status}` };
        const { messages } = await r.json();
        return { texts: messages.map((m) => m.text).filter((t) => wanted.includes(t)) };
      },
      { id: channelId, wanted: texts },
    );
    if (found.texts) {
      const twice = found.texts.filter((t, i) => found.texts.indexOf(t) !== i);
      assert(twice.length === 0, `the server's history has these more than once: ${twice.join(' | ')}`);
      if (found.texts.length === texts.length) return found.texts;
      last = `has ${found.texts.length} of ${texts.length}`;
    } else {
      last = found.error;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the server's history never held every message (${last})`);
}

/** Each text in exactly one row of the page's timeline, none pending, in the given order. */
async function expectTimeline(page, texts, who) {
  const state = () =>
    page.evaluate((wanted) => {
      const rows = [...document.querySelectorAll('.conversation__main article.message')];
      return wanted.map((w) => {
        const matching = rows.filter((r) => r.textContent.includes(w));
        return {
          count: matching.length,
          pending: matching.some((r) => r.classList.contains('message--pending')),
          index: rows.indexOf(matching[0]),
        };
      });
    }, texts);
  const deadline = Date.now() + timeout;
  let seen = [];
  while (Date.now() < deadline) {
    seen = await state();
    assert(
      seen.every((x) => x.count <= 1),
      `${who} shows a message twice: ${texts.filter((_, i) => seen[i].count > 1).join(' | ')}`,
    );
    if (seen.every((x) => x.count === 1 && !x.pending)) break;
    await page.waitForTimeout(200);
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

let stdinLines;
function nextStdinLine() {
  if (!stdinLines) {
    const reader = createInterface({ input: process.stdin });
    const queue = [];
    const waiting = [];
    reader.on('line', (line) => (waiting.length ? waiting.shift()(line) : queue.push(line)));
    reader.on('close', () =>
      waiting.splice(0).forEach((resolve) => resolve('NODE-KILL-FAILED stdin closed')),
    );
    stdinLines = { queue, waiting, reader };
  }
  const { queue, waiting } = stdinLines;
  return queue.length ? Promise.resolve(queue.shift()) : new Promise((r) => waiting.push(r));
}

async function main() {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const alice = {
      username: `fa${suffix}`.slice(0, 32),
      fullName: `Alice ${suffix}`,
      password: `pw-${suffix}-A1`,
    };
    const bruno = {
      username: `fb${suffix}`.slice(0, 32),
      fullName: `Bruno ${suffix}`,
      password: `pw-${suffix}-B1`,
    };
    const channel = `failover-${suffix}`.slice(0, 40);
    const label = `Message #${channel}`;
    const pageA = await newPersonPage(browser);
    const pageB = await newPersonPage(browser);
    const socketsA = await watchSockets(pageA, 'Alice');
    const socketsB = await watchSockets(pageB, 'Bruno');
    let channelId;

    await check('two people sign up through the balancer and chat in a channel', async () => {
      await signUp(pageA, alice);
      await signUp(pageB, bruno);
      await pageA.getByRole('button', { name: 'Create channel', exact: true }).click();
      const dialog = pageA.getByRole('dialog', { name: 'Create a channel' });
      await dialog.getByLabel('Name', { exact: true }).fill(channel);
      await dialog.getByLabel('Find people').fill(suffix);
      await dialog.getByRole('button', { name: `Add ${bruno.fullName}` }).click();
      await dialog.getByRole('button', { name: 'Create channel' }).click();
      await visible(pageA.getByRole('heading', { level: 1, name: `# ${channel}` }), `heading "# ${channel}"`);
      channelId = decodeURIComponent(/#\/c\/([^/]+)/.exec(new URL(pageA.url()).hash)[1]);
      const link = pageB
        .getByRole('navigation', { name: 'Channels' })
        .getByRole('link', { name: new RegExp(channel) });
      await visible(link, `the new channel in Bruno's sidebar`);
      await link.first().click();
      await visible(
        pageB.getByRole('heading', { level: 1, name: `# ${channel}` }),
        `Bruno's heading "# ${channel}"`,
      );
      await send(pageA, label, `Hello Bruno ${suffix}`);
      await visible(messageItem(pageB, `Hello Bruno ${suffix}`), "Alice's message on Bruno's page");
      await send(pageB, label, `Hello Alice ${suffix}`);
      await visible(messageItem(pageA, `Hello Alice ${suffix}`), "Bruno's message on Alice's page");
    });

    const during = `Sent as her node died ${suffix} end`;
    const after = [`After the failover A ${suffix} end`, `After the failover B ${suffix} end`];
    await check(
      "the node under Alice's socket is killed: her page reconnects through the balancer to the other node within 10 s, without a reload",
      async () => {
        const before = socketsA.current();
        const brunoSocket = socketsB.current();
        log(`    Alice's socket is on node ${before.node}, Bruno's on node ${brunoSocket.node}`);
        for (const p of [pageA, pageB]) await p.evaluate(() => (window.e2eSamePage = true));
        // Typed before the kill; Enter as soon as her socket to the dying node closes, before the page reconnects.
        const box = pageA.getByRole('textbox', { name: label });
        await box.fill(during);
        const killAskedAt = Date.now();
        log(`KILL-NODE ${before.node}`);
        const answered = nextStdinLine();
        while (!before.closedAt && Date.now() - killAskedAt < 60_000)
          await new Promise((r) => setTimeout(r, 10));
        const pressedAt = Date.now();
        if (before.closedAt) await box.press('Enter');
        const answer = (await answered).trim();
        assert(
          answer === 'NODE-KILLED',
          `asked to kill node ${before.node}, the runner answered "${answer}"`,
        );
        assert(
          before.closedAt,
          `Alice's socket on node ${before.node} was not closed within 60 s of the kill request`,
        );
        await visible(messageItem(pageA, during), `own message "${during}"`);
        const reopenedBeforeEnter = socketsA
          .all()
          .some((s) => s !== before && s.status === 101 && s.openedAt && s.openedAt <= pressedAt);
        log(
          `    Enter pressed ${pressedAt - before.closedAt} ms after her socket closed, ` +
            (reopenedBeforeEnter
              ? 'after the page had reconnected'
              : 'while the page was still reconnecting'),
        );

        let now;
        // Measured from the socket's close (the node's death as the page sees it; the runner's kill, which waits
        // for the process to exit, can answer later than that).
        const deadline = before.closedAt + reconnectLimitMs;
        while (Date.now() < deadline) {
          const open = socketsA.all().filter((s) => s.openedAt && !s.closedAt && s.status === 101);
          if (before.closedAt && open.length === 1) {
            now = open[0];
            break;
          }
          await pageA.waitForTimeout(50);
        }
        assert(
          now,
          `Alice's page had no open socket again 10 s after the kill: ${JSON.stringify(socketsA.all())}`,
        );
        assert(now.node !== before.node, `Alice reconnected to the killed node ${now.node}`);
        log(
          `    her socket closed ${before.closedAt - killAskedAt} ms after the kill request and reopened on node ` +
            `${now.node} ${now.openedAt - before.closedAt} ms after it closed`,
        );
        // The app itself says it is connected again (no "Connection lost" banner), with no reload.
        await pageA.waitForFunction(
          () =>
            ![...document.querySelectorAll('[role="status"]')].some((e) =>
              /Connection lost/.test(e.textContent),
            ),
          undefined,
          { timeout: Math.max(1, deadline - Date.now()) },
        );
        for (const [p, who] of [
          [pageA, 'Alice'],
          [pageB, 'Bruno'],
        ])
          assert(await p.evaluate(() => window.e2eSamePage === true), `${who}'s page was reloaded`);
        if (brunoSocket.node === before.node) {
          await pageB.waitForFunction(
            () =>
              ![...document.querySelectorAll('[role="status"]')].some((e) =>
                /Connection lost/.test(e.textContent),
              ),
            undefined,
            { timeout: reconnectLimitMs },
          );
          assert(socketsB.current().node !== before.node, 'Bruno is still on the killed node');
        }
      },
    );

    await check(
      'the message sent as the node died is there exactly once; both go on chatting both ways',
      async () => {
        await visible(messageItem(pageB, during), "Alice's message from the outage on Bruno's page");
        await send(pageA, label, after[0]);
        await visible(messageItem(pageB, after[0]), "Alice's message after the failover on Bruno's page");
        await send(pageB, label, after[1]);
        await visible(messageItem(pageA, after[1]), "Bruno's message after the failover on Alice's page");
        const order = await serverOrder(pageB, channelId, [during, ...after]);
        assert(order[0] === during, `the message sent during the outage is not first: ${order.join(' | ')}`);
        await expectTimeline(pageA, order, 'Alice');
        await expectTimeline(pageB, order, 'Bruno');
        for (const [p, who] of [
          [pageA, 'Alice'],
          [pageB, 'Bruno'],
        ])
          assert(await p.evaluate(() => window.e2eSamePage === true), `${who}'s page was reloaded`);
      },
    );
  } finally {
    stdinLines?.reader.close();
    await browser.close();
  }
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.length - passed;
  log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed === 3 ? 0 : 1;
}

const watchdog = setTimeout(() => {
  log('failover.mjs: stopped after 4 minutes');
  process.exit(1);
}, 240_000);
watchdog.unref();
main().catch((error) => {
  log(`FAIL ${error instanceof Error ? error.stack : error}`);
  log('0 passed, 1 failed');
  process.exitCode = 1;
});
