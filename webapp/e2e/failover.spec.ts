/**
 * Two people chatting in real Chromium through the load balancer while the node one of them is connected to dies
 * (issue 14, "Through the load balancer"). LoadBalancerFailoverIT runs it (`npm run e2e:failover`) against
 * config/balancer.sh in front of two full-ha nodes, and kills a node when asked at
 * `POST <E2E_CONTROL_URL>/kill-node` (body: the balancer's name of the node, n1 or n2).
 *
 * Which node serves a socket: the balancer names it in the handshake's answer (X-NetChat-Node, see
 * config/haproxy.cfg); this journey reads it through the DevTools protocol. The IT sets E2E_TIMEOUT_MS to 20 s:
 * the balancer and two busy nodes answer more slowly than one server.
 *
 * Checked: Alice's page reconnects through the balancer to the other node within 10 s of the kill, without a
 * reload; a message she sent the moment the node died (typed before, Enter pressed right after the kill) is in
 * the history exactly once and shown once on both pages; both go on chatting both ways.
 */
import type { Page } from '@playwright/test';
import {
  askRunner,
  assert,
  expectTimeline,
  messageItem,
  newPersonPage,
  person,
  send,
  serverOrder,
  signUpAs,
  suffix,
  test,
  timeout,
  visible,
} from './helpers';

const reconnectLimitMs = 10_000;

type Socket = {
  url?: string;
  createdAt?: number;
  status?: number;
  node?: string;
  openedAt?: number;
  closedAt?: number;
};
type Sockets = { who: string; all: () => Socket[]; current: () => Socket };

/** Every WebSocket of a page, as the browser saw it: when it opened, on which node, when it closed. */
async function watchSockets(p: Page, who: string): Promise<Sockets> {
  const sockets = new Map<string, Socket>();
  const cdp = await p.context().newCDPSession(p);
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
  const all = () => [...sockets.values()];
  return {
    who,
    all,
    /** The one socket open now (fails when there is none or more than one). */
    current() {
      const open = all().filter((s) => s.openedAt && !s.closedAt && s.status === 101);
      assert(open.length === 1, `${who} has ${open.length} open sockets: ${JSON.stringify(all())}`);
      assert(open[0].node, `${who}'s socket handshake carried no X-NetChat-Node header`);
      return open[0];
    },
  };
}

const connectionLostGone = () =>
  ![...document.querySelectorAll('[role="status"]')].some((e) => /Connection lost/.test(e.textContent ?? ''));
const samePage = (p: Page) =>
  p.evaluate(() => (window as unknown as { e2eSamePage?: boolean }).e2eSamePage === true);

