// Photographs chosen slides of built decks (see scripts/screenshots): each slide is
// found by its heading, shown alone at 1280x720 with its details closed, and saved as
// a PNG named after it. Fails when a slide is missing or marked overflowing.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [deck, outDir, claimsDeck] = process.argv.slice(2);
if (!deck || !outDir || !claimsDeck) {
  console.error('usage: node scripts/screenshots.mjs DECK.html OUT_DIR CLAIMS_DECK.html');
  process.exit(2);
}
const decks = { example: deck, claims: claimsDeck };
// DECKGEN_SHOTS, when set, names the pictures to take ("claims.png"); the others are left as they are.
const only = (process.env.DECKGEN_SHOTS || '').split(/[ ,]+/).filter(Boolean);

const shots = [
  { deck: 'example', file: 'code-and-output.png', heading: 'Four CPU-bound jobs on four threads' },
  { deck: 'example', file: 'chart.png', heading: 'What helped?' },
  { deck: 'example', file: 'timeline.png', heading: 'Two computing threads: who runs?' },
  { deck: 'example', file: 'threads.png', heading: "The kernel's view of the same threads" },
  // A claim that holds and an undecided (amber) one, its evidence opened.
  { deck: 'claims', file: 'claims.png', heading: 'Claims are checked on every build', open: 'details.claim.undecided > summary',
    expect: ['details.claim.ok', 'details.claim.undecided'] },
];

fs.mkdirSync(outDir, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'deckgen-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.DECKGEN_CHROMIUM || '/usr/bin/chromium', headless: true,
  viewport: { width: 1280, height: 720 },
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  let open = null;
  for (const shot of shots.filter((s) => only.length === 0 || only.includes(s.file))) {
    if (open !== shot.deck) {
      // No controls or slide number in the pictures: they show the slide, not the player.
      await page.goto(pathToFileURL(path.resolve(decks[shot.deck])).href + '?controls=false&progress=false&slideNumber=false');
      await page.waitForFunction(() => window.Reveal?.isReady());
      open = shot.deck;
    }
    const found = await page.evaluate((heading) => {
      const i = Reveal.getSlides().findIndex((s) => s.querySelector('h1, h2')?.textContent === heading);
      if (i >= 0) Reveal.slide(i);
      return i;
    }, shot.heading);
    if (found < 0) throw new Error(`no slide headed "${shot.heading}"`);
    await page.waitForTimeout(100);
    for (const selector of shot.expect ?? []) {
      if (await page.locator(`section.present ${selector}`).count() === 0) throw new Error(`"${shot.heading}" shows no ${selector}`);
    }
    if (shot.open) await page.locator(`section.present ${shot.open}`).last().click();
    const overflow = await page.evaluate(() => Reveal.getCurrentSlide().dataset.overflow);
    if (overflow) throw new Error(`"${shot.heading}" does not fit: ${overflow}`);
    await page.screenshot({ path: path.join(outDir, shot.file) });
    console.log(`wrote ${path.join(outDir, shot.file)}`);
  }
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
