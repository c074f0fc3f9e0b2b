#!/usr/bin/env node
/**
 * Fails the build when the JavaScript a browser must download before NetChat can start is over budget.
 *
 * "Initial" is what dist/index.html loads up front (its scripts and module preloads) plus every module those
 * import statically, followed through the chunks themselves; chunks reached only by import() (dialogs, the
 * thread panel, the admin page) load later and do not count. Each file is measured gzipped, as the server
 * sends it. `npm run build` runs this after Vite, so the Maven build fails too.
 *
 *   node scripts/check-initial-js.mjs [distDir]     (default: dist; INITIAL_JS_BUDGET_BYTES overrides the budget)
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Issue 4: initial JavaScript at most 150 KB gzipped. */
const budgetBytes = Number(process.env.INITIAL_JS_BUDGET_BYTES || 150_000);
const dist = resolve(process.argv[2] || join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));

const html = readFileSync(join(dist, 'index.html'), 'utf8');
/** Site paths (/assets/x.js) of the scripts and module preloads in the page. */
const fromPage = [
  ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g)].map((m) => m[1]),
];
if (fromPage.length === 0) fail(`no script found in ${join(dist, 'index.html')}`);

// Static imports and re-exports: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
// A dynamic `import("./x.js")` does not match: a parenthesis may not stand between the keyword and the path.
const staticImport = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

const sizes = new Map();
const pending = [...fromPage];
while (pending.length > 0) {
  const sitePath = pending.pop();
  if (sizes.has(sitePath)) continue;
  const source = readFileSync(join(dist, sitePath), 'utf8');
  sizes.set(sitePath, gzipSync(source).length);
  for (const [, spec] of source.matchAll(staticImport)) {
    pending.push(posix.join(posix.dirname(sitePath), spec));
  }
}

const total = [...sizes.values()].reduce((a, b) => a + b, 0);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const files = [...sizes]
  .sort((a, b) => b[1] - a[1])
  .map(([path, size]) => `  ${kB(size).padStart(9)}  ${relative(dist, join(dist, path))}`);
const summary = `initial JavaScript: ${kB(total)} gzipped in ${sizes.size} files (budget ${kB(budgetBytes)})`;
if (total > budgetBytes) fail(`${summary}: over budget; move code behind import()\n${files.join('\n')}`);
process.stdout.write(`${summary}\n${files.join('\n')}\n`);

function fail(message) {
  process.stderr.write(`check-initial-js: ${message}\n`);
  process.exit(1);
}
