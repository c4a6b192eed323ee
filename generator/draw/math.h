#pragma once
// Math typeset at build time: every `$...$` and `$$...$$` (read/math_syntax.h) becomes
// KaTeX's HTML, made by the KaTeX that package-lock.json pins (compiled into deckgen) under
// node, so the deck ships no math script and a TeX error stops the build at its line
// rather than showing red on a projected slide. The page carries KaTeX's stylesheet and
// fonts only when a slide holds math (write/page.h). Formulas are cached by their TeX,
// like diagrams: a rebuild starts node only for formulas it has not typeset before.
#include <string>
#include <vector>

#include "model/document.h"
#include "util/entry_store.h"

namespace deckgen {

// Fills deck.formulas. `cache` (may be null: no cache) keeps each formula's HTML;
// `cache_warnings` receives a line per kept entry that could not be used or written. A
// formula KaTeX cannot read is an InputError at the formula (all of them are reported
// together); a missing `node` is one at the first formula to typeset.
void typeset_math(Deck& deck, const EntryStore* cache, std::vector<std::string>* cache_warnings);

}  // namespace deckgen
