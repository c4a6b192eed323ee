#include "measure/machine.h"

#include <sched.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <xxhash.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "util/files.h"
#include "util/text.h"

namespace deckgen {
namespace {

// "Intel(R) Xeon(R) CPU           E5-2680" → "Intel(R) Xeon(R) CPU E5-2680".
std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : trim(s)) {
    bool space = c == ' ' || c == '\t';
    if (space && !out.empty() && out.back() == ' ') continue;
    out += space ? ' ' : c;
  }
  return out;
}

// Splits "key\t\t: value" into its trimmed halves; false for lines without a colon.
bool split_field(std::string_view line, std::string_view& key, std::string_view& value) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  key = trim(line.substr(0, colon));
  value = trim(line.substr(colon + 1));
  return true;
}

// The value of an os-release assignment: unquoted, or in "…" (with \-escapes) or '…'.
std::string unquote(std::string_view v) {
  if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'')
    return std::string(v.substr(1, v.size() - 2));
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  std::string out;
  v = v.substr(1, v.size() - 2);
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\' && i + 1 < v.size()) ++i;
    out += v[i];
  }
  return out;
}

std::optional<std::string> read_first(std::initializer_list<const char*> paths) {
  for (const char* path : paths)
    if (auto text = read_text(path)) return text;
  return std::nullopt;
}

// The CPUs this process may run on; 0 when the mask cannot be read.
int affinity_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
  return CPU_COUNT(&set);
}

// The `cpu.max` quotas of this process's cgroup v2 and of each ancestor: a parent's
// limit binds its children too. Empty under cgroup v1 or without /sys/fs/cgroup.
std::vector<std::optional<int>> cgroup_quotas() {
  std::vector<std::optional<int>> quotas;
  std::string self = read_text("/proc/self/cgroup").value_or("");
  LineCursor lines(self);
  std::string_view line;
  while (lines.next(line)) {
    if (!line.starts_with("0::")) continue;  // the unified (v2) hierarchy
    std::string path(trim(line.substr(3)));
    for (;;) {
      if (auto text = read_text("/sys/fs/cgroup" + path + "/cpu.max")) quotas.push_back(parse_cpu_max(*text));
      if (path.empty() || path == "/") break;
      path = path.substr(0, path.rfind('/'));
    }
  }
  return quotas;
}

}  // namespace

std::optional<int> parse_cpu_max(std::string_view text) {
  text = trim(text);
  size_t space = text.find(' ');
  std::string quota(text.substr(0, space));
  if (quota.empty() || quota == "max") return std::nullopt;
  double period = space == std::string_view::npos ? 100000 : std::atof(std::string(text.substr(space + 1)).c_str());
  double limit = std::atof(quota.c_str());
  if (limit <= 0 || period <= 0) return std::nullopt;
  return std::max(1, static_cast<int>(limit / period));
}

int usable_cores(int affinity_cpus, const std::vector<std::optional<int>>& quotas) {
  int usable = affinity_cpus;
  for (const auto& quota : quotas)
    if (quota && (usable <= 0 || *quota < usable)) usable = *quota;
  return usable;
}

CpuInfo parse_cpuinfo(std::string_view text) {
  // x86 names the model in "model name"; other architectures use other fields, and
  // arm64 often none at all. The first of these found wins.
  static const char* const kModelFields[] = {"model name", "cpu model", "Hardware", "cpu"};
  std::map<std::string_view, std::string> model_by_field;
  std::set<std::pair<std::string, std::string>> cores;  // (physical id, core id)
  std::string physical_id;

  CpuInfo info;
  LineCursor lines(text);
  std::string_view line, key, value;
  while (lines.next(line)) {
    if (!split_field(line, key, value)) continue;
    if (key == "processor") {
      ++info.logical_cores;
      physical_id.clear();
    } else if (key == "physical id") {
      physical_id = value;
    } else if (key == "core id") {
      cores.emplace(physical_id, value);
    } else {
      for (const char* field : kModelFields)
        if (key == field && !model_by_field.contains(field))
          model_by_field[field] = collapse_spaces(value);
    }
  }
  for (const char* field : kModelFields) {
    auto it = model_by_field.find(field);
    if (it != model_by_field.end() && !it->second.empty()) {
      info.model = it->second;
      break;
    }
  }
  info.physical_cores = cores.empty() ? info.logical_cores : static_cast<int>(cores.size());
  return info;
}

std::string parse_os_release(std::string_view text) {
  std::map<std::string, std::string, std::less<>> fields;
  LineCursor lines(text);
  std::string_view line;
  while (lines.next(line)) {
    line = trim(line);
    size_t eq = line.find('=');
    if (line.empty() || line.front() == '#' || eq == std::string_view::npos) continue;
    fields[std::string(line.substr(0, eq))] = unquote(line.substr(eq + 1));
  }
  auto get = [&](std::string_view key) {
    auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second;
  };
  if (std::string pretty = get("PRETTY_NAME"); !pretty.empty()) return pretty;
  std::string name = get("NAME"), version = get("VERSION");
  if (name.empty()) return "Linux";
  return version.empty() ? name : name + " " + version;
}

std::string hash_hostname(std::string_view hostname) {
  return fmt::format("{:016x}", XXH3_64bits(hostname.data(), hostname.size()));
}

Machine probe_machine() {
  Machine m;
  CpuInfo cpu = parse_cpuinfo(read_text("/proc/cpuinfo").value_or(""));
  m.cpu_model = cpu.model.empty() ? "unknown" : cpu.model;

  long online = sysconf(_SC_NPROCESSORS_ONLN);
  m.logical_cores = online > 0 ? static_cast<int>(online) : cpu.logical_cores;
  m.physical_cores = cpu.physical_cores > 0 ? std::min(cpu.physical_cores, m.logical_cores)
                                            : m.logical_cores;

  m.usable_cores = usable_cores(affinity_cpus(), cgroup_quotas());
  if (m.usable_cores <= 0 || m.usable_cores > m.logical_cores) m.usable_cores = m.logical_cores;

  long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGESIZE);
  if (pages > 0 && page_size > 0)
    m.memory_bytes = static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size);

  if (utsname u; uname(&u) == 0) {
    m.kernel = fmt::format("{} {} {}", u.sysname, u.release, u.machine);
    m.hostname_hash = hash_hostname(u.nodename);
  }
  // The os-release specification: /etc first, /usr/lib as the fallback.
  auto os_release = read_first({"/etc/os-release", "/usr/lib/os-release"});
  m.distribution = parse_os_release(os_release.value_or(""));
  return m;
}

std::string machine_fingerprint(const Machine& m) {
  // The usable cores are part of it: results measured under `taskset -c 0` are not
  // this machine's results with two cores.
  return fmt::format("{}; {} logical cores, {} usable; {}", m.cpu_model, m.logical_cores, m.usable_cores, m.kernel);
}

}  // namespace deckgen
