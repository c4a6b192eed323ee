// deckgen present (issue 14 item 8, issue 23 item 3): a ▶ on the run slide reruns that
// snippet alone on this machine; its output streams onto the slide while it runs; then
// its timing line is the new run's, marked "just now" with the build's beside it, while
// the values in prose and the claims keep the build's numbers and verdicts (a claim shows
// "just now: …, build: …"); the live box is gone once the new deck is on screen; the
// snippet measured together with it for the claim does not run again; a request without
// the session's token is refused; the same deck from file:// shows no control.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, stop } from './lib.mjs';

let workDir;
let presenter;
let url;

before(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deckgen-present-'));
  fs.mkdirSync(path.join(workDir, 'deck'));
  fs.mkdirSync(path.join(workDir, 'snippets'));
  // Prints three lines apart, so the page can see the first before the last exists;
  // records a number no two runs share.
  fs.writeFileSync(path.join(workDir, 'snippets', 'ticks.py'), [
    'import time',
    'from deckgen_trace import metric, span',
    'for i in range(3):',
    '    with span("tick"):',
    '        print(f"tick {i}", flush=True)',
    '    time.sleep(0.6)',
    'metric("stamp", time.time_ns() % 1000000007, "")',
    '',
  ].join('\n'));
  // A claim compares quick with slow, so the two are measured together; slow counts its
  // runs in a file, so the test sees that rerunning quick does not run slow again. The
  // file is outside the folders present watches: a write into snippets/ would start a
  // rebuild, and its new deck would reach the page at a moment the test does not expect.
  fs.writeFileSync(path.join(workDir, 'snippets', 'quick.py'), 'print("quick")\n');
  fs.writeFileSync(path.join(workDir, 'snippets', 'slow.py'), [
    'import os, time',
    'with open(os.path.join(os.path.dirname(os.environ["DECKGEN_SNIPPETS"]), "slow-runs.txt"), "a") as f:',
    '    f.write("run\\n")',
    'time.sleep(0.3)',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(workDir, 'deck', '01.md'), [
    '# Live', '', '---', '', '## Ticks', '',
    '```run', 'file: ticks.py', 'runs: 1', 'warmup: 0', 'show: [code, output, timing]', 'trace: true', '```', '',
    'Stamp {{ticks.m.stamp}}', '', '[the trace](traces/ticks.json)', '',
    '---', '', '## Claim', '',
    '```run', 'file: quick.py', 'runs: 5', 'warmup: 0', 'show: [output, timing]', '```', '',
    '```run', 'file: slow.py', 'runs: 5', 'warmup: 0', 'show: [timing]', '```', '',
    '```claim', 'faster: quick', 'than: slow', 'by: 2', '```', '',
  ].join('\n'));
  ({ server: presenter, url } = await serve('present', ['deck', '-o', 'out/deck.html'], { cwd: workDir, timeoutMs: 60000 }));
});

