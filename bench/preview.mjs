// Preview at typing speed (issue 14): how long a prose edit in the workshop deck takes
// to be visible in a page that `deckgen watch` serves, in headless Chromium.
//
//   node bench/preview.mjs [--runs 10]        (after scripts/setup; uses build/deckgen)
//
// Works on a copy of deck/ and snippets/ (the deck's cache, deck/.deckgen-cache, comes with it), so nothing
// in the repository changes. The first build of a cold copy runs every snippet and takes
// minutes; only the edits after it are timed. Each edit appends a new word to a bullet
// of the slide on screen; the time is from just before the file is written to the first
// animation frame in which the slide on screen shows the word (so it includes up to one
// frame of polling and the round trip to the browser). Prints each time, the median,
// the spread and how many edits reloaded the page instead of replacing the slide.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const deckgen = process.env.DECKGEN ?? path.join(repo, 'build/deckgen');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
const slideFile = 'deck/01-why.md';
const line = '- Concurrency is *one* strategy for these problems, and often not the best one';
const title = 'The only reason is performance';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deckgen-preview-'));
for (const dir of ['deck', 'snippets']) fs.cpSync(path.join(repo, dir), path.join(work, dir), { recursive: true });

const watcher = spawn(deckgen, ['watch', 'deck', '-o', 'output/deck.html', '--port', '0', '-q'],
  { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
watcher.stderr.on('data', (d) => { stderr += d; });
const stopped = new Promise((resolve) => watcher.on('exit', resolve));

let browser;
try {
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no address from deckgen watch: ${stderr}`)), 30000);
    watcher.stdout.on('data', (d) => {
      out += d;
      const found = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.setDefaultTimeout(15 * 60 * 1000);  // the first, cold build runs every snippet
  let loads = 0;
  page.on('load', () => { loads += 1; });
  await page.goto(url);
  await page.waitForFunction((t) => window.Reveal?.isReady() && document.body.textContent.includes(t), title);
  await page.evaluate((t) => {
    const slides = [...document.querySelectorAll('.reveal .slides > section')];
    Reveal.slide(slides.findIndex((s) => s.textContent.includes(t)));
  }, title);
  await page.waitForFunction(() => document.documentElement.dataset.deckgenLive === 'ready');
  page.setDefaultTimeout(30000);

  const original = fs.readFileSync(path.join(work, slideFile), 'utf8');
  if (!original.includes(line)) throw new Error(`${slideFile} no longer has the line this bench edits`);
  const times = [];
  const loadsBefore = loads;
  for (let i = 0; i < runs; i++) {
    const word = `edit${i}x${Date.now() % 100000}`;
    const started = performance.now();
    fs.writeFileSync(path.join(work, slideFile), original.replace(line, `${line} ${word}`));
    await page.waitForFunction((w) => window.Reveal?.getCurrentSlide()?.textContent.includes(w), word,
      { polling: 'raf' });
    times.push(performance.now() - started);
    await page.waitForTimeout(300);  // let the page settle before the next edit
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = (sorted[(runs - 1) >> 1] + sorted[runs >> 1]) / 2;
  console.log(`edits: ${times.map((t) => t.toFixed(0)).join(' ')} ms`);
  console.log(`prose edit -> visible: median ${median.toFixed(0)} ms of ${runs} ` +
    `(min ${sorted[0].toFixed(0)}, max ${sorted[runs - 1].toFixed(0)}); ` +
    `${loads - loadsBefore} of ${runs} reloaded the page`);
} finally {
  if (browser) await browser.close();
  watcher.kill('SIGINT');
  await stopped;
  fs.rmSync(work, { recursive: true, force: true });
}
