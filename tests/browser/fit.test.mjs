// What the audience sees (issue 12), in headless Chromium: the fit fixture deck
// (tests/browser/fit-deck: a 45-line snippet, 200-character output lines, a 12-column
// table, timing details, claims, charts, a timeline, a section slide) built at 16:9 and
// 4:3, and the workshop deck when scripts/test has built it. No element may extend
// beyond its slide and the last line of every code block must be visible.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deckgen, here, openDeck as open, repo, withOfflinePage } from './lib.mjs';

const fixture = path.join(here, 'fit-deck');
const workshop = process.env.DECKGEN_WORKSHOP_HTML || path.join(repo, 'output/deck.html');

let workDir;
const decks = {};

// The fixture has one claim that fails on purpose (to show the red box): exit 1.
function build(dir, out) {
  const run = spawnSync(deckgen, ['build', dir, '-o', out], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `deckgen build ${dir}: exit ${run.status}\n${run.stderr}`);
  assert.ok(fs.existsSync(out), `no deck written: ${run.stderr}`);
  return run;
}

before(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deckgen-fit-'));
  decks.wide = path.join(workDir, 'wide', 'deck.html');
  build(fixture, decks.wide);
  const narrowDir = path.join(workDir, 'narrow-deck');
  fs.cpSync(fixture, narrowDir, { recursive: true });
  const first = path.join(narrowDir, '01-fit.md');
  fs.writeFileSync(first, fs.readFileSync(first, 'utf8').replace('aspect_ratio: "16:9"', 'aspect_ratio: "4:3"'));
  decks.narrow = path.join(workDir, 'narrow', 'deck.html');
  build(narrowDir, decks.narrow);
});

after(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

// A page may download (the timeline's trace link).
const withPage = (viewport, body) => withOfflinePage(workDir, viewport, body, { acceptDownloads: true });

// Every slide in turn: what sticks out of it, whether each listing's last character is
// inside both its box and the slide, and whether each overlay (timing table, claim
// evidence), opened, shows whole without scrolling. In slide px (window px / scale).
async function fitProblems(page) {
  return page.evaluate(async () => {
    const problems = [];
    const total = Reveal.getTotalSlides();
    for (let i = 0; i < total; i++) {
      Reveal.slide(i);
      await new Promise((r) => setTimeout(r, 10));
      const slide = Reveal.getCurrentSlide();
      const where = slide.dataset.source || slide.className;
      const box = slide.getBoundingClientRect();
      const scale = Reveal.getScale();
      const inside = (r) => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      if (slide.dataset.overflow) problems.push(`${where}: marked overflowing: ${slide.dataset.overflow}`);
      if (parseFloat(slide.dataset.fit) < 0.6) problems.push(`${where}: shrunk below the floor to ${slide.dataset.fit}`);
      for (const el of slide.querySelectorAll('*')) {
        // KaTeX's MathML copy, for screen readers, is clipped to a pixel: it lays out (and
        // may reach past the slide) but nothing of it shows.
        if (el.closest('.katex-mathml')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (!inside(r)) {
          const by = Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom) / scale;
          problems.push(`${where}: <${el.tagName.toLowerCase()} class="${el.getAttribute('class') || ''}"> extends ${by.toFixed(0)}px beyond the slide`);
          break;
        }
      }
      // Blocks drawn over one another: a figure's drawing over the claim or prose below it
      // stays inside the slide, so only comparing the blocks' boxes shows it.
      const blocks = [...slide.children].filter((el) => el.tagName !== 'ASIDE' && getComputedStyle(el).position !== 'absolute' &&
        el.getBoundingClientRect().height > 0);
      for (let b = 1; b < blocks.length; b++) {
        const above = blocks[b - 1].getBoundingClientRect(), below = blocks[b].getBoundingClientRect();
        if (above.bottom > below.top + 1) problems.push(`${where}: <${blocks[b - 1].tagName.toLowerCase()}> overlaps the <${blocks[b].tagName.toLowerCase()}> below it by ${((above.bottom - below.top) / scale).toFixed(0)}px`);
      }
      for (const figure of slide.querySelectorAll('figure')) {
        const f = figure.getBoundingClientRect();
        for (const part of figure.children) {
          const r = part.getBoundingClientRect();
          if (r.bottom > f.bottom + 1) problems.push(`${where}: the <${part.tagName.toLowerCase()}> of a figure runs ${((r.bottom - f.bottom) / scale).toFixed(0)}px past its box`);
        }
      }
      for (const code of slide.querySelectorAll('pre code')) {
        // A line into the <pre>'s padding: the PDF (reveal.js's print view) cuts it off there.
        if (code.scrollWidth > code.clientWidth + 1) problems.push(`${where}: a line of a listing runs ${code.scrollWidth - code.clientWidth}px past its box`);
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        let last = null;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent.trim()) last = n;
        if (!last) continue;
        const text = last.textContent.replace(/\s+$/, '');
        const range = document.createRange();
        range.setStart(last, text.length - 1);
        range.setEnd(last, text.length);
        const r = range.getBoundingClientRect();
        const pre = code.closest('pre').getBoundingClientRect();
        const visible = inside(r) && r.bottom <= pre.bottom + 1 && r.right <= pre.right + 1;
        if (!visible) problems.push(`${where}: the last line of a listing ("${text.trim().slice(-30)}") is not visible`);
      }
      for (const details of slide.querySelectorAll('details')) {
        const overlay = details.querySelector(':scope > .overlay');
        if (!overlay) continue;
        details.open = true;
        const r = overlay.getBoundingClientRect();
        const hidden = Math.max(overlay.scrollHeight - overlay.clientHeight, overlay.scrollWidth - overlay.clientWidth);
        if (!inside(r)) problems.push(`${where}: the overlay of <details class="${details.className}"> leaves the slide`);
        if (hidden > 1) problems.push(`${where}: the overlay of <details class="${details.className}"> hides ${hidden}px of its content`);
        details.open = false;
      }
    }
    return problems;
  });
}

