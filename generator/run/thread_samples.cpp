#include "run/thread_samples.h"

#include <sys/syscall.h>

#include <algorithm>
#include <initializer_list>
#include <optional>

namespace deckgen {
namespace {

// System call numbers differ between architectures: <sys/syscall.h> gives this one's,
// and a call the architecture does not have (select on arm64) is left out.
[[maybe_unused]] constexpr long kNone = -1000;  // used only where a call is missing
#ifdef SYS_futex_waitv
constexpr long kFutexWaitv = SYS_futex_waitv;
#else
constexpr long kFutexWaitv = kNone;
#endif
#ifdef SYS_select
constexpr long kSelect = SYS_select;
#else
constexpr long kSelect = kNone;
#endif
#ifdef SYS_poll
constexpr long kPoll = SYS_poll;
#else
constexpr long kPoll = kNone;
#endif
#ifdef SYS_epoll_wait
constexpr long kEpollWait = SYS_epoll_wait;
#else
constexpr long kEpollWait = kNone;
#endif
#ifdef SYS_epoll_pwait2
constexpr long kEpollPwait2 = SYS_epoll_pwait2;
#else
constexpr long kEpollPwait2 = kNone;
#endif
#ifdef SYS_accept
constexpr long kAccept = SYS_accept;
#else
constexpr long kAccept = kNone;
#endif
#ifdef SYS_nanosleep
constexpr long kNanosleep = SYS_nanosleep;
#else
constexpr long kNanosleep = kNone;
#endif

bool one_of(long value, std::initializer_list<long> list) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<ThreadState> by_syscall(long nr) {
  if (one_of(nr, {SYS_futex, kFutexWaitv})) return ThreadState::lock;
  if (one_of(nr, {kSelect, SYS_pselect6, kPoll, SYS_ppoll, kEpollWait, SYS_epoll_pwait, kEpollPwait2, SYS_read,
                  SYS_write, SYS_readv, SYS_writev, SYS_pread64, SYS_pwrite64, SYS_preadv, SYS_pwritev, kAccept,
                  SYS_accept4, SYS_connect, SYS_recvfrom, SYS_recvmsg, SYS_recvmmsg, SYS_sendto, SYS_sendmsg,
                  SYS_sendmmsg, SYS_io_getevents, SYS_io_uring_enter}))
    return ThreadState::io;
  if (one_of(nr, {kNanosleep, SYS_clock_nanosleep})) return ThreadState::sleep;
  return std::nullopt;
}

ThreadState by_wchan(std::string_view wchan) {
  auto has = [&](std::string_view part) { return wchan.find(part) != std::string_view::npos; };
  if (has("futex")) return ThreadState::lock;
  if (has("poll") || has("select") || has("pipe_read") || has("pipe_write") || has("sk_wait") ||
      has("inet_csk_accept") || has("unix_stream") || has("wait_woken") || has("io_")) return ThreadState::io;
  if (has("nanosleep")) return ThreadState::sleep;
  return ThreadState::other;
}

}  // namespace

std::string_view thread_state_name(ThreadState state) {
  switch (state) {
    case ThreadState::running: return "running";
    case ThreadState::runnable: return "runnable";
    case ThreadState::lock: return "lock";
    case ThreadState::io: return "io";
    case ThreadState::sleep: return "sleep";
    case ThreadState::other: return "other";
  }
  return "other";
}

ThreadState classify_thread(const ThreadReading& r) {
  if (r.state == 'R') return r.queued ? ThreadState::runnable : ThreadState::running;
  if (r.state != 'S' && r.state != 'D') return ThreadState::other;
  if (r.syscall >= 0)
    if (std::optional<ThreadState> known = by_syscall(r.syscall)) return *known;
  return by_wchan(r.wchan);
}

double ThreadSamples::rate_hz() const {
  double seconds = double(end_ns - start_ns) * 1e-9;
  return seconds > 0 ? double(ticks) / seconds : 0;
}

}  // namespace deckgen
