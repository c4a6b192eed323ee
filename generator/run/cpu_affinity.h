#pragma once
// `--cpus LIST`: deckgen restricts itself to those CPUs before anything runs, so that
// every compiler and snippet it starts inherits the mask (as under `taskset -c LIST`).
#include <optional>
#include <string>
#include <vector>

namespace deckgen {

// The CPUs this process may run on now (its affinity mask).
std::vector<int> allowed_cpus();

// Why the CPUs `request` names ("1", "0-1", "all") cannot be used by a process allowed
// `allowed`, as one sentence; nullopt when they can. `all` is the whole mask.
std::optional<std::string> cpu_request_problem(const std::string& request, const std::vector<int>& allowed);

// Sets every thread of this process to the CPUs `request` names; the error as one
// sentence (cpu_request_problem's, or the kernel's) when it cannot.
std::optional<std::string> restrict_to_cpus(const std::string& request);
// The same within `allowed`, the mask deckgen started with: `all` sets it back to that
// mask (several --cpus configurations in turn, "1,all", widen it again).
std::optional<std::string> restrict_to_cpus(const std::string& request, const std::vector<int>& allowed);

}  // namespace deckgen
