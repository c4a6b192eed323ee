// Preview at typing speed (issue 14): how long a prose edit in the workshop deck takes
// to be visible in a page that `deckgen watch` serves, in headless Chromium.
//
//   node bench/preview.mjs [--runs 10]        (after scripts/setup; uses build/deckgen)
//
// Works on a copy of deck/ and snippets/ in bench/work/preview/ (git ignores it), so
// nothing in the repository changes. The copy is refreshed on every run but its cache is
// kept: cache keys hold the snippets' absolute paths, so a fresh folder would start
// cold. The first build of a cold copy runs every snippet and takes minutes; only the
// edits after it are timed. Each edit appends a new word to a bullet of the slide on
// screen; the time is from just before the file is written to the first animation frame
// in which the slide on screen shows the word (so it includes up to one frame of polling
// and the round trip to the browser). The first edit after the start is timed too. Prints each time, the median, the spread, how
// many edits reloaded the page instead of replacing the slide, and the median of each
// stage the page marks (serve/live_reload.cpp's User Timing marks), from the write.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
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

const work = path.join(repo, 'bench/work/preview');
const cache = '.deckgen-cache';
for (const dir of ['deck', 'snippets']) {
  // Refreshed whole but for the deck's cache, which the copy keeps from its last run.
  for (const entry of fs.existsSync(path.join(work, dir)) ? fs.readdirSync(path.join(work, dir)) : [])
    if (entry !== cache) fs.rmSync(path.join(work, dir, entry), { recursive: true, force: true });
  fs.cpSync(path.join(repo, dir), path.join(work, dir), {
    recursive: true, filter: (from) => path.basename(from) !== cache,
  });
}

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
  const stages = new Map();  // mark -> ms after the write, one per edit
  const loadsBefore = loads;
  for (let i = 0; i < runs; i++) {
    const word = `edit${i}x${Date.now() % 100000}`;
    await page.evaluate(() => performance.clearMarks());
    const started = performance.now();
    fs.writeFileSync(path.join(work, slideFile), original.replace(line, `${line} ${word}`));
    await page.waitForFunction((w) => window.Reveal?.getCurrentSlide()?.textContent.includes(w), word,
      { polling: 'raf' });
    times.push(performance.now() - started);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark')
      .map((m) => [m.name, performance.timeOrigin + m.startTime]));
    for (const [name, at] of marks) {
      if (!stages.has(name)) stages.set(name, []);
      stages.get(name).push(at - (performance.timeOrigin + started));
    }
    await page.waitForTimeout(300);  // let the page settle before the next edit
  }
  const medianOf = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
  };
  const sorted = [...times].sort((a, b) => a - b);
  const median = medianOf(times);
  console.log(`edits: ${times.map((t) => t.toFixed(0)).join(' ')} ms`);
  console.log(`prose edit -> visible: median ${median.toFixed(0)} ms of ${runs} ` +
    `(min ${sorted[0].toFixed(0)}, max ${sorted[runs - 1].toFixed(0)}); ` +
    `${loads - loadsBefore} of ${runs} reloaded the page`);
  // The page's marks, in the order they came: event (the push arrived), fetched (the
  // changed slides: with the event, or asked for), parsed, swapped, synced (refitted),
  // then visible.
  console.log('stages after the write (median ms): ' + [...stages]
    .map(([name, at]) => [name.replace('deckgen:', ''), medianOf(at)])
    .sort((a, b) => a[1] - b[1])
    .map(([name, at]) => `${name} ${at.toFixed(1)}`).concat(`visible ${median.toFixed(1)}`).join(', '));
} finally {
  if (browser) await browser.close();
  watcher.kill('SIGINT');
  await stopped;
}