test.describe.serial('failover through the load balancer', () => {
  const alice = person('fa', 'Alice', `pw-${suffix}-A1`);
  const bruno = person('fb', 'Bruno', `pw-${suffix}-B1`);
  const channel = `failover-${suffix}`.slice(0, 40);
  const label = `Message #${channel}`;
  const during = `Sent as her node died ${suffix} end`;
  const after = [`After the failover A ${suffix} end`, `After the failover B ${suffix} end`];
  let pageA: Page;
  let pageB: Page;
  let socketsA: Sockets;
  let socketsB: Sockets;
  let channelId = '';

  test.beforeAll(async ({ browser }) => {
    pageA = await newPersonPage(browser);
    pageB = await newPersonPage(browser);
    socketsA = await watchSockets(pageA, 'Alice');
    socketsB = await watchSockets(pageB, 'Bruno');
  });
  test.afterAll(async () => {
    await pageA?.context().close();
    await pageB?.context().close();
  });

  test('two people sign up through the balancer and chat in a channel', async () => {
    await signUpAs(pageA, alice);
    await signUpAs(pageB, bruno);
    await pageA.getByRole('button', { name: 'Create channel', exact: true }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Create a channel' });
    await dialog.getByLabel('Name', { exact: true }).fill(channel);
    await dialog.getByLabel('Find people').fill(suffix);
    await dialog.getByRole('button', { name: `Add ${bruno.fullName}` }).click();
    await dialog.getByRole('button', { name: 'Create channel' }).click();
    await visible(pageA.getByRole('heading', { level: 1, name: `# ${channel}` }), `heading "# ${channel}"`);
    channelId = decodeURIComponent(/#\/c\/([^/]+)/.exec(new URL(pageA.url()).hash)![1]);
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

  test("the node under Alice's socket is killed: her page reconnects through the balancer to the other node within 10 s, without a reload", async () => {
    const before = socketsA.current();
    const brunoSocket = socketsB.current();
    console.log(`    Alice's socket is on node ${before.node}, Bruno's on node ${brunoSocket.node}`);
    for (const p of [pageA, pageB])
      await p.evaluate(() => ((window as unknown as { e2eSamePage: boolean }).e2eSamePage = true));
    // Typed before the kill; Enter as soon as her socket to the dying node closes, before the page reconnects.
    const box = pageA.getByRole('textbox', { name: label });
    await box.fill(during);
    const killAskedAt = Date.now();
    const answered = askRunner('/kill-node', before.node!);
    answered.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    while (!before.closedAt && Date.now() - killAskedAt < 60_000) await new Promise((r) => setTimeout(r, 10));
    const pressedAt = Date.now();
    if (before.closedAt) await box.press('Enter');
    console.log(`    (${await answered})`);
    assert(
      before.closedAt,
      `Alice's socket on node ${before.node} was not closed within 60 s of the kill request`,
    );
    const closedAt = before.closedAt;
    await visible(messageItem(pageA, during), `own message "${during}"`);
    const reopenedBeforeEnter = socketsA
      .all()
      .some((s) => s !== before && s.status === 101 && s.openedAt && s.openedAt <= pressedAt);
    console.log(
      `    Enter pressed ${pressedAt - closedAt} ms after her socket closed, ` +
        (reopenedBeforeEnter ? 'after the page had reconnected' : 'while the page was still reconnecting'),
    );

    let now: Socket | undefined;
    // Measured from the socket's close (the node's death as the page sees it; the runner's kill, which waits
    // for the process to exit, can answer later than that).
    const deadline = closedAt + reconnectLimitMs;
    while (Date.now() < deadline) {
      const open = socketsA.all().filter((s) => s.openedAt && !s.closedAt && s.status === 101);
      if (open.length === 1) {
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
    console.log(
      `    her socket closed ${closedAt - killAskedAt} ms after the kill request and reopened on node ` +
        `${now.node} ${now.openedAt! - closedAt} ms after it closed`,
    );
    // The app itself says it is connected again (no "Connection lost" banner), with no reload.
    await pageA.waitForFunction(connectionLostGone, undefined, {
      timeout: Math.max(1, deadline - Date.now()),
    });
    for (const [p, who] of [
      [pageA, 'Alice'],
      [pageB, 'Bruno'],
    ] as const)
      assert(await samePage(p), `${who}'s page was reloaded`);
    if (brunoSocket.node === before.node) {
      await pageB.waitForFunction(connectionLostGone, undefined, { timeout: reconnectLimitMs });
      assert(socketsB.current().node !== before.node, 'Bruno is still on the killed node');
    }
  });

  test('the message sent as the node died is there exactly once; both go on chatting both ways', async () => {
    await visible(messageItem(pageB, during), "Alice's message from the outage on Bruno's page");
    await send(pageA, label, after[0]);
    await visible(messageItem(pageB, after[0]), "Alice's message after the failover on Bruno's page");
    await send(pageB, label, after[1]);
    await visible(messageItem(pageA, after[1]), "Bruno's message after the failover on Alice's page");
    const order = await serverOrder(pageB, channelId, [during, ...after], timeout);
    assert(order[0] === during, `the message sent during the outage is not first: ${order.join(' | ')}`);
    await expectTimeline(pageA, order, 'Alice', timeout);
    await expectTimeline(pageB, order, 'Bruno', timeout);
    for (const [p, who] of [
      [pageA, 'Alice'],
      [pageB, 'Bruno'],
    ] as const)
      assert(await samePage(p), `${who}'s page was reloaded`);
  });
});