for (const [name, viewport] of [['wide', { width: 1280, height: 720 }], ['narrow', { width: 960, height: 720 }]]) {
  test(`every slide of the fit fixture fits ${viewport.width}x${viewport.height}`, async () => {
    await withPage(viewport, async (page) => {
      await open(page, decks[name]);
      assert.deepEqual(await fitProblems(page), []);
      // The 45-line listing is shown whole, at a readable size.
      const listing = await page.evaluate(() => {
        const i = Reveal.getSlides().findIndex((s) => s.querySelector('h2')?.textContent === 'A 45-line snippet');
        Reveal.slide(i);
        const slide = Reveal.getCurrentSlide();
        const code = slide.querySelector('pre.code code');
        return { lines: code.textContent.trimEnd().split('\n').length, fit: parseFloat(slide.dataset.fit),
                 px: parseFloat(getComputedStyle(code).fontSize) };
      });
      assert.equal(listing.lines, 45);
      assert.ok(listing.px >= 13, `the listing is ${listing.px}px`);
    });
  });
}

test('the workshop deck fits 1280x720: nothing beyond a slide, every listing to its last line', { skip: !fs.existsSync(workshop) && `${workshop} not built (scripts/test builds it)` }, async () => {
  await withPage({ width: 1280, height: 720 }, async (page) => {
    await open(page, workshop);
    assert.deepEqual(await fitProblems(page), []);
  });
});

// A chart keeps its drawing's size on screen; a paragraph below it must not be drawn
// over. The slide either makes room (its other blocks shrink) or is reported as not fitting.
test('a figure with prose below it is never drawn over the prose: it fits or it is reported', async () => {
  const dir = path.join(workDir, 'figure-above-prose');
  fs.mkdirSync(path.join(dir, 'deck'), { recursive: true });
  fs.cpSync(path.join(fixture, 'snippets'), path.join(dir, 'snippets'), { recursive: true });
  const prose = 'A paragraph under the chart, long enough to wrap onto a second line of the slide. '.repeat(3);
  fs.writeFileSync(path.join(dir, 'deck', '01.md'), [
    '## A chart, then prose', '',
    '```run', 'file: sizes.py', 'id: big', 'args: ["500"]', 'show: []', 'runs: 1', 'warmup: 0', '```', '',
    '```run', 'file: sizes.py', 'id: small', 'args: ["100"]', 'show: []', 'runs: 1', 'warmup: 0', '```', '',
    '```chart', 'metric: m.size', 'snippets: [big, small]', '```', '', prose, ''].join('\n'));
  const out = path.join(workDir, 'figure-above-prose.html');
  build(path.join(dir, 'deck'), out);
  await withPage({ width: 1280, height: 720 }, async (page) => {
    await open(page, out);
    const slide = await page.evaluate(() => {
      Reveal.slide(0);
      const s = Reveal.getCurrentSlide();
      const svg = s.querySelector('figure svg').getBoundingClientRect();
      const p = [...s.children].find((el) => el.tagName === 'P').getBoundingClientRect();
      return { overflow: s.dataset.overflow || '', overlap: (svg.bottom - p.top) / Reveal.getScale() };
    });
    assert.ok(slide.overflow !== '' || slide.overlap <= 1,
      `the chart is drawn ${slide.overlap.toFixed(0)}px over the paragraph and the slide is not reported`);
  });
});

