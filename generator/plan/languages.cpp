#include "plan/languages.h"

#include <algorithm>

namespace deckgen {

std::vector<Language> builtin_languages() {
  // -O2 and -pthread because the workshop's C and C++ examples are about threads and
  // speed; -I{snippets} so they can include headers from the snippets folder (deckgen's
  // own deckgen_trace.h comes through CPATH, after it: see run/trace_helpers.h).
  return {
      {"python", {".py"}, {}, {"{python}", "{file}"}, "python"},
      {"c", {".c"}, {"cc", "-O2", "-std=c17", "-pthread", "-I{snippets}", "{file}", "-o", "{exe}", "-lm"}, {"{exe}"}, "c"},
      {"cpp", {".cpp", ".cc", ".cxx"}, {"g++", "-O2", "-std=c++20", "-pthread", "-I{snippets}", "{file}", "-o", "{exe}"}, {"{exe}"}, "cpp"},
      {"rust", {".rs"}, {"rustc", "-O", "{file}", "-o", "{exe}"}, {"{exe}"}, "rust"},
      {"sh", {".sh"}, {}, {"/bin/sh", "{file}"}, "sh"},
  };
}

std::vector<Language> language_table(const std::vector<Language>& extra) {
  std::vector<Language> table = builtin_languages();
  for (const Language& lang : extra) {
    auto same = std::find_if(table.begin(), table.end(), [&](const Language& l) { return l.name == lang.name; });
    if (same != table.end()) *same = lang;
    else table.push_back(lang);
  }
  return table;
}

const Language* find_language_by_name(const std::vector<Language>& table, const std::string& name) {
  for (const Language& l : table)
    if (l.name == name) return &l;
  return nullptr;
}

const Language* find_language_by_extension(const std::vector<Language>& table, const std::string& extension) {
  for (const Language& l : table)
    if (std::find(l.extensions.begin(), l.extensions.end(), extension) != l.extensions.end()) return &l;
  return nullptr;
}

std::vector<std::string> expand_command(const std::vector<std::string>& argv_template,
                                        const std::map<std::string, std::string>& values) {
  std::vector<std::string> argv;
  for (std::string arg : argv_template) {
    for (const auto& [name, value] : values) {
      std::string token = "{" + name + "}";
      // Continue after what was put in, so a value holding its own token is left alone.
      for (size_t at = 0; (at = arg.find(token, at)) != std::string::npos; at += value.size())
        arg.replace(at, token.size(), value);
    }
    argv.push_back(std::move(arg));
  }
  return argv;
}

}  // namespace deckgen
