#pragma once
// Reading the kernel's text files (/proc/stat, /proc/cpuinfo). They report a size of 0,
// so util/files.h's read_file, which trusts the size, reads nothing from them.
#include <filesystem>
#include <optional>
#include <string>

namespace deckgen {

// The whole content, read until end of file; nullopt when it cannot be opened or read.
std::optional<std::string> read_proc_file(const std::filesystem::path& path);

}  // namespace deckgen
