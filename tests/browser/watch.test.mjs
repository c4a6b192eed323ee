// deckgen watch in a real browser: the served page follows each rebuild (replacing the
// slides that changed, see also watch_push.test.mjs) and stays on the slide it showed; a failed rebuild draws its error (as text) over the
// last good deck, and a fix takes it away. Run by ctest (label "browser") with DECKGEN
// set; `node --test tests/browser/watch.test.mjs` works from the repository root.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, serve, stop } from './lib.mjs';

let workDir;
let deckDir;
let watcher;
let url;

function writeDeck(frontMatterTitleLine, thirdSlideText) {
  fs.writeFileSync(path.join(deckDir, '01.md'), [
    '---', frontMatterTitleLine, '---', '# One', '', '---', '', '## Two', '', '---', '',
    '## Three', '', thirdSlideText, ''].join('\n'));
}

before(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deckgen-watch-'));
  deckDir = path.join(workDir, 'deck');
  fs.mkdirSync(deckDir);
  writeDeck('title: Live', 'BEFORE-EDIT');
  ({ server: watcher, url } = await serve('watch', [deckDir, '-o', path.join(workDir, 'out/deck.html')]));
});

after(async () => {
  await stop(watcher);
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

test('after a rebuild the page reloads onto the same slide; a failure is drawn over it', async () => {
  const profile = fs.mkdtempSync(path.join(workDir, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs,
    viewport: { width: 1280, height: 720 },
  });
  context.setDefaultTimeout(20000);
  const errors = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(url);
    await page.waitForFunction(() => window.Reveal?.isReady() && document.body.textContent.includes('BEFORE-EDIT'));
    // The title slide is 0; "Three" is slide 3.
    await page.evaluate(() => Reveal.slide(3));
    await page.waitForFunction(() => location.hash === '#/3');
    // The page holds a copy of the deck it shows, to tell which slides a rebuild changed.
    await page.waitForFunction(() => document.documentElement.dataset.deckgenLive === 'ready');

    let reloads = 0;
    page.on('load', () => { reloads += 1; });
    writeDeck('title: Live', 'AFTER-EDIT');
    await page.waitForFunction(() => document.body?.textContent.includes('AFTER-EDIT') && window.Reveal?.isReady());
    // Only the inside of one slide changed: it was replaced in place, pushed by the server.
    assert.equal(reloads, 0, 'the page was not reloaded');
    assert.equal(await page.evaluate(() => location.hash), '#/3');
    assert.equal(await page.evaluate(() => Reveal.getIndices().h), 3, 'still on the same slide');

    // A broken front matter: the overlay shows the error as text over the last deck.
    writeDeck('<img src=x onerror="window.injected=1">: oops', 'BROKEN');
    const overlay = page.locator('#deckgen-error');
    await overlay.waitFor({ state: 'visible' });
    assert.match(await overlay.innerText(), /unknown front matter key '<img src=x onerror="window\.injected=1">'/);
    assert.equal(await page.locator('#deckgen-error img').count(), 0, 'the message is text, not markup');
    assert.equal(await page.evaluate(() => window.injected), undefined);
    assert.ok(await page.evaluate(() => document.body.textContent.includes('AFTER-EDIT')), 'the last good deck stays');

    // Fixed: the page reloads, the overlay is gone, the slide is kept.
    writeDeck('title: Live again', 'FIXED');
    await page.waitForFunction(() => document.body?.textContent.includes('FIXED') && window.Reveal?.isReady());
    assert.equal(await page.locator('#deckgen-error').count(), 0);
    assert.equal(await page.evaluate(() => Reveal.getIndices().h), 3);
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, [], 'page errors');
});
