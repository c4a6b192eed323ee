#include "run/thread_lifecycle.h"

#include <fmt/format.h>
#include <linux/perf_event.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include "util/cpu_list.h"
#include "util/files.h"
#include "util/text.h"

namespace deckgen {
namespace {

// Data pages per CPU: 32 KiB, a thousand records of 32 bytes, drained every tick. perf
// buffers count against the user's locked-memory allowance (perf_event_mlock_kb, 516 KiB
// per CPU), which several sampled runs at once must share.
constexpr size_t kDataPages = 8;

// PERF_RECORD_FORK's body, after its header (no sample_id: sample_id_all is off).
struct ForkBody {
  uint32_t pid, ppid, tid, ptid;
  uint64_t time;
};
// PERF_RECORD_LOST's body.
struct LostBody {
  uint64_t id, lost;
};

std::string kernel_setting(const char* path) {
  std::string text;
  return read_file(path, text) ? std::string(trim(text)) : std::string("unknown");
}

// The CPUs a task of the snippet may run on at some point: all online ones (--cpus and
// sched_setaffinity can change a task's mask later).
std::vector<int> online_cpus() {
  std::string text;
  if (read_file("/sys/devices/system/cpu/online", text))
    if (std::optional<std::vector<int>> cpus = parse_cpu_list(text)) return *cpus;
  std::vector<int> cpus;
  for (long i = 0, n = ::sysconf(_SC_NPROCESSORS_ONLN); i < n; ++i) cpus.push_back(int(i));
  return cpus;
}

class PerfLifecycle final : public ThreadLifecycle {
 public:
  ~PerfLifecycle() override {
    for (Ring& r : rings_) {
      if (r.map != MAP_FAILED) ::munmap(r.map, r.map_size);
      ::close(r.fd);
    }
  }

  // Opens one event on `cpu` for `root`; an error in words when the kernel refuses.
  std::string add(pid_t root, int cpu) {
    perf_event_attr attr{};
    attr.size = sizeof attr;
    attr.type = PERF_TYPE_SOFTWARE;
    attr.config = PERF_COUNT_SW_DUMMY;
    attr.task = 1;            // PERF_RECORD_FORK and _EXIT
    attr.inherit = 1;         // for every task created below root
    attr.exclude_kernel = 1;  // what perf_event_paranoid 2 allows without privileges
    attr.exclude_hv = 1;
    const int fd = int(::syscall(SYS_perf_event_open, &attr, root, cpu, -1, PERF_FLAG_FD_CLOEXEC));
    if (fd < 0) {
      const int error = errno;
      std::string why = fmt::format("perf_event_open: {}", std::strerror(error));
      if (error == EACCES || error == EPERM)
        why += fmt::format(", kernel.perf_event_paranoid is {} (2 or less lets a user count the threads of their own "
                           "processes)", kernel_setting("/proc/sys/kernel/perf_event_paranoid"));
      return why;
    }
    const size_t page = size_t(::sysconf(_SC_PAGESIZE));
    Ring ring{fd, MAP_FAILED, (kDataPages + 1) * page, kDataPages * page};
    ring.map = ::mmap(nullptr, ring.map_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (ring.map == MAP_FAILED) {
      const int error = errno;
      ::close(fd);
      return fmt::format("mapping the records' buffer: {}{}", std::strerror(error),
                         error == EPERM ? ", over the locked-memory allowance (kernel.perf_event_mlock_kb)" : "");
    }
    ring.data = static_cast<char*>(ring.map) + page;
    rings_.push_back(ring);
    return {};
  }

  void drain(std::vector<ThreadStart>& started) override {
    for (Ring& r : rings_) {
      auto* meta = static_cast<perf_event_mmap_page*>(r.map);
      const uint64_t head = __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE);
      uint64_t tail = meta->data_tail;
      while (tail < head) {
        perf_event_header header;
        copy_out(r, tail, &header, sizeof header);
        if (header.size < sizeof header) break;  // never written so by the kernel: stop reading this ring
        if (header.type == PERF_RECORD_FORK && header.size >= sizeof header + sizeof(ForkBody)) {
          ForkBody fork;
          copy_out(r, tail + sizeof header, &fork, sizeof fork);
          started.push_back({int(fork.pid), int(fork.tid)});
        } else if (header.type == PERF_RECORD_LOST && header.size >= sizeof header + sizeof(LostBody)) {
          LostBody lost;
          copy_out(r, tail + sizeof header, &lost, sizeof lost);
          lost_ += lost.lost;
        }
        tail += header.size;
      }
      __atomic_store_n(&meta->data_tail, head, __ATOMIC_RELEASE);
    }
  }

  uint64_t lost() const override { return lost_; }

 private:
  struct Ring {
    int fd;
    void* map;
    size_t map_size, data_size;
    char* data = nullptr;
  };

  // `size` bytes at `offset` of a ring's data, which may wrap around its end.
  static void copy_out(const Ring& r, uint64_t offset, void* to, size_t size) {
    auto* out = static_cast<char*>(to);
    const size_t at = size_t(offset % r.data_size);
    const size_t first = std::min(size, r.data_size - at);
    std::memcpy(out, r.data + at, first);
    std::memcpy(out + first, r.data, size - first);
  }

  std::vector<Ring> rings_;
  uint64_t lost_ = 0;
};

}  // namespace

LifecycleOpened open_thread_lifecycle(pid_t root) {
  auto source = std::make_unique<PerfLifecycle>();
  for (int cpu : online_cpus())
    if (std::string refused = source->add(root, cpu); !refused.empty()) return {nullptr, std::move(refused)};
  return {std::move(source), {}};
}

}  // namespace deckgen
