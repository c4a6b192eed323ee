#pragma once
// Small pieces shared by the SVG drawings (timeline_svg, chart_svg): text that is safe in
// SVG, compact numbers, rough text widths for layout, "nice" axis steps and the palette.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen::svg {

// Text for element content or an attribute value: valid UTF-8, no control characters
// (which XML forbids), and & < > " ' escaped.
std::string text(std::string_view raw);

// A coordinate with at most one decimal and no trailing ".0": "12", "12.5", "-3.2".
// Fixed precision keeps the output deterministic and small.
std::string num(double v);

// A rough width in px of `raw` set in a sans-serif font of `font_px` (about 0.56 em per
// character): enough to decide whether a label fits, not to typeset.
double text_width(std::string_view raw, double font_px);

// `raw` shortened with "…" to fit `max_px` at `font_px` (whole UTF-8 characters).
std::string fit(std::string_view raw, double font_px, double max_px);

// `raw` broken at spaces into lines of at most `max_px` at `font_px` (a word longer than
// that stays whole on a line of its own): captions of a narrow drawing.
std::vector<std::string> wrap(std::string_view raw, double font_px, double max_px);

// The step of 1, 2 or 5 × 10^k closest above range / max_ticks, so that an axis over
// `range` gets at most `max_ticks` intervals. 1 for a range that is not positive.
double nice_step(double range, int max_ticks);
// The largest 1, 2 or 5 times a power of ten that is at most `range` (1 for no range).
double nice_step_within(double range);

// A colour for `name` that never changes between builds: a stable hash (FNV-1a) picks
// one of 16 mid-tone colours that dark text reads on and that show on light and dark
// slide backgrounds alike.
std::string colour_for(std::string_view name);
size_t palette_index(std::string_view name);          // colour_for's slot in palette()
const std::vector<std::string>& palette();

// `hex` ("#rrggbb") mixed with white by `amount` (0 = unchanged, 1 = white).
std::string lighter(std::string_view hex, double amount);

}  // namespace deckgen::svg
