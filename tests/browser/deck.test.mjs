// The built deck in a real browser: Debian's headless chromium, driven by
// playwright-core, opens the deck from file:// with every request that is not file:
// or data: blocked and recorded. Run by ctest (label "browser") with DECKGEN and
// DECKGEN_BUILD_DIR set; `node --test tests/browser/deck.test.mjs` works from the
// repository root after a build.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const deckgen = process.env.DECKGEN ?? path.join(repo, 'build/deckgen');
const buildDir = process.env.DECKGEN_BUILD_DIR ?? path.join(repo, 'build');
const fixture = path.join(here, 'fixture-deck');
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Slides the Markdown asks for, counted independently of deckgen: a line `---` after a
// blank line, outside fences and front matter, splits a slide; each file starts one;
// a front-matter title adds the title slide.
function expectedSlideCount(deckDir) {
  const files = fs.readdirSync(deckDir).filter((f) => f.endsWith('.md')).sort();
  let slides = 0;
  let hasTitle = false;
  files.forEach((file, index) => {
    let lines = fs.readFileSync(path.join(deckDir, file), 'utf8').split('\n');
    if (index === 0 && lines[0].trimEnd() === '---') {
      const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
      hasTitle = lines.slice(1, end).some((l) => /^title:\s*\S/.test(l));
      lines = lines.slice(end + 1);
    }
    slides += 1;
    let fence = null;
    lines.forEach((line, i) => {
      const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length) fence = null;
      } else if (opener) {
        fence = opener[1];
      } else if (line.trimEnd() === '---' && i > 0 && lines[i - 1].trim() === '') {
        slides += 1;
      }
    });
  });
  return slides + (hasTitle ? 1 : 0);
}

let workDir;
let lightDeck;
let darkDeck;

before(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deckgen-browser-'));
  lightDeck = path.join(workDir, 'light.html');
  execFileSync(deckgen, ['build', fixture, '-o', lightDeck], { stdio: 'pipe' });
  // The dark variant: the same slides with `theme: dark` in the front matter.
  const darkDir = path.join(workDir, 'dark-deck');
  fs.cpSync(fixture, darkDir, { recursive: true });
  const first = path.join(darkDir, '01-intro.md');
  const text = fs.readFileSync(first, 'utf8');
  assert.match(text, /^theme: light$/m, 'the fixture front matter sets the theme');
  fs.writeFileSync(first, text.replace(/^theme: light$/m, 'theme: dark'));
  darkDeck = path.join(workDir, 'dark.html');
  execFileSync(deckgen, ['build', darkDir, '-o', darkDeck], { stdio: 'pipe' });
});

after(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

// Runs `body` against a fresh browser profile with the network cut off; afterwards
// fails on any request that left file:/data: and on any console error or page error,
// in the deck and in every window it opened (the speaker view).
async function inBrowser(body) {
  const profile = fs.mkdtempSync(path.join(workDir, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 720 },
  });
  const offline = new Set();
  const errors = [];
  const isLocal = (url) => url.startsWith('file:') || url.startsWith('data:') || url === 'about:blank';
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offline.add(url);
    return route.abort('blockedbyclient');
  });
  // Belt and braces: anything the router does not see (workers, prefetch) still counts.
  context.on('request', (request) => { if (!isLocal(request.url())) offline.add(request.url()); });
  const watch = (page) => {
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    page.on('websocket', (ws) => offline.add(ws.url()));
  };
  context.setDefaultTimeout(10000);
  context.pages().forEach(watch);
  context.on('page', watch);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await body({ context, page });
  } finally {
    await context.close();
  }
  assert.deepEqual([...offline], [], 'requests that left file:/data:');
  assert.deepEqual(errors, [], 'console or page errors');
}

async function openDeck(page, file, query = '') {
  await page.goto(pathToFileURL(file).href + query);
  await page.waitForFunction(() => window.Reveal?.isReady());
}

