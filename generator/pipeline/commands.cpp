#include "pipeline/commands.h"

#include <fmt/format.h>

#include "model/input_error.h"
#include "read/deck_reader.h"
#include "render/highlight.h"
#include "render/slides.h"
#include "util/files.h"
#include "write/page.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// Caches live beside the output, so decks built to different places do not share them.
fs::path cache_dir(const Options& o) { return o.output.parent_path() / ".cache"; }

}  // namespace

int run_command(const Options& options) {
  auto status = make_terminal_status(options.quiet);
  return run_command(options, *status);
}

int run_command(const Options& options, Status& status) {
  try {
    Deck deck = read_deck(options.inputs);

    auto highlighter = make_pygments_highlighter(cache_dir(options) / "highlight.bin");
    HighlightResult highlighted = highlighter->highlight(code_blocks_to_highlight(deck));
    if (!highlighted.warning.empty()) status.warning(highlighted.warning);

    std::vector<RenderedSlide> slides = render_slides(deck, highlighted.html);
    std::string page = write_page(deck.meta, slides);

    if (options.write_deck) {
      write_file_atomically(options.output, page);
      status.info(fmt::format("wrote {} ({} slides, {} KiB)", options.output.generic_string(),
                              slides.size() + (deck.meta.title.empty() ? 0 : 1), (page.size() + 1023) / 1024));
    }
    return exit_ok;
  } catch (const InputError& e) {
    status.error(e.message());
    return exit_input_error;
  } catch (const std::system_error& e) {
    status.error(fmt::format("{} ({})", e.what(), e.code().message()));
    return exit_input_error;
  }
}

}  // namespace deckgen
