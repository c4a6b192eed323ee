// Photographs chosen slides of a built deck (see scripts/screenshots): each slide is
// found by its heading, shown alone at 1280x720 with its details closed, and saved as
// a PNG named after it. Fails when a slide is missing or marked overflowing.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [deck, outDir] = process.argv.slice(2);
if (!deck || !outDir) {
  console.error('usage: node scripts/screenshots.mjs DECK.html OUT_DIR');
  process.exit(2);
}

const shots = [
  { file: 'code-and-output.png', heading: 'Four CPU-bound jobs on four threads' },
  { file: 'chart.png', heading: 'What helped?' },
  { file: 'timeline.png', heading: 'Two computing threads: who runs?' },
  { file: 'threads.png', heading: "The kernel's view of the same threads" },
  { file: 'claims.png', heading: 'Claims are checked on every build', open: 'details.claim.fail > summary' },
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
  // No controls or slide number in the pictures: they show the slide, not the player.
  await page.goto(pathToFileURL(path.resolve(deck)).href + '?controls=false&progress=false&slideNumber=false');
  await page.waitForFunction(() => window.Reveal?.isReady());
  for (const shot of shots) {
    const found = await page.evaluate((heading) => {
      const i = Reveal.getSlides().findIndex((s) => s.querySelector('h1, h2')?.textContent === heading);
      if (i >= 0) Reveal.slide(i);
      return i;
    }, shot.heading);
    if (found < 0) throw new Error(`no slide headed "${shot.heading}"`);
    await page.waitForTimeout(100);
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
