#include "pipeline/init_command.h"

#include <fmt/format.h>

#include "init/starter_deck.h"
#include "model/input_error.h"

namespace deckgen {

int run_init(const Options& options, Status& status) {
  try {
    std::vector<std::filesystem::path> written = write_starter_deck(options.init_dir);
    for (const auto& file : written) status.info(fmt::format("wrote {}", file.generic_string()));
    std::string cd = options.init_dir == "." ? "" : fmt::format("cd {} && ", options.init_dir.generic_string());
    status.summary(fmt::format("a starter talk in {} files; build it with: {}deckgen build   (or `deckgen watch` "
                               "to see it at http://127.0.0.1:8000/ while you edit)",
                               written.size(), cd));
    return exit_ok;
  } catch (const InputError& e) {
    status.error(e.message());
    return exit_input_error;
  } catch (const std::system_error& e) {
    status.error(e.what());
    return exit_input_error;
  }
}

}  // namespace deckgen
