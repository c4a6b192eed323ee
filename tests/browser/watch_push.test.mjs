// deckgen watch pushes each rebuild to the page (server-sent events): a prose edit is
// swapped into its slide without a reload, with reveal.js still on the same slide; a
// change beyond the slides' insides (a slide added) reloads the page onto the same slide.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, stop } from './lib.mjs';

let workDir;
let watcher;
let url;

function writeDeck(slides) {
  fs.writeFileSync(path.join(workDir, 'deck', '01.md'), slides.join('\n\n---\n\n') + '\n');
}

before(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deckgen-push-'));
  fs.mkdirSync(path.join(workDir, 'deck'));
  writeDeck(['# One', '## Two\n\nfirst words', '## Three']);
  ({ server: watcher, url } = await serve('watch', ['deck', '-o', 'out/deck.html'], { cwd: workDir }));
});

after(async () => {
  await stop(watcher);
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

test('an edit inside a slide is swapped in; a new slide reloads the page', async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'],
  });
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.setDefaultTimeout(20000);
    page.on('pageerror', (err) => errors.push(err.message));
    let loads = 0;
    page.on('load', () => { loads += 1; });
    await page.goto(url);
    await page.waitForFunction(() => window.Reveal?.isReady() && document.body.textContent.includes('first words'));
    await page.evaluate(() => Reveal.slide(1));
    // Survives only if the page is not reloaded.
    await page.evaluate(() => { window.stillTheSamePage = true; });
    const loadsBefore = loads;
    // The page holds a copy of the deck it shows, to tell which slides a rebuild changed.
    await page.waitForFunction(() => document.documentElement.dataset.deckgenLive === 'ready');

    writeDeck(['# One', '## Two\n\nsecond words', '## Three']);
    await page.waitForFunction(() => Reveal.getCurrentSlide().textContent.includes('second words'));
    assert.equal(loads, loadsBefore, 'no reload');
    assert.equal(await page.evaluate(() => window.stillTheSamePage), true);
    assert.equal(await page.evaluate(() => Reveal.getIndices().h), 1, 'still on the same slide');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.reveal .slides > section.present').length), 1);

    // A slide more: the page reloads, onto the slide it showed.
    writeDeck(['# One', '## Two\n\nsecond words', '## Three', '## Four']);
    await page.waitForFunction(() => window.Reveal?.isReady() && document.body.textContent.includes('Four'));
    assert.ok(loads > loadsBefore, 'reloaded');
    assert.equal(await page.evaluate(() => window.stillTheSamePage), undefined);
    assert.equal(await page.evaluate(() => Reveal.getIndices().h), 1);
  } finally {
    await browser.close();
  }
  assert.deepEqual(errors, [], 'page errors');
});
