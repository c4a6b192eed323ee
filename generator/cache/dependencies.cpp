#include "cache/dependencies.h"

#include <algorithm>
#include <set>

#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

bool has_extension(const fs::path& file, std::initializer_list<std::string_view> extensions) {
  std::string ext = file.extension().string();
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

bool is_python(const fs::path& file) { return has_extension(file, {".py"}); }
bool is_c_family(const fs::path& file) {
  return has_extension(file, {".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx", ".inl"});
}

bool starts_with_word(std::string_view s, std::string_view word) {
  return s.starts_with(word) && s.size() > word.size() && (s[word.size()] == ' ' || s[word.size()] == '\t');
}

// The first whitespace-separated word of `s`.
std::string_view first_word(std::string_view s) {
  s = trim(s);
  return s.substr(0, s.find_first_of(" \t"));
}

// "a, b as c, (d" -> {"a", "b", "d"}: names, without aliases, parentheses or a line continuation.
std::vector<std::string> name_list(std::string_view s) {
  std::vector<std::string> names;
  while (!s.empty()) {
    size_t comma = s.find(',');
    std::string_view item = s.substr(0, comma);
    std::string name;
    for (char c : first_word(item))
      if (c != '(' && c != ')' && c != '\\') name += c;
    if (!name.empty() && name != "*") names.push_back(name);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return names;
}

std::vector<std::string_view> split_dots(std::string_view dotted) {
  std::vector<std::string_view> parts;
  while (!dotted.empty()) {
    size_t dot = dotted.find('.');
    parts.push_back(dotted.substr(0, dot));
    if (dot == std::string_view::npos) break;
    dotted.remove_prefix(dot + 1);
  }
  return parts;
}

class Scanner {
 public:
  Scanner(const fs::path& top, const fs::path& snippets_dir)
      : snippets_(canonical_or_empty(snippets_dir)), script_dir_(canonical_or_empty(top).parent_path()) {}

  void scan(const fs::path& file) {
    fs::path canonical = canonical_or_empty(file);
    if (canonical.empty() || !seen_.insert(canonical).second) return;
    std::string text;
    if (!read_file(canonical, text)) return;
    if (is_python(canonical)) scan_python(canonical, text);
    else if (is_c_family(canonical)) scan_c(canonical, text);
  }

  std::vector<fs::path> found(const fs::path& top) const {
    std::vector<fs::path> files(seen_.begin(), seen_.end());
    std::erase(files, canonical_or_empty(top));
    return files;  // a std::set iterates in order
  }

 private:
  static fs::path canonical_or_empty(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::canonical(p, ec);
    return ec ? fs::path() : c;
  }

  // Only files in the snippets folder are the deck's; the rest belongs to the toolchain,
  // whose identity is in the key separately.
  bool in_snippets(const fs::path& canonical) const {
    if (snippets_.empty() || canonical.empty()) return false;
    fs::path rel = canonical.lexically_relative(snippets_);
    return !rel.empty() && *rel.begin() != "..";
  }

  // Adds `candidate` when it is a file in the snippets folder; true when it was one.
  bool add_if_local(const fs::path& candidate) {
    std::error_code ec;
    if (!fs::is_regular_file(candidate, ec)) return false;
    fs::path canonical = canonical_or_empty(candidate);
    if (!in_snippets(canonical)) return false;
    scan(canonical);
    return true;
  }

  // A dotted module under `root`: every package's __init__.py on the way, and the module
  // itself as a file or a package. False when `root` does not hold its first part.
  bool add_module(const fs::path& root, const std::vector<std::string_view>& parts) {
    if (parts.empty()) return false;
    std::error_code ec;
    fs::path first = root / std::string(parts[0]);
    if (!fs::is_directory(first, ec) && !fs::is_regular_file(first.string() + ".py", ec)) return false;
    fs::path at = root;
    for (size_t i = 0; i < parts.size(); ++i) {
      at /= std::string(parts[i]);
      add_if_local(at / "__init__.py");
      if (i + 1 == parts.size()) add_if_local(at.string() + ".py");
    }
    return true;
  }

  void scan_python(const fs::path& file, const std::string& text) {
    for (const PythonImport& imp : scan_python_imports(text)) {
      std::vector<std::string_view> parts = split_dots(imp.module);
      std::vector<fs::path> roots;
      if (imp.level == 0) {
        roots = {script_dir_, snippets_};
      } else {
        fs::path base = file.parent_path();
        for (int up = 1; up < imp.level; ++up) base = base.parent_path();
        roots = {base};
      }
      for (const fs::path& root : roots) {
        if (!parts.empty() && !add_module(root, parts)) continue;
        // `from pkg import name` may name a submodule: pkg/name.py.
        fs::path package = root;
        for (std::string_view part : parts) package /= std::string(part);
        for (const std::string& name : imp.names) {
          add_if_local(package / (name + ".py"));
          add_if_local(package / name / "__init__.py");
        }
        break;  // Python takes the first folder on sys.path that has the module
      }
    }
  }

  void scan_c(const fs::path& file, const std::string& text) {
    for (const Include& inc : scan_includes(text)) {
      if (inc.quoted && add_if_local(file.parent_path() / inc.path)) continue;
      add_if_local(snippets_ / inc.path);
    }
  }

  fs::path snippets_, script_dir_;
  std::set<fs::path> seen_;
};

}  // namespace

std::vector<PythonImport> scan_python_imports(std::string_view source) {
  std::vector<PythonImport> imports;
  LineCursor lines(source);
  for (std::string_view line; lines.next(line);) {
    line = line.substr(0, line.find('#'));
    // `import a; from b import c` holds two statements.
    while (!line.empty()) {
      size_t semicolon = line.find(';');
      std::string_view statement = trim(line.substr(0, semicolon));
      line = semicolon == std::string_view::npos ? std::string_view() : line.substr(semicolon + 1);
      if (starts_with_word(statement, "import")) {
        for (std::string& module : name_list(statement.substr(6))) imports.push_back({0, std::move(module), {}});
      } else if (starts_with_word(statement, "from")) {
        std::string_view rest = trim(statement.substr(4));
        std::string_view module = first_word(rest);
        rest = trim(rest.substr(module.size()));
        if (!starts_with_word(rest, "import")) continue;
        PythonImport imp;
        while (!module.empty() && module.front() == '.') ++imp.level, module.remove_prefix(1);
        imp.module = module;
        imp.names = name_list(rest.substr(6));
        imports.push_back(std::move(imp));
      }
    }
  }
  return imports;
}

std::vector<Include> scan_includes(std::string_view source) {
  std::vector<Include> includes;
  LineCursor lines(source);
  for (std::string_view line; lines.next(line);) {
    line = trim(line);
    if (!line.starts_with('#')) continue;
    line = trim(line.substr(1));
    if (!line.starts_with("include")) continue;
    line = trim(line.substr(7));
    if (line.empty() || (line[0] != '"' && line[0] != '<')) continue;
    char close = line[0] == '"' ? '"' : '>';
    size_t end = line.find(close, 1);
    if (end == std::string_view::npos || end == 1) continue;
    includes.push_back({std::string(line.substr(1, end - 1)), close == '"'});
  }
  return includes;
}

std::vector<fs::path> local_dependencies(const fs::path& file, const fs::path& snippets_dir) {
  Scanner scanner(file, snippets_dir);
  scanner.scan(file);
  return scanner.found(file);
}

}  // namespace deckgen