// Distinct colours and the share of pixels unlike the top-left one, sampled from a
// PNG by decoding it in the page: a blank or one-colour page fails.
async function pixelVariety(page, png) {
  return page.evaluate(async (dataUrl) => {
    const img = new Image();
    img.src = dataUrl;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    const colours = new Set();
    let differing = 0;
    for (let i = 0; i < data.length; i += 4) {
      const rgb = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      colours.add(rgb);
      if (rgb !== ((data[0] << 16) | (data[1] << 8) | data[2])) differing++;
    }
    return { colours: colours.size, inked: differing / (data.length / 4) };
  }, `data:image/png;base64,${png.toString('base64')}`);
}

test('the fixture deck is counted as the test expects', () => {
  // 4 files, 2 real separators, 1 `---` inside a fence, a title: 7 slides.
  assert.equal(expectedSlideCount(fixture), 7);
});

test('slide count matches the Markdown, first slide renders, screenshot saved', async () => {
  await inBrowser(async ({ page }) => {
    await openDeck(page, lightDeck);
    const expected = expectedSlideCount(fixture);
    assert.equal(await page.evaluate(() => Reveal.getTotalSlides()), expected);
    assert.equal(await page.locator('.reveal .slides > section').count(), expected);

    const title = page.locator('section.title-slide h1');
    await title.waitFor({ state: 'visible' });
    assert.equal(await title.textContent(), 'Browser fixture deck');
    const box = await title.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 20, `title h1 box ${JSON.stringify(box)}`);

    const png = await page.screenshot({ path: path.join(buildDir, 'deck-first-slide.png') });
    const variety = await pixelVariety(page, png);
    assert.ok(variety.colours > 1, 'the first slide is one flat colour');
    assert.ok(variety.inked > 0.005, `only ${(variety.inked * 100).toFixed(2)}% of the slide is drawn`);
  });
});

test('ArrowRight moves to the next slide and its URL hash; Escape toggles the overview', async () => {
  await inBrowser(async ({ page }) => {
    await openDeck(page, lightDeck);
    const before = await page.evaluate(() => location.hash);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => Reveal.getIndices().h === 1);
    await page.waitForFunction((old) => location.hash !== old, before);
    assert.equal(await page.evaluate(() => location.hash), '#/1');
    assert.equal(await page.locator('section.present h1').textContent(), 'Why measure?');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => Reveal.isOverview());
    assert.ok(await page.locator('.reveal.overview').isVisible());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !Reveal.isOverview());
    assert.equal(await page.evaluate(() => Reveal.getIndices().h), 1);
  });
});

test('the speaker view opens from file:// and follows the deck with its notes', async () => {
  await inBrowser(async ({ context, page }) => {
    await openDeck(page, lightDeck);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => Reveal.getIndices().h === 1);

    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await speaker.waitForLoadState();
    const notes = speaker.locator('.speaker-controls-notes .value');
    await notes.filter({ hasText: 'NOTES-ONE' }).waitFor();
    assert.match(await notes.textContent(), /open with the question/);
    assert.equal(await speaker.locator('#connection-status').isVisible(), false);
    assert.equal(await speaker.locator('#current-slide iframe').count(), 1);
    assert.equal(await speaker.locator('#upcoming-slide iframe').count(), 1);
    assert.equal(await speaker.locator('.speaker-controls-time').isVisible(), true);

    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await notes.filter({ hasText: 'NOTES-TWO' }).waitFor();
    // The two previews are the deck itself in frames: the current slide and the next.
    const previewAt = (id) => speaker.locator(`${id} iframe`).contentFrame().locator('section.present h2');
    await previewAt('#current-slide').filter({ hasText: 'A short code block' }).waitFor();
    await previewAt('#upcoming-slide').filter({ hasText: 'Results table' }).waitFor();
    if (process.env.DECKGEN_SPEAKER_SHOT) await speaker.screenshot({ path: process.env.DECKGEN_SPEAKER_SHOT });
  });
});

