// The workshop deck as built by scripts/test (output/deck.html): every slide fits the
// 1280x720 stage, nothing leaves file:/data:, no console error, and its numbers are
// filled in. scripts/test builds the deck with `deckgen check` before ctest runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const deck = process.env.DECKGEN_WORKSHOP_HTML || join(root, 'output/deck.html');

test('the workshop deck presents at 1280x720, offline', { skip: !existsSync(deck) && `${deck} not built (scripts/test builds it)` }, async () => {
  const profile = mkdtempSync(join(tmpdir(), 'deckgen-workshop-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 720 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    const outside = [];
    const errors = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('about:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('file://' + deck);
    await page.waitForFunction(() => window.Reveal && Reveal.isReady());
    const report = await page.evaluate(async () => {
      const overflowing = [], wideCode = [];
      const total = Reveal.getTotalSlides();
      for (let i = 0; i < total; i++) {
        Reveal.slide(i);
        await new Promise((r) => setTimeout(r, 20));
        const s = Reveal.getCurrentSlide();
        if (s.scrollHeight > s.clientHeight + 2) overflowing.push(`${i} ${s.dataset.source || s.className}: ${s.scrollHeight}px`);
        // A listing line into its padding: the PDF cuts it off (reveal.js's print view).
        for (const code of s.querySelectorAll('pre > code'))
          if (code.scrollWidth > code.clientWidth + 1) wideCode.push(`${i} ${s.dataset.source || s.className}: ${code.scrollWidth - code.clientWidth}px`);
      }
      return {
        total, overflowing, wideCode,
        unfilled: [...document.querySelectorAll('.measured')].filter((e) => e.textContent === 'n/a').length,
        // Prose only: code may hold braces (f-strings) on purpose.
        placeholdersLeft: [...document.querySelectorAll('.slides :is(p, li, td, th, h1, h2, h3)')]
          .some((e) => !e.closest('pre') && e.textContent.includes('{{')),
        failedClaims: document.querySelectorAll('.claim:is(.fail, .undecided)').length,
        snippetErrors: document.querySelectorAll('.snippet.failed').length,
        timelines: document.querySelectorAll('figure.timeline svg').length,
        charts: document.querySelectorAll('figure.chart svg').length,
        measuredOn: !!document.querySelector('section.measured-on'),
      };
    });
    assert.ok(report.total >= 70, `the workshop has ${report.total} slides`);
    assert.deepEqual(report.overflowing, [], 'slides taller than the 720px stage');
    assert.deepEqual(report.wideCode, [], 'listing lines wider than their box');
    assert.equal(report.unfilled, 0, 'placeholders without a value');
    assert.equal(report.placeholdersLeft, false, 'a {{...}} left in the text');
    assert.equal(report.failedClaims, 0);
    assert.equal(report.snippetErrors, 0);
    assert.ok(report.timelines >= 5, `${report.timelines} timelines drawn`);
    assert.ok(report.charts >= 1, `${report.charts} charts drawn`);
    assert.ok(report.measuredOn, 'no "measured on" slide');
    assert.deepEqual(outside, [], 'requests that left file:/data:');
    assert.deepEqual(errors, [], 'console errors');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
