#pragma once
// The local files a snippet's result depends on besides its own source: the Python
// modules it imports from the snippets folder and the C/C++ headers it includes from
// there, found recursively by a simple scan of the text. Nothing is run.
//
// The scan errs on the side of more dependencies: an import inside a string or a
// comment-like docstring counts too, which costs at most an unneeded rerun. What it
// cannot see (importlib.import_module("x"), exec, a macro-built #include) is not a
// dependency: after editing such a file, rebuild with --force.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

// Every file `file` depends on, directly or through another dependency, that exists in
// `snippets_dir`: canonical absolute paths, sorted, without `file` itself. Files are
// scanned by extension: .py for imports; .c .cc .cpp .cxx .h .hh .hpp .hxx .inl for
// #include. Other files have no dependencies.
//
// Python imports resolve as the executor runs them: absolute ones against the folder of
// `file` (sys.path[0]) and then `snippets_dir` (PYTHONPATH), relative ones (`from .x`)
// against the importing file's folder. Includes resolve as the built-in compile
// commands do: "x.h" against the including file's folder and then `snippets_dir`
// (-I{snippets}); <x.h> against `snippets_dir` only.
std::vector<std::filesystem::path> local_dependencies(const std::filesystem::path& file,
                                                      const std::filesystem::path& snippets_dir);

// One Python import as written: `from ..pkg.mod import a, b` is {level 2, "pkg.mod",
// {"a", "b"}}; `import x.y as z` is {0, "x.y", {}}.
struct PythonImport {
  int level = 0;                   // leading dots: 0 absolute, 1 the current package, ...
  std::string module;              // dotted; empty in `from . import x`
  std::vector<std::string> names;  // what `from ... import` names (may be submodules)
};
std::vector<PythonImport> scan_python_imports(std::string_view source);

// The targets of `#include "x"` (quoted = true) and `#include <x>` lines.
struct Include {
  std::string path;
  bool quoted = false;
};
std::vector<Include> scan_includes(std::string_view source);

}  // namespace deckgen
