#pragma once
// The files a command is asked to write (-o, --report, --junit, the PDF), checked
// before anything runs so that no output destroys anything (issue 13). An output is
// written to a temporary file and renamed over its path, which replaces whatever is
// there; so each must be new or a regular file that is not one of the deck's inputs
// and not inside deckgen's cache. Identity is the file system's (device and inode), not
// the spelling: `deck/../deck/00.md` and a symbolic link to a slide are the slide.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

struct BuildRequest;
struct Deck;
struct Plan;

struct OutputPath {
  std::filesystem::path path;
  std::string option;  // as the user named it: "-o", "--report", "--junit"
};

// Every file `request` makes the build write, traces/ID.json of the traced snippets
// included. For `pdf` (its intermediate page is deckgen's own temporary file) that is
// the PDF instead of the page.
std::vector<OutputPath> outputs_of(const BuildRequest& request, const Plan* plan = nullptr);

// Where a traced snippet's trace is written: traces/ID.json beside the deck.
std::filesystem::path trace_path(const std::filesystem::path& deck, const std::string& id);
inline constexpr std::string_view kTracesOption = "-o (its traces/)";
inline constexpr size_t kMaxFileNameBytes = 255;  // NAME_MAX on Linux file systems

// The files the deck is read from: its Markdown files, the images its slides show and
// the snippets it runs.
std::vector<std::filesystem::path> input_files(const Deck& deck, const Plan& plan);

// Throws InputError (exit 2; nothing has been written yet) naming the output and its
// option when it ends in '/', when its name is longer than a file name may be, when a
// trace would be written through a symbolic link, when it is an existing path that is not a regular file (a folder, device,
// FIFO or socket, also through a symbolic link), the same file as one of `inputs` or
// as another output, or a path inside `cache_dir`.
void check_outputs(const std::vector<OutputPath>& outputs, const std::vector<std::filesystem::path>& inputs,
                   const std::filesystem::path& cache_dir);

}  // namespace deckgen
