#pragma once
// Typed reading of YAML values with errors that point into the deck's own files:
// shared by the front matter and the option blocks (run, claim, chart, timeline).
#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/input_error.h"

namespace deckgen {

// What `key: value` lines with a nested map look like, for errors about indentation.
inline constexpr std::string_view kExpectedShape =
    "    file: example.py\n"
    "    runs: 5\n"
    "    expect:\n"
    "      exit: 0\n"
    "      stdout: \"some text\"";

class YamlValues {
 public:
  // `first_line`: the file line of the YAML text's first line; `column_offset`: columns
  // to add (YAML inside an indented block).
  YamlValues(std::string file, int first_line) : file_(std::move(file)), first_line_(first_line) {}

  // Parses `text`; a syntax error is an InputError at its line.
  YAML::Node load(std::string_view text, std::string_view what) const;
  // Parses the YAML of a fenced option block (run, claim, chart, timeline); an empty
  // block is an InputError at `block` saying "WHAT is empty" and `what_to_do`.
  YAML::Node load_block(std::string_view text, const SourcePos& block, std::string_view what,
                        std::string what_to_do) const;

  SourcePos pos(const YAML::Node& n) const;
  std::string scalar(const YAML::Node& n, std::string_view key) const;
  std::string one_of(const YAML::Node& n, std::string_view key, std::initializer_list<std::string_view> allowed) const;
  bool boolean(const YAML::Node& n, std::string_view key) const;
  long integer(const YAML::Node& n, std::string_view key, long min, long max) const;
  double number(const YAML::Node& n, std::string_view key, double min, double max) const;
  // A list of scalars; a single scalar counts as a list of one.
  std::vector<std::string> list(const YAML::Node& n, std::string_view key) const;
  std::map<std::string, std::string> string_map(const YAML::Node& n, std::string_view key) const;

  // From now on, for_each_key keeps the error of each key in `errors` and goes on with
  // the next key, so that one block reports all its mistakes; the caller then calls
  // errors.throw_if_any() before checks that need every key.
  void collect_key_errors(InputErrorList& errors) { errors_ = &errors; }

  // Calls handle(key, value) for each entry of the mapping `root`; a key not in
  // `known` is an InputError naming it, with a "did you mean" when one is close.
  template <typename Handler>
  void for_each_key(const YAML::Node& root, std::string_view what, const std::vector<std::string>& known,
                    Handler&& handle) const {
    // `expect:` with its entries not indented under it reads as an empty `expect`.
    if (root.IsNull())
      throw InputError(pos(root), fmt::format("{} has nothing under it: are its entries indented?", what),
                       fmt::format("indent its `key: value` lines under `{}:` (known keys: {}), like:\n{}", what,
                                   fmt::join(known, ", "), kExpectedShape));
    if (!root.IsMap())
      throw InputError(pos(root), fmt::format("{} must be `key: value` lines", what),
                       fmt::format("known keys: {}", fmt::join(known, ", ")));
    for (const auto& entry : root) {
      auto one_key = [&] {
        std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
        if (std::find(known.begin(), known.end(), key) == known.end()) unknown_key(entry.first, key, what, known);
        handle(key, entry.second);
      };
      if (errors_) errors_->collect(one_key);
      else one_key();
    }
  }

 private:
  [[noreturn]] void unknown_key(const YAML::Node& n, const std::string& key, std::string_view what,
                                const std::vector<std::string>& known) const;
  std::string file_;
  int first_line_;
  InputErrorList* errors_ = nullptr;
};

}  // namespace deckgen
