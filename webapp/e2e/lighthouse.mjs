#!/usr/bin/env node
/**
 * Lighthouse (performance and accessibility) of the sign-in page and of an open conversation, against a
 * running NetChat server. Run by hand, not in CI; see docs/PERFORMANCE.md, "Web client (Lighthouse)".
 *
 *   npm i --prefix /tmp/lh lighthouse@12.8.2
 *   BASE_URL=http://localhost:8080 LIGHTHOUSE_DIR=/tmp/lh node e2e/lighthouse.mjs
 *
 * Environment: BASE_URL (default http://localhost:8080), LIGHTHOUSE_DIR (where lighthouse is installed,
 * default /tmp/lh), CHROME_PATH (default /usr/bin/chromium), PRESETS (default "desktop,mobile"),
 * RUNS (per page and preset, default 1; the median by performance is reported), OUT (a folder for the JSON
 * reports, default none), PAGES (default "sign-in,conversation"), CPU_SLOWDOWN (replaces the preset's CPU
 * slowdown, 4 on mobile: 8 stands for a phone, or a measuring machine, half as fast).
 *
 * The conversation: a new account signs up through the API, creates a channel and posts 60 messages; its
 * session cookies go into the browser before Lighthouse loads #/c/<channel>, so the page opens signed in, as a
 * returning user's does. Lighthouse's storage reset clears caches and storage, not cookies.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const baseUrl = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
const lhDir = process.env.LIGHTHOUSE_DIR || '/tmp/lh';
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const presets = (process.env.PRESETS || 'desktop,mobile').split(',').map((p) => p.trim());
const runs = Number(process.env.RUNS || 1);
const outDir = process.env.OUT || '';
const cpuSlowdown = Number(process.env.CPU_SLOWDOWN || 0);
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const requireFromLh = createRequire(join(lhDir, 'package.json'));
const load = async (name) => import(pathToFileURL(requireFromLh.resolve(name)).href);
const { default: lighthouse, desktopConfig } = await load('lighthouse');
const chromeLauncher = await load('chrome-launcher');
// Node 20 has no WebSocket of its own; lighthouse brings ws.
const WebSocket = globalThis.WebSocket ?? (await load('ws')).default;

/** Signs up a new account with a channel of 60 messages; answers the cookies and the conversation's URL. */
async function seedConversation() {
  const suffix = Date.now().toString(36);
  const headers = { 'Content-Type': 'application/json', Origin: baseUrl };
  const signup = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      fullName: `Lighthouse ${suffix}`,
      username: `lh${suffix}`,
      password: `pw-${suffix}-Lh1`,
    }),
  });
  if (signup.status !== 201) throw new Error(`signup answered ${signup.status}: ${await signup.text()}`);
  const { token } = await signup.json();
  const cookies = signup.headers.getSetCookie().map((raw) => {
    const [pair, ...attributes] = raw.split(';').map((s) => s.trim());
    const [name, ...value] = pair.split('=');
    const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
    return { name, value: value.join('='), path };
  });
  const auth = { ...headers, Authorization: `Bearer ${token}` };
  const created = await fetch(`${baseUrl}/api/channels`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ type: 'team', name: `lighthouse-${suffix}`, memberIds: [] }),
  });
  if (created.status !== 201) throw new Error(`create channel answered ${created.status}`);
  const channel = await created.json();
  for (let i = 1; i <= 60; i++) {
    const text =
      i % 7 === 0
        ? `Message ${i} with **bold**, \`code\` and a link https://example.org/${i}`
        : `Message ${i}: the quick brown fox jumps over the lazy dog.`;
    const r = await fetch(`${baseUrl}/api/channels/${channel.id}/messages`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text, clientMessageId: `lh-${suffix}-${i}` }),
    });
    if (r.status !== 201) throw new Error(`post answered ${r.status}`);
  }
  return { cookies, url: `${baseUrl}/#/c/${encodeURIComponent(channel.id)}` };
}

/** Puts cookies into the browser on `port` through the DevTools protocol. */
async function setCookies(port, cookies) {
  const { webSocketDebuggerUrl } = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
  const socket = new WebSocket(webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  const done = new Promise((resolve, reject) => {
    socket.onmessage = (event) => {
      const reply = JSON.parse(event.data);
      if (reply.id !== 1) return;
      if (reply.error) reject(new Error(JSON.stringify(reply.error)));
      else resolve();
    };
  });
  socket.send(
    JSON.stringify({
      id: 1,
      method: 'Storage.setCookies',
      params: { cookies: cookies.map((c) => ({ ...c, url: baseUrl, path: c.path })) },
    }),
  );
  await done;
  socket.close();
}

async function measure(url, preset, cookies) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
  try {
    if (cookies) await setCookies(chrome.port, cookies);
    const flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      // Lighthouse merges this into the preset's throttling: a slower phone than the preset's (see the header).
      ...(cpuSlowdown ? { throttling: { cpuSlowdownMultiplier: cpuSlowdown } } : {}),
    };
    const config = preset === 'desktop' ? desktopConfig : undefined;
    const { lhr } = await lighthouse(url, flags, config);
    return lhr;
  } finally {
    await chrome.kill();
  }
}

function summary(lhr) {
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const ms = (id) => Math.round(lhr.audits[id]?.numericValue ?? 0);
  const lcpElement =
    lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcpMs: ms('first-contentful-paint'),
    lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
    lcpElement: lcpElement ?? null,
    cpuSlowdown: lhr.configSettings.throttling?.cpuSlowdownMultiplier,
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? 0),
    finalUrl: lhr.finalDisplayedUrl,
  };
}

const allPages = [
  { name: 'sign-in', prepare: async () => ({ url: `${baseUrl}/`, cookies: null }) },
  // Each run seeds its own: the client renews its session on load, which spends the refresh cookie.
  { name: 'conversation', prepare: seedConversation },
];
const wanted = (process.env.PAGES || 'sign-in,conversation').split(',').map((p) => p.trim());
const pages = allPages.filter((p) => wanted.includes(p.name));
if (outDir) await mkdir(outDir, { recursive: true });
let failed = false;
for (const page of pages) {
  for (const preset of presets) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const { url, cookies } = await page.prepare();
      const lhr = await measure(url, preset, cookies);
      if (outDir) await writeFile(join(outDir, `${page.name}-${preset}-${i + 1}.json`), JSON.stringify(lhr));
      results.push(summary(lhr));
    }
    results.sort((x, y) => x.performance - y.performance);
    const median = results[Math.floor(results.length / 2)];
    const all = results.map((r) => r.performance).join('/');
    console.log(`${page.name} ${preset}: ${JSON.stringify(median)} (performance of each run: ${all})`);
    if (median.performance < 95 || median.accessibility < 95) failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