// The legend of a timeline in a narrow column keeps to three rows, measured in the
// browser's own fonts, and its words stay inside the drawing (issue 26, item 2).
test('a timeline in a narrow column keeps its legend to three rows, inside the drawing', async () => {
  for (const [name, viewport] of [['wide', { width: 1280, height: 720 }], ['narrow', { width: 960, height: 720 }]]) {
    await withPage(viewport, async (page) => {
      await open(page, decks[name]);
      await goTo(page, 'Legend in a narrow column');
      const legend = await page.evaluate(() => {
        const svg = Reveal.getCurrentSlide().querySelector('figure.timeline svg');
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('g.legend text')];
        return { rows: new Set(texts.map((t) => t.getAttribute('y'))).size, words: texts.map((t) => t.textContent),
                 outside: texts.filter((t) => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; })
                   .map((t) => t.textContent) };
      });
      assert.ok(legend.rows <= 3, `${name}: the legend takes ${legend.rows} rows: ${legend.words.join(' | ')}`);
      assert.deepEqual(legend.outside, [], `${name}: legend words past the drawing's sides`);
    });
  }
});

async function goTo(page, heading) {
  await page.evaluate((h) => {
    const i = Reveal.getSlides().findIndex((s) => s.querySelector('h1, h2')?.textContent === h);
    if (i < 0) throw new Error(`no slide "${h}"`);
    Reveal.slide(i);
  }, heading);
}

test('timing details open over the slide: code and output stay put, the table fits, units do not wrap', async () => {
  await withPage({ width: 1280, height: 720 }, async (page) => {
    await open(page, decks.wide);
    await goTo(page, 'Timing details');
    const boxes = () => page.evaluate(() => {
      const s = Reveal.getCurrentSlide();
      return [...s.querySelectorAll('pre.code, pre.snippet-output')].map((e) => JSON.stringify(e.getBoundingClientRect()));
    });
    const closed = await boxes();
    await page.locator('section.present details.timing > summary').click();
    const detail = await page.evaluate(() => {
      const s = Reveal.getCurrentSlide();
      const overlay = s.querySelector('details.timing[open] .overlay');
      const box = s.getBoundingClientRect();
      const o = overlay.getBoundingClientRect();
      const table = overlay.querySelector('table');
      const wrapped = [...table.querySelectorAll('td, th')].filter((c) => c.getClientRects().length > 0 &&
        c.getBoundingClientRect().height > 1.8 * parseFloat(getComputedStyle(c).lineHeight)).map((c) => c.textContent);
      return { position: getComputedStyle(overlay).position, inside: o.top >= box.top && o.bottom <= box.bottom + 1 &&
               o.left >= box.left && o.right <= box.right + 1, tableFits: table.scrollWidth <= overlay.clientWidth + 1 &&
               overlay.scrollHeight <= overlay.clientHeight + 1, wrapped };
    });
    assert.deepEqual(await boxes(), closed, 'opening the details moved the code or output');
    assert.equal(detail.position, 'absolute');
    assert.ok(detail.inside, 'the overlay leaves the slide');
    assert.ok(detail.tableFits, 'the statistics table does not fit its overlay');
    assert.deepEqual(detail.wrapped, [], 'cells that wrap');
  });
});

