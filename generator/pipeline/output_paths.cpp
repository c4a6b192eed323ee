#include "pipeline/output_paths.h"

#include <sys/stat.h>

#include <fmt/format.h>

#include <optional>
#include <utility>

#include "pipeline/build_request.h"
#include "model/document.h"
#include "model/input_error.h"
#include "plan/plan.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

using FileId = std::pair<dev_t, ino_t>;

// stat(2), following symbolic links: what a write would end up replacing or reading.
std::optional<struct stat> status_of(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return st;
}

std::optional<FileId> id_of(const fs::path& path) {
  auto st = status_of(path);
  if (!st) return std::nullopt;
  return FileId{st->st_dev, st->st_ino};
}

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

// Whether `path` is `dir` or lies under it, by identity of each folder on its way (so a
// symbolic link into the cache counts), or by name while the cache does not exist yet.
bool inside(const fs::path& path, const fs::path& dir) {
  std::error_code ec;
  fs::path real_dir = fs::weakly_canonical(dir, ec);
  if (ec) real_dir = fs::absolute(dir).lexically_normal();
  std::optional<FileId> dir_id = id_of(dir);
  fs::path real = fs::weakly_canonical(path, ec);
  if (ec) real = fs::absolute(path).lexically_normal();
  for (fs::path p = real; !p.empty(); p = p.parent_path()) {
    if (p == real_dir || (dir_id && id_of(p) == dir_id)) return true;
    if (p == p.parent_path()) break;
  }
  return false;
}

[[noreturn]] void refuse(const OutputPath& out, const std::string& problem, const std::string& what_to_do) {
  throw InputError(SourcePos{out.path.generic_string(), 0, 0}, fmt::format("{} {}", out.option, problem), what_to_do);
}

}  // namespace

std::vector<fs::path> input_files(const Deck& deck, const Plan& plan) {
  std::vector<fs::path> files(deck.files.begin(), deck.files.end());
  for (const auto& [path, image] : deck.images) files.emplace_back(path);
  for (const PlannedSnippet& s : plan.snippets) files.push_back(s.spec.file);
  return files;
}

std::vector<OutputPath> outputs_of(const BuildRequest& request, const Plan* plan) {
  const Options& options = request.options;
  std::vector<OutputPath> outputs;
  if (request.deck_is_intermediate) outputs.push_back({options.pdf_output, "-o"});
  else if (options.write_deck) outputs.push_back({options.output, "-o"});
  if (options.report) outputs.push_back({*options.report, "--report"});
  if (options.junit) outputs.push_back({*options.junit, "--junit"});
  // A traced snippet's trace goes beside the deck (pipeline/build_command.cpp), and is
  // checked like the deck itself (issue 24: it was written through a symbolic link and
  // over a FIFO).
  if (plan && options.write_deck && !request.deck_is_intermediate)
    for (const PlannedSnippet& s : plan->snippets)
      if (s.spec.trace) outputs.push_back({trace_path(options.output, s.spec.id), std::string(kTracesOption)});
  return outputs;
}

fs::path trace_path(const fs::path& deck, const std::string& id) { return deck.parent_path() / "traces" / (id + ".json"); }

void check_outputs(const std::vector<OutputPath>& outputs, const std::vector<fs::path>& inputs,
                   const fs::path& cache_dir) {
  std::vector<std::pair<FileId, const fs::path*>> input_ids;
  for (const fs::path& input : inputs)
    if (auto id = id_of(input)) input_ids.push_back({*id, &input});

  for (size_t i = 0; i < outputs.size(); ++i) {
    const OutputPath& out = outputs[i];
    // Found here, before anything runs or is made: `-o dir/` used to create dir/ and
    // then fail, and a snippet id too long for a file name failed after every run.
    if (!out.path.has_filename())
      refuse(out, "ends in '/': it names a folder, not the file to write", "name the file, e.g. output/deck.html");
    if (out.path.filename().string().size() > kMaxFileNameBytes)
      refuse(out, fmt::format("has a file name of {} bytes, more than the {} a file system allows",
                              out.path.filename().string().size(), kMaxFileNameBytes),
             "use a shorter name (for traces/, a shorter snippet id)");
    std::error_code ec;
    if (fs::path folder = out.path.parent_path(); out.option == kTracesOption && fs::is_symlink(fs::symlink_status(folder, ec)))
      refuse(out, fmt::format("would be written through {}, a symbolic link", folder.generic_string()),
             "remove the link: traces/ beside the deck is deckgen's own folder");
    if (auto st = status_of(out.path); st && !S_ISREG(st->st_mode))
      refuse(out, fmt::format("names {}, not a regular file: writing the output would replace it", kind_of(st->st_mode)),
             "name a new file, or a regular file to overwrite");
    if (auto id = id_of(out.path)) {
      for (const auto& [input_id, input] : input_ids)
        if (*id == input_id)
          refuse(out, fmt::format("names {}, an input of the deck: writing the output would destroy it",
                                  input->generic_string()),
                 "name a file that is not a slide, snippet or image, e.g. output/deck.html");
      for (size_t j = 0; j < i; ++j)
        if (id_of(outputs[j].path) == id)
          refuse(out, fmt::format("names the same file as {}", outputs[j].option), "give each output its own file");
    } else {
      for (size_t j = 0; j < i; ++j)
        if (fs::absolute(outputs[j].path).lexically_normal() == fs::absolute(out.path).lexically_normal())
          refuse(out, fmt::format("names the same file as {}", outputs[j].option), "give each output its own file");
    }
    if (inside(out.path, cache_dir))
      refuse(out, fmt::format("names a path inside deckgen's cache ({})", cache_dir.generic_string()),
             "write outputs outside the cache folder, e.g. output/deck.html");
  }
}

}  // namespace deckgen