after(async () => {
  await stop(presenter);
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

test('▶ reruns the snippet alone and streams its output; the build\'s numbers stay; no token, no answer', async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'],
  });
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.setDefaultTimeout(60000);
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(url);
    await page.waitForFunction(() => window.Reveal?.isReady() && document.querySelector('.snippet .deckgen-rerun'));
    await page.waitForFunction(() => document.documentElement.dataset.deckgenLive === 'ready');
    await page.evaluate(() => Reveal.slide(1));
    const stamp = () => page.evaluate(() => document.querySelector('.measured[data-placeholder="ticks.m.stamp"]').textContent);
    const before = await stamp();
    assert.match(before, /\d/);

    await page.click('.snippet[data-snippet="ticks"] .deckgen-rerun');
    // The first line is on the slide while the snippet still sleeps before the last.
    await page.waitForFunction(() => document.querySelector('.deckgen-live-output')?.textContent.includes('tick 0'));
    const whileRunning = await page.evaluate(() => document.querySelector('.deckgen-live-output').textContent);
    assert.ok(!whileRunning.includes('tick 2'), `streamed, not delivered at the end: ${whileRunning}`);
    assert.equal(await page.evaluate(() => document.querySelector('.deckgen-rerun').disabled), true, 'one at a time');

    await page.waitForFunction(() =>
      document.querySelector('.snippet[data-snippet="ticks"] .timing > summary')?.classList.contains('deckgen-live') &&
      !document.querySelector('.deckgen-rerun').disabled);
    // The snippet's timing is the live one, the build's beside it.
    assert.match(await page.evaluate(() =>
      document.querySelector('.snippet[data-snippet="ticks"] .timing > summary .deckgen-build')?.textContent ?? ''), /^build: /);
    // The build's numbers stay: the value in prose quoting the snippet.
    assert.equal(await stamp(), before, 'the value in prose is the build\'s');
    assert.equal(await page.evaluate(() =>
      document.querySelector('.measured[data-placeholder="ticks.m.stamp"]').classList.contains('deckgen-live')), false);
    // The live box is gone once the new deck is on screen.
    assert.equal(await page.evaluate(() => document.querySelectorAll('.deckgen-live-output').length), 0);

    // The rerun changed the trace the page carries, so the page reloaded: the mark stays.
    await page.reload();
    await page.waitForFunction(() => window.Reveal?.isReady() && document.querySelector('.snippet .deckgen-rerun'));
    assert.equal(await page.evaluate(() =>
      document.querySelector('.snippet[data-snippet="ticks"] .timing > summary').classList.contains('deckgen-live')), true,
    'the "just now" mark survives a reload');

    // The page's own requests carry the token; without it the server answers nothing.
    const origin = new URL(url).origin;
    const refused = await page.evaluate(async (o) => {
      const r = await fetch(o + '/__deckgen/rerun?id=ticks', { method: 'POST' });
      const g = await fetch(o + '/');
      return [r.status, g.status];
    }, origin);
    assert.deepEqual(refused, [403, 403]);

    // A prose edit swaps the slide in place; its link to the trace still opens it (the
    // page's own copy, or the server's with the token). The first edit also brings back
    // the build's trace (reruns are not cached), which reloads the page; the second is
    // the swap.
    const deckFile = path.join(workDir, 'deck', '01.md');
    for (const words of ['the trace, edited', 'the trace, edited again']) {
      await page.waitForFunction(() => document.documentElement.dataset.deckgenLive === 'ready');
      fs.writeFileSync(deckFile, fs.readFileSync(deckFile, 'utf8').replace(/the trace[^\]]*/, words));
      await page.waitForFunction((w) => document.body.textContent.includes(w), words);
    }
    const trace = await page.evaluate(async () => {
      const link = [...document.querySelectorAll('a')].find((a) => a.textContent.includes('edited again'));
      const r = await fetch(link.href);
      return r.status;
    });
    assert.equal(trace, 200, 'the trace link answers');

    // ▶ on a snippet a claim compares: it alone runs again, with its own run count; the
    // claim keeps the build's verdict and shows the live estimate beside the build's.
    const slowRuns = () => fs.readFileSync(path.join(workDir, 'slow-runs.txt'), 'utf8').split('\n').length - 1;
    const slowRunsBefore = slowRuns();
    const verdict = () => page.evaluate(() => document.querySelector('.claim').className);
    assert.match(await verdict(), /\bok\b/, 'the build decided the claim');
    await page.evaluate(() => Reveal.slide(2));
    await page.click('.snippet[data-snippet="quick"] .deckgen-rerun');
    await page.waitForFunction(() => document.querySelector('.claim-live') && !document.querySelector('.deckgen-rerun').disabled);
    assert.match(await verdict(), /\bok\b/, 'the claim keeps the build\'s verdict');
    assert.match(await page.evaluate(() => document.querySelector('.claim-live').textContent), /^just now: [\d.]+×, build: [\d.]+×$/);
    assert.equal(slowRuns(), slowRunsBefore, 'the claim\'s other snippet ran again');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.deckgen-live-output').length), 0);

    // The file a build wrote has no control.
    const file = await browser.newPage();
    await file.goto('file://' + path.join(workDir, 'out', 'deck.html'));
    await file.waitForFunction(() => window.Reveal?.isReady());
    assert.equal(await file.evaluate(() => document.querySelectorAll('.deckgen-rerun').length), 0);
  } finally {
    await browser.close();
  }
  assert.deepEqual(errors, [], 'page errors');
});