test('claims: the mark and the verdict on one line; a failed claim is a closed red box that opens its evidence', async () => {
  await withPage({ width: 1280, height: 720 }, async (page) => {
    await open(page, decks.wide);
    await goTo(page, 'Claims');
    const look = await page.evaluate(() => {
      const s = Reveal.getCurrentSlide();
      const line = (summary) => {
        const lh = parseFloat(getComputedStyle(summary).lineHeight);
        return summary.getBoundingClientRect().height / Reveal.getScale() / lh;
      };
      const ok = s.querySelector('details.claim.ok > summary');
      const fail = s.querySelector('details.claim.fail');
      return { okLines: line(ok), okMark: getComputedStyle(ok, '::before').content,
               failLines: line(fail.querySelector('summary')), failOpen: fail.open,
               failBg: getComputedStyle(fail).backgroundColor,
               evidenceShown: fail.querySelector('.evidence')?.getClientRects().length > 0 };
    });
    assert.ok(look.okLines < 1.5, `the passing claim takes ${look.okLines.toFixed(2)} lines`);
    assert.match(look.okMark, /✓/);
    assert.ok(look.failLines < 2.5, `the failed claim takes ${look.failLines.toFixed(2)} lines`);
    assert.equal(look.failOpen, false, 'a failed claim opens by itself');
    assert.equal(look.evidenceShown, false);
    assert.notEqual(look.failBg, 'rgba(0, 0, 0, 0)');
    await page.locator('section.present details.claim.fail > summary').click();
    const evidence = await page.evaluate(() => {
      const s = Reveal.getCurrentSlide();
      const e = s.querySelector('details.claim.fail .overlay').getBoundingClientRect();
      const box = s.getBoundingClientRect();
      return { shown: e.height > 0, inside: e.top >= box.top && e.bottom <= box.bottom + 1 };
    });
    assert.ok(evidence.shown && evidence.inside, `evidence ${JSON.stringify(evidence)}`);
  });
});

// An opened overlay (timing details, a claim's evidence) closes where a speaker would
// close it: a second click on its summary line (still in sight and not covered), its ✕,
// or Escape, which then does not also open reveal.js's overview. Clicks go to screen
// points, as a mouse's do, so an overlay lying over its summary takes the click.
for (const [heading, selector] of [['Timing details', 'details.timing'], ['Claims', 'details.claim.fail'], ['Claims', 'details.claim.ok']]) test(`${selector} on "${heading}" opens and closes by its summary, its ✕ and Escape`, async () => {
  await withPage({ width: 1280, height: 720 }, async (page) => {
    await open(page, decks.wide);
    await goTo(page, heading);
    const details = `section.present ${selector}`;
    const isOpen = () => page.evaluate((sel) => document.querySelector(sel).open, details);
    const centre = async (sel) => {
      const box = await page.locator(sel).boundingBox();
      return [box.x + box.width / 2, box.y + box.height / 2];
    };
    const clickAt = async (sel) => page.mouse.click(...(await centre(sel)));
    const summary = `${details} > summary`;
    const openIt = async () => {
      await clickAt(summary);
      await page.waitForTimeout(50);
      assert.equal(await isOpen(), true, 'a click on the summary did not open it');
      assert.ok(await page.locator(`${details} > .overlay`).isVisible());
    };

    await openIt();
    // The summary line stays in sight: nothing lies over its centre.
    const onTop = await page.evaluate(([sel, x, y]) => document.querySelector(sel).contains(document.elementFromPoint(x, y)),
      [summary, ...(await centre(summary))]);
    assert.ok(onTop, 'the opened overlay covers its own summary');
    await clickAt(summary);
    await page.waitForTimeout(50);
    assert.equal(await isOpen(), false, 'a second click on the summary did not close it');

    await openIt();
    await clickAt(`${details} > .overlay .overlay-close`);
    await page.waitForTimeout(50);
    assert.equal(await isOpen(), false, 'its ✕ did not close it');

    await openIt();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(50);
    assert.equal(await isOpen(), false, 'Escape did not close it');
    assert.equal(await page.evaluate(() => Reveal.isOverview()), false, 'Escape also opened the overview');
    // With nothing open, Escape is reveal.js's again.
    await page.keyboard.press('Escape');
    await page.waitForTimeout(50);
    assert.equal(await page.evaluate(() => Reveal.isOverview()), true, 'Escape no longer opens the overview');
  });
});

