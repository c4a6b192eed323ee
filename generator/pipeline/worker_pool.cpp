#include "pipeline/worker_pool.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace deckgen {

void in_parallel(const std::vector<size_t>& items, Runners& runners,
                 const std::function<void(size_t, Runner&)>& work) {
  if (items.empty()) return;
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&](Runner& runner) {
    for (size_t k; (k = next++) < items.size();) {
      try {
        work(items[k], runner);
      } catch (...) {
        std::lock_guard g(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = items.size();
      }
    }
  };
  size_t threads_wanted = runners.make_more ? std::min<size_t>(std::max(1u, runners.parallelism), items.size()) : 1;
  std::vector<std::unique_ptr<Runner>> more;
  for (size_t t = 1; t < threads_wanted; ++t) more.push_back(runners.make_more());
  std::vector<std::thread> threads;
  for (auto& r : more) threads.emplace_back(worker, std::ref(*r));
  worker(runners.main);
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace deckgen
