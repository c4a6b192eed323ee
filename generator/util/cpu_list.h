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

// `--cpus` with several masks, one configuration each, in the order given: masks are
// separated by `/` ("0/0-1"), and `all` in a comma list is a mask of its own, the other
// CPUs of the list together one more ("1,all" -> "1", "all"; "0,2,all" -> "0,2", "all").
// One mask: one element. The masks are not checked here (parse_cpu_list does).
std::vector<std::string> split_cpu_masks(std::string_view text);

// The shortest list naming `cpus` (sorted, unique): {0,1,2,3,5} -> "0-3,5".
std::string format_cpu_list(const std::vector<int>& cpus);

}  // namespace deckgen
