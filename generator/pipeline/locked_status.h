#pragma once
// Status is not thread-safe; the workers of the parallel phase report through this.
#include <mutex>

#include "pipeline/status.h"

namespace deckgen {

class LockedStatus final : public Status {
 public:
  explicit LockedStatus(Status& inner) : inner_(inner) {}
  void info(const std::string& l) override { std::lock_guard g(m_); inner_.info(l); }
  void summary(const std::string& l) override { std::lock_guard g(m_); inner_.summary(l); }
  void warning(const std::string& l) override { std::lock_guard g(m_); inner_.warning(l); }
  void error(const std::string& l) override { std::lock_guard g(m_); inner_.error(l); }
  void detail(const std::string& l) override { std::lock_guard g(m_); inner_.detail(l); }
  void progress(const Progress& p) override { std::lock_guard g(m_); inner_.progress(p); }
  void progress_done() override { std::lock_guard g(m_); inner_.progress_done(); }

 private:
  Status& inner_;
  std::mutex m_;
};

}  // namespace deckgen
