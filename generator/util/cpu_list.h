#pragma once
// The kernel's CPU list syntax ("0-3,8,10-11"), as in /sys/devices/system/cpu/online,
// /proc/PID/status's Cpus_allowed_list, thread_siblings_list and taskset -c.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

// The CPUs a list names, sorted and without repeats; nullopt when it is not a list
// (empty, a reversed range "3-1", a stray character). Surrounding whitespace is ignored.
std::optional<std::vector<int>> parse_cpu_list(std::string_view text);

// The shortest list naming `cpus` (sorted, unique): {0,1,2,3,5} -> "0-3,5".
std::string format_cpu_list(const std::vector<int>& cpus);

}  // namespace deckgen
