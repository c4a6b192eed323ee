#include "measure/machine.h"

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

#include "measure/cpu_topology.h"
#include "util/cpu_list.h"
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

std::optional<std::string> read_first(std::initializer_list<std::filesystem::path> paths) {
  for (const std::filesystem::path& path : paths)
    if (auto text = read_text(path)) return text;
  return std::nullopt;
}

}  // namespace

std::optional<int> parse_cpu_max(std::string_view text) {
  std::optional<double> quota = parse_cpu_quota(text);
  if (!quota) return std::nullopt;
  return std::max(1, static_cast<int>(*quota));
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

Machine probe_machine(const std::filesystem::path& root) {
  Machine m;
  CpuInfo cpu = parse_cpuinfo(read_text(root / "proc/cpuinfo").value_or(""));
  m.cpu_model = cpu.model.empty() ? "unknown" : cpu.model;

  CpuShape shape = probe_cpu_shape(root);
  m.logical_cores = !shape.online.empty() ? static_cast<int>(shape.online.size()) : cpu.logical_cores;
  if (m.logical_cores <= 0) m.logical_cores = std::max(1, static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)));
  m.physical_cores = cpu.physical_cores > 0 ? std::min(cpu.physical_cores, m.logical_cores)
                                            : m.logical_cores;

  std::optional<int> whole_quota;
  if (shape.quota) whole_quota = std::max(1, static_cast<int>(*shape.quota));
  m.usable_cores = usable_cores(static_cast<int>(shape.allowed.size()), {whole_quota});
  if (m.usable_cores <= 0 || m.usable_cores > m.logical_cores) m.usable_cores = m.logical_cores;
  // A quota of 2 CPUs lets two threads run on two cores at once; it never adds cores.
  m.usable_physical_cores = shape.physical_in_mask > 0 ? std::min(shape.physical_in_mask, m.usable_cores) : m.usable_cores;
  m.threads_per_core = shape.threads_per_core;
  m.affinity = format_cpu_list(shape.allowed);
  m.cpu_quota = shape.quota;

  long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGESIZE);
  if (pages > 0 && page_size > 0)
    m.memory_bytes = static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size);

  if (utsname u; uname(&u) == 0) {
    m.kernel = fmt::format("{} {} {}", u.sysname, u.release, u.machine);
    m.hostname_hash = hash_hostname(u.nodename);
  }
  // The os-release specification: /etc first, /usr/lib as the fallback.
  auto os_release = read_first({root / "etc/os-release", root / "usr/lib/os-release"});
  m.distribution = parse_os_release(os_release.value_or(""));
  return m;
}

std::string machine_fingerprint(const Machine& m) {
  // The usable cores are part of it: results measured under `taskset -c 0` are not
  // this machine's results with two cores.
  // So are the physical ones among them: two SMT siblings are not two cores.
  return fmt::format("{}; {} logical cores, {} usable ({} physical); {}", m.cpu_model, m.logical_cores, m.usable_cores,
                     m.usable_physical_cores, m.kernel);
}

std::string narrower_affinity(const Machine& m) {
  std::optional<std::vector<int>> cpus = parse_cpu_list(m.affinity);
  if (!cpus || static_cast<int>(cpus->size()) >= m.logical_cores) return {};
  return format_cpu_list(*cpus);
}

std::string describe_cores(const Machine& m) {
  std::string machine = fmt::format("{} logical, {} physical", m.logical_cores, m.physical_cores);
  if (m.usable_cores <= 0 || (m.usable_cores == m.logical_cores && m.usable_physical_cores == m.physical_cores))
    return machine;
  return fmt::format("{} usable by deckgen ({} physical), of {}", m.usable_cores, m.usable_physical_cores, machine);
}

std::string describe_cpu_limits(const Machine& m) {
  std::string mask = m.cpus_requested.empty() ? fmt::format("affinity mask {}", m.affinity)
                                              : fmt::format("affinity mask {} (--cpus {})", m.affinity, m.cpus_requested);
  std::string quota = m.cpu_quota ? fmt::format("cgroup quota {:g} CPUs", *m.cpu_quota) : "no cgroup quota";
  std::string smt = m.threads_per_core > 1 ? fmt::format("SMT: {} threads per core", m.threads_per_core) : "no SMT";
  return fmt::format("{}; {}; {}", m.affinity.empty() ? "affinity mask unknown" : mask, quota, smt);
}

}  // namespace deckgen