test('code is at least 20px on a 1280x720 screen, long code shrinks to fit, nothing overflows a slide', async () => {
  await inBrowser(async ({ page }) => {
    await openDeck(page, lightDeck);
    const total = await page.evaluate(() => Reveal.getTotalSlides());
    for (let i = 0; i < total; i++) {
      await page.evaluate((h) => Reveal.slide(h), i);
      const fit = await page.evaluate(() => {
        const slide = Reveal.getCurrentSlide();
        return { where: slide.dataset.source ?? 'title', scroll: slide.scrollHeight, client: slide.clientHeight,
          wide: slide.scrollWidth, width: slide.clientWidth };
      });
      assert.ok(fit.scroll <= fit.client && fit.wide <= fit.width, `slide ${fit.where} overflows: ${JSON.stringify(fit)}`);
    }

    const codeSlide = await page.evaluate(() =>
      Reveal.getSlides().findIndex((s) => s.querySelector('h2')?.textContent === 'A short code block'));
    await page.evaluate((h) => Reveal.slide(h), codeSlide);
    const onScreenPx = await page.evaluate(() =>
      parseFloat(getComputedStyle(Reveal.getCurrentSlide().querySelector('pre code')).fontSize) * Reveal.getScale());
    assert.ok(onScreenPx >= 20, `code is ${onScreenPx.toFixed(1)}px on screen`);

    const longSlide = await page.evaluate(() =>
      Reveal.getSlides().findIndex((s) => s.querySelector('h2')?.textContent === 'A long listing'));
    await page.evaluate((h) => Reveal.slide(h), longSlide);
    const listing = await page.evaluate(() => {
      const slide = Reveal.getCurrentSlide();
      const pre = slide.querySelector('pre');
      return { overflowY: getComputedStyle(pre).overflowY, scroll: pre.scrollHeight, client: pre.clientHeight,
        preBottom: pre.getBoundingClientRect().bottom, slideBottom: slide.getBoundingClientRect().bottom };
    });
    // Nothing is scrolled out of sight any more: the slide shrinks its code to fit (deck.js).
    assert.notEqual(listing.overflowY, 'auto');
    assert.ok(listing.scroll <= listing.client + 1, `the long listing hides lines: ${JSON.stringify(listing)}`);
    assert.ok(listing.preBottom <= listing.slideBottom, `the listing runs off the slide: ${JSON.stringify(listing)}`);
  });
});

test('print mode (?print-pdf) lays out one page per slide and prints', async () => {
  await inBrowser(async ({ page }) => {
    await openDeck(page, lightDeck, '?print-pdf');
    await page.waitForFunction((n) => document.querySelectorAll('.pdf-page').length === n, expectedSlideCount(fixture));
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('print-pdf')));
    // On paper a listing cannot scroll: the long one prints in full.
    const listing = await page.evaluate(() => {
      const pre = [...document.querySelectorAll('pre')].find((p) => p.textContent.includes('# line 40'));
      return { scroll: pre.scrollHeight, client: pre.clientHeight };
    });
    assert.ok(listing.scroll <= listing.client + 1, `the printed listing is cut: ${JSON.stringify(listing)}`);
    const pdf = await page.pdf({ width: '1280px', height: '720px', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  });
});

test('the dark theme is dark and renders', async () => {
  await inBrowser(async ({ page }) => {
    await openDeck(page, darkDeck);
    const look = await page.evaluate(() => {
      const luminance = (css) => {
        const [r, g, b] = css.match(/\d+/g).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      return {
        dark: document.body.classList.contains('theme-dark'),
        background: luminance(getComputedStyle(document.body).backgroundColor),
        heading: luminance(getComputedStyle(document.querySelector('section.title-slide h1')).color),
      };
    });
    assert.ok(look.dark, 'body.theme-dark');
    assert.ok(look.background < 0.15, `background luminance ${look.background}`);
    assert.ok(look.heading > 0.8, `heading luminance ${look.heading}`);
    const variety = await pixelVariety(page, await page.screenshot());
    assert.ok(variety.colours > 1 && variety.inked > 0.005, 'the dark first slide is blank');
  });
});