for (const [name, viewport] of [['wide', { width: 1280, height: 720 }], ['narrow', { width: 960, height: 720 }]]) test(`charts and timelines fill half the slide or more, with labels of 18px and more at ${viewport.width}x${viewport.height}`, async () => {
  await withPage(viewport, async (page) => {
    await open(page, decks[name]);
    for (const heading of ['One value 50× smaller', 'The same on a log axis', 'A timeline']) {
      await goTo(page, heading);
      const fig = await page.evaluate(() => {
        const s = Reveal.getCurrentSlide();
        const svg = s.querySelector('figure svg');
        const scale = Reveal.getScale();
        // The drawing keeps its proportions inside its box: the tighter side sets its scale.
        const box = svg.getBoundingClientRect();
        const px = Math.min(box.width / svg.viewBox.baseVal.width, box.height / svg.viewBox.baseVal.height) / scale;
        const sizes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim())
          .map((t) => parseFloat(getComputedStyle(t).fontSize) * px);
        // The drawing's own height (its box may be taller than the drawing).
        const drawn = svg.getBoundingClientRect().width / scale * svg.viewBox.baseVal.height / svg.viewBox.baseVal.width;
        return { smallest: Math.min(...sizes), share: Math.min(drawn, svg.getBoundingClientRect().height / scale) / 720,
                 hint: !!svg.querySelector('.scale-hint') };
      });
      // 18 px drawn at 1:1 measures 17.99... after reveal.js's scaling: allow layout rounding.
      assert.ok(fig.smallest >= 17.95, `${heading}: a label is ${fig.smallest.toFixed(2)}px`);
      // Two bars or two lanes still take at least half the slide's height.
      assert.ok(fig.share >= 0.5, `${heading}: the drawing takes ${(fig.share * 100).toFixed(0)}% of the slide's height`);
      if (heading === 'One value 50× smaller') assert.ok(fig.hint, 'no hint to use a log axis');
      if (heading === 'The same on a log axis') assert.ok(!fig.hint, 'a log axis still hints');
    }
  });
});

// A figure inside a column is drawn for that column's width (render/figure_widths.h):
// drawn for the whole text column and scaled into a half, its 18 px labels showed at 9 px.
for (const [name, viewport] of [['wide', { width: 1280, height: 720 }], ['narrow', { width: 960, height: 720 }]]) test(`a chart and a timeline inside columns keep labels of 18px and more at ${viewport.width}x${viewport.height}`, async () => {
  await withPage(viewport, async (page) => {
    await open(page, decks[name]);
    for (const heading of ['A chart beside its reading', 'A timeline in a 60% column']) {
      await goTo(page, heading);
      const fig = await page.evaluate(() => {
        const s = Reveal.getCurrentSlide();
        const svg = s.querySelector('.column figure svg');
        const scale = Reveal.getScale();
        const box = svg.getBoundingClientRect();
        const column = svg.closest('.column').getBoundingClientRect();
        const px = Math.min(box.width / svg.viewBox.baseVal.width, box.height / svg.viewBox.baseVal.height) / scale;
        const sizes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim())
          .map((t) => parseFloat(getComputedStyle(t).fontSize) * px);
        return { smallest: Math.min(...sizes), labels: sizes.length,
                 inColumn: box.left >= column.left - 1 && box.right <= column.right + 1,
                 widthShare: box.width / column.width };
      });
      assert.ok(fig.labels > 3, `${heading}: ${fig.labels} labels`);
      assert.ok(fig.smallest >= 17.95, `${heading}: a label is ${fig.smallest.toFixed(2)}px`);
      assert.ok(fig.inColumn, `${heading}: the drawing leaves its column`);
      // Drawn for the column: it spans the column rather than a sliver of it.
      assert.ok(fig.widthShare > 0.9, `${heading}: the drawing takes ${(fig.widthShare * 100).toFixed(0)}% of its column's width`);
    }
  });
});

test('the trace downloads from the deck itself', async () => {
  await withPage({ width: 1280, height: 720 }, async (page) => {
    await open(page, decks.wide);
    await goTo(page, 'A timeline');
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.locator('section.present a.trace-download').click()]);
    assert.equal(download.suggestedFilename(), 'traced.json');
    const trace = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.ok(trace.traceEvents.some((e) => e.name === 'compute'), 'the downloaded trace lacks its spans');
    assert.match(await page.locator('section.present a.trace-download').getAttribute('href'), /^blob:/);
  });
});

test('a slide holding only a heading is centred', async () => {
  await withPage({ width: 1280, height: 720 }, async (page) => {
    await open(page, decks.wide);
    await goTo(page, 'A section slide');
    const offset = await page.evaluate(() => {
      const s = Reveal.getCurrentSlide().getBoundingClientRect();
      const h = Reveal.getCurrentSlide().querySelector('h1').getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(Reveal.getCurrentSlide().querySelector('h1'));
      const t = range.getBoundingClientRect();
      return { x: Math.abs((t.left + t.right) / 2 - (s.left + s.right) / 2), y: Math.abs((h.top + h.bottom) / 2 - (s.top + s.bottom) / 2) };
    });
    assert.ok(offset.x < 4 && offset.y < 40, `the heading is off centre by ${JSON.stringify(offset)}`);
  });
});
