// Shared by the browser tests (not a test itself: ctest runs *.test.mjs): the deckgen
// under test, a deck opened offline in headless Chromium, and `watch` or `present`
// started on a free port and stopped.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const deckgen = process.env.DECKGEN ?? path.join(repo, 'build/deckgen');
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Runs `body(page)` in a fresh Chromium profile made under `parentDir`, with every
// request that leaves file:, data:, blob: or about: refused: a deck must present
// offline. Afterwards fails on any such request and on any console or page error.
// `options` go to the browser context (e.g. acceptDownloads).
export async function withOfflinePage(parentDir, viewport, body, options = {}) {
  const profile = fs.mkdtempSync(path.join(parentDir, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs, viewport, ...options,
  });
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob|about):/.test(url)) return route.continue();
    errors.push(`request left the file: ${url}`);
    return route.abort();
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    await body(page);
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, []);
}

// Opens a built deck from its file and waits for reveal.js.
export async function openDeck(page, file, query = '') {
  await page.goto(pathToFileURL(file).href + query);
  await page.waitForFunction(() => window.Reveal?.isReady());
}

// Starts `deckgen COMMAND ARGS... --port 0` (watch or present) in `cwd` and resolves to
// { server, url } once it prints the address it serves (present's must carry its token).
export async function serve(command, args, { cwd, timeoutMs = 30000 } = {}) {
  const server = spawn(deckgen, [command, ...args, '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no address from deckgen ${command}: ${stderr}`)), timeoutMs);
    server.stdout.on('data', (d) => {
      out += d;
      const found = (command === 'present' ? /serving (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32})/
        : /serving (http:\/\/127\.0\.0\.1:\d+\/)/).exec(out);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
  });
  return { server, url };
}

// Stops a server `serve` started, as Ctrl-C would, and waits for it to exit.
export async function stop(server) {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGINT');
    await exited;
  }
}
