#pragma once
// The snippet launcher (run/launcher.c) is compiled into deckgen as an asset; this
// turns it into something exec() can run, once per deckgen process.
#include <string>

namespace deckgen {

struct LauncherFile {
  int fd;            // keep it open in the child until exec: the path goes through it
  std::string path;  // "/proc/self/fd/N"
};

// An executable in-memory copy (memfd) of the launcher, made on first use.
// Throws std::runtime_error when it cannot be made.
const LauncherFile& launcher_file();

}  // namespace deckgen
