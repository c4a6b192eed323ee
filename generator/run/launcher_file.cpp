#include "run/launcher_file.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

#include "util/embedded.h"

#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U  // Linux 6.3+: ask for an executable memfd even where the default is not
#endif

namespace deckgen {
namespace {

LauncherFile make_launcher_file() {
  int fd = ::memfd_create("deckgen-launcher", MFD_CLOEXEC | MFD_EXEC);
  if (fd == -1 && errno == EINVAL) fd = ::memfd_create("deckgen-launcher", MFD_CLOEXEC);  // older kernel
  if (fd == -1) throw std::system_error(errno, std::generic_category(), "cannot create the snippet launcher");
  std::string_view bytes = embedded_asset(Asset_id::launcher);
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n == -1 && errno == EINTR) continue;
    if (n <= 0) throw std::system_error(errno, std::generic_category(), "cannot write the snippet launcher");
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  // Through /proc/self the path stays right in a forked child; the descriptor is
  // close-on-exec, which is fine for a static ELF binary (only scripts need it later).
  return {fd, "/proc/self/fd/" + std::to_string(fd)};
}

}  // namespace

const LauncherFile& launcher_file() {
  static const LauncherFile file = make_launcher_file();
  return file;
}

}  // namespace deckgen
