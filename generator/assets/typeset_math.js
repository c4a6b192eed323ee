// Typesets formulas for deckgen (draw/math.cpp), run as `node -e`. Standard input holds
// KaTeX's katex.min.js, a NUL byte, then JSON: [{"tex": "...", "display": true}, ...].
// Standard output gets one entry per formula, in order: {"html": "..."}, or
// {"error": "...", "offset": N} when KaTeX cannot read it (N: bytes into the TeX, -1
// when KaTeX names no place). KaTeX is handed in rather than looked up on disk, so the
// typesetting is that of the KaTeX deckgen was built with, wherever it runs.
'use strict';
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const input = Buffer.concat(chunks);
  const nul = input.indexOf(0);
  const katexModule = { exports: {} };
  new Function('module', 'exports', input.subarray(0, nul).toString('utf8'))(katexModule, katexModule.exports);
  const katex = katexModule.exports;
  const formulas = JSON.parse(input.subarray(nul + 1).toString('utf8'));
  const typeset = formulas.map(({ tex, display }) => {
    try {
      // trust: false keeps \href, \url and \htmlClass out: a formula is only a formula.
      // strict: 'ignore' lets Unicode letters stand in text as they do in LaTeX with inputenc.
      return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, trust: false, strict: 'ignore' }) };
    } catch (e) {
      if (!(e instanceof katex.ParseError)) throw e;
      const offset = typeof e.position === 'number' ? Buffer.byteLength(tex.slice(0, e.position)) : -1;
      return { error: e.rawMessage || e.message, offset };
    }
  });
  process.stdout.write(JSON.stringify(typeset));
});
