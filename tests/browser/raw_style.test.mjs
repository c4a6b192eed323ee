// A raw <style> block in a slide's Markdown (HTML passes through, docs/theming.md) in
// headless Chromium: styling paragraphs and sections must not cost the headings their
// look (the theme's heading colour and the accent rule under a slide's first heading,
// a heading-only slide centred), even when the <style> stands before the heading; and
// what a raw <style> can override, as docs/theming.md says: the theme's variables on
// body.deckgen and rules as specific as the theme's, not a bare `h2 { color }`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deckgen, openDeck, withOfflinePage } from './lib.mjs';

let workDir;

function build(name, slides) {
  const dir = path.join(workDir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '01.md'), ['---', 'title: Raw style', 'theme: paper', '---', '', ...slides, ''].join('\n'));
  const out = path.join(workDir, `${name}.html`);
  const run = spawnSync(deckgen, ['build', dir, '-o', out], { encoding: 'utf8' });
  assert.equal(run.status, 0, `deckgen build: exit ${run.status}\n${run.stderr}`);
  return out;
}

// Each slide's first heading: its colour, the theme's --heading (as rgb), its rule
// under it, and whether its slide is centred.
async function headings(page) {
  return page.evaluate(async () => {
    const probe = document.createElement('span');
    document.body.append(probe);
    probe.style.color = getComputedStyle(document.body).getPropertyValue('--heading');
    const theme = getComputedStyle(probe).color;
    probe.remove();
    const out = [];
    for (let i = 0; i < Reveal.getTotalSlides(); i++) {
      Reveal.slide(i);
      await new Promise((r) => setTimeout(r, 10));
      const slide = Reveal.getCurrentSlide();
      const h = slide.querySelector(':scope > :is(h1, h2)');
      if (!h || slide.classList.contains('title-slide')) continue;
      const look = getComputedStyle(h);
      out.push({ text: h.textContent, colour: look.color, theme, rule: look.borderBottomStyle !== 'none' && parseFloat(look.borderBottomWidth) > 0,
                 centred: getComputedStyle(slide).justifyContent === 'center', paragraph: slide.querySelector('p') && getComputedStyle(slide.querySelector('p')).color });
    }
    return out;
  });
}

before(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deckgen-raw-style-'));
});

after(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

test('a raw <style> for paragraphs and sections leaves the headings as the theme draws them', async () => {
  const style = ['<style>', '.reveal p { color: rgb(0, 128, 0); }', 'section { letter-spacing: 0.01em; color: rgb(0, 0, 128); }', '</style>'];
  const deck = build('keeps', [
    ...style, '', '## Style first', '', 'A paragraph in green.', '',
    '---', '',
    '## Style last', '', 'Another paragraph.', '', ...style, '',
    '---', '',
    ...style, '', '# A section slide', '',
  ]);
  await withOfflinePage(workDir, { width: 1280, height: 720 }, async (page) => {
    await openDeck(page, deck);
    const seen = await headings(page);
    assert.deepEqual(seen.map((h) => h.text), ['Style first', 'Style last', 'A section slide']);
    for (const h of seen) assert.equal(h.colour, h.theme, `"${h.text}" is not in the theme's heading colour`);
    assert.equal(seen[0].paragraph, 'rgb(0, 128, 0)', 'the raw <style> applies');
    assert.ok(seen[0].rule, 'a <style> before the heading takes away its rule');
    assert.ok(seen[1].rule);
    assert.ok(seen[2].centred, 'a <style> on a heading-only slide keeps it from being centred');
    assert.ok(!seen[2].rule, 'a section slide\'s heading has no rule');
  });
});

test('a raw <style> overrides the theme through its variables or rules as specific as the theme\'s', async () => {
  // The <style> after the heading: a deck without `---` starts a slide at each `##`, and
  // one before it would be a slide of its own.
  const deck = build('overrides', [
    '## Variables win', '',
    '<style>', 'body.deckgen { --heading: rgb(10, 20, 30); }', 'h2 { color: rgb(255, 0, 0); }',
    '.deckgen .reveal h3 { color: rgb(0, 90, 0); }', '</style>', '',
    '### Specific rules win', '',
  ]);
  await withOfflinePage(workDir, { width: 1280, height: 720 }, async (page) => {
    await openDeck(page, deck);
    const look = await page.evaluate(() => {
      Reveal.slide(1);
      const s = Reveal.getCurrentSlide();
      return { h2: getComputedStyle(s.querySelector('h2')).color, h3: getComputedStyle(s.querySelector('h3')).color };
    });
    assert.equal(look.h2, 'rgb(10, 20, 30)', 'the --heading variable set on body.deckgen colours headings; a bare h2 rule does not');
    assert.equal(look.h3, 'rgb(0, 90, 0)');
  });
});
