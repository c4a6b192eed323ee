// Math in headless Chromium: a deck whose slides hold inline and displayed formulas,
// opened from file:// with every request off the file refused. KaTeX's fonts must load
// from the page itself, every formula must be laid out (boxes of non-zero size, in
// KaTeX's font) and stay inside its slide.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deckgen, openDeck, withOfflinePage } from './lib.mjs';

let workDir;
let deck;

before(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deckgen-math-'));
  fs.mkdirSync(path.join(workDir, 'deck'));
  fs.writeFileSync(path.join(workDir, 'deck', '01.md'), [
    '---', 'title: Math', 'theme: dark', '---', '',
    '## Inline', '', 'The area is $\\pi r^2$, the sum $\\sum_{i=1}^{n} i$ and $e^{i\\pi} + 1 = 0$.', '',
    '---', '',
    '## Displayed', '', 'A job whose share $s$ must run alone:', '',
    '$$', '\\text{speed-up}(n) = \\frac{1}{s + \\dfrac{1 - s}{n}} \\qquad \\text{never more than } \\frac{1}{s}', '$$', '',
    '- and a matrix $\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$ in a list', '',
  ].join('\n'));
  deck = path.join(workDir, 'out', 'deck.html');
  const run = spawnSync(deckgen, ['build', path.join(workDir, 'deck'), '-o', deck], { encoding: 'utf8' });
  assert.equal(run.status, 0, `deckgen build: exit ${run.status}\n${run.stderr}`);
});

after(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

test('formulas are laid out in KaTeX\'s fonts, offline, inside their slides', async () => {
  await withOfflinePage(workDir, { width: 1280, height: 720 }, async (page) => {
    await openDeck(page, deck);
    const seen = await page.evaluate(async () => {
      const out = { slides: [] };
      for (let i = 0; i < Reveal.getTotalSlides(); i++) {
        Reveal.slide(i);
        await new Promise((r) => setTimeout(r, 10));
        await document.fonts.ready;
        const slide = Reveal.getCurrentSlide();
        const box = slide.getBoundingClientRect();
        const formulas = [...slide.querySelectorAll('.katex')].map((el) => {
          const r = el.getBoundingClientRect();
          const inside = r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
          return { tex: el.querySelector('annotation')?.textContent, width: r.width, height: r.height, inside,
                   font: getComputedStyle(el.querySelector('.mord') ?? el).fontFamily };
        });
        out.slides.push({ title: slide.querySelector('h2')?.textContent, formulas, overflow: slide.dataset.overflow || '' });
      }
      out.mainFont = document.fonts.check('20px KaTeX_Main') && [...document.fonts].some((f) => f.family === 'KaTeX_Main' && f.status === 'loaded');
      return out;
    });
    const inline = seen.slides.find((s) => s.title === 'Inline');
    const displayed = seen.slides.find((s) => s.title === 'Displayed');
    assert.equal(inline.formulas.length, 3);
    assert.equal(displayed.formulas.length, 3);
    for (const s of [inline, displayed]) {
      assert.equal(s.overflow, '', `${s.title} overflows`);
      for (const f of s.formulas) {
        assert.ok(f.width > 1 && f.height > 1, `${f.tex} is not laid out: ${f.width}x${f.height}`);
        assert.ok(f.inside, `${f.tex} leaves its slide`);
        assert.match(f.font, /KaTeX/, `${f.tex} is not in KaTeX's font`);
      }
    }
    assert.ok(seen.mainFont, 'KaTeX_Main was not loaded from the page');
    // The displayed formula stands on its own, wider than the inline ones.
    const law = displayed.formulas.find((f) => f.tex.includes('speed-up'));
    assert.ok(law.width > 2 * inline.formulas[0].width, `the law is ${law.width}px wide`);
  });
});
