#include <gtest/gtest.h>

#include "run/cpu_affinity.h"

namespace deckgen {
namespace {

TEST(CpuRequest, NamesOnlyCpusTheProcessMayUse) {
  const std::vector<int> two = {0, 1};
  EXPECT_EQ(cpu_request_problem("1", two), std::nullopt);
  EXPECT_EQ(cpu_request_problem("0-1", two), std::nullopt);
  EXPECT_EQ(cpu_request_problem("all", two), std::nullopt);
  EXPECT_EQ(cpu_request_problem("2", two), "CPU 2 is not one deckgen may use here (it may use 0-1)");
  EXPECT_EQ(cpu_request_problem("0,3", std::vector<int>{0, 2, 3}), std::nullopt);
  EXPECT_EQ(cpu_request_problem("1-2", std::vector<int>{0, 2, 3}), "CPU 1 is not one deckgen may use here (it may use 0,2-3)");
  EXPECT_EQ(cpu_request_problem("one", two), "'one' is not a list of CPUs");
}

TEST(CpuRequest, TheMaskIsReadable) {
  std::vector<int> cpus = allowed_cpus();
  ASSERT_FALSE(cpus.empty());
  EXPECT_EQ(cpu_request_problem(std::to_string(cpus.front()), cpus), std::nullopt);
}

}  // namespace
}  // namespace deckgen
