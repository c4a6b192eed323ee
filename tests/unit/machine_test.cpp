#include <fmt/format.h>
#include <gtest/gtest.h>

#include "measure/cpu_topology.h"
#include "measure/machine.h"
#include "test_support.h"
#include "util/cpu_list.h"

namespace deckgen {
namespace {

// Two sockets of one core with two hyperthreads each, trimmed to the fields that matter.
constexpr const char* kTwoSocketsHyperthreaded =
    "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n"
    "model name\t: Intel(R) Xeon(R) CPU           E5-2680 v4 @ 2.40GHz\n"
    "physical id\t: 0\nsiblings\t: 2\ncore id\t\t: 0\ncpu cores\t: 1\n\n"
    "processor\t: 1\nmodel name\t: Intel(R) Xeon(R) CPU           E5-2680 v4 @ 2.40GHz\n"
    "physical id\t: 0\ncore id\t\t: 0\n\n"
    "processor\t: 2\nmodel name\t: Intel(R) Xeon(R) CPU           E5-2680 v4 @ 2.40GHz\n"
    "physical id\t: 1\ncore id\t\t: 0\n\n"
    "processor\t: 3\nmodel name\t: Intel(R) Xeon(R) CPU           E5-2680 v4 @ 2.40GHz\n"
    "physical id\t: 1\ncore id\t\t: 0\n\n";

// This machine's (an AMD VM): two cores, no hyperthreads.
constexpr const char* kAmdVm =
    "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 17\n"
    "model name\t: AMD EPYC\nphysical id\t: 0\nsiblings\t: 2\ncore id\t\t: 0\ncpu cores\t: 2\n"
    "cpu MHz\t\t: 2596.132\n\n"
    "processor\t: 1\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\nphysical id\t: 0\n"
    "core id\t\t: 1\ncpu MHz\t\t: 2596.132\n\n";

// arm64 names no model per CPU and gives no core ids.
constexpr const char* kArm64 =
    "processor\t: 0\nBogoMIPS\t: 48.00\nFeatures\t: fp asimd evtstrm\n"
    "CPU implementer\t: 0x41\nCPU part\t: 0xd0c\n\n"
    "processor\t: 1\nBogoMIPS\t: 48.00\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n\n";

// A Raspberry Pi (32-bit ARM) names its board under "Hardware" at the end.
constexpr const char* kRaspberryPi =
    "processor\t: 0\nmodel name\t: ARMv7 Processor rev 4 (v7l)\n\n"
    "processor\t: 1\nmodel name\t: ARMv7 Processor rev 4 (v7l)\n\n"
    "Hardware\t: BCM2835\nRevision\t: a02082\n";

// PowerPC: the model is in "cpu".
constexpr const char* kPower9 =
    "processor\t: 0\ncpu\t\t: POWER9, altivec supported\nclock\t\t: 2300.000000MHz\n\n";

struct CpuInfoCase {
  const char* name;
  const char* text;
  CpuInfo expected;
};

const CpuInfoCase kCpuInfoCases[] = {
    {"two sockets, hyperthreads", kTwoSocketsHyperthreaded,
     {"Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 4, 2}},
    {"amd vm", kAmdVm, {"AMD EPYC", 2, 2}},
    {"arm64", kArm64, {"", 2, 2}},
    {"raspberry pi", kRaspberryPi, {"ARMv7 Processor rev 4 (v7l)", 2, 2}},
    {"power9", kPower9, {"POWER9, altivec supported", 1, 1}},
    {"empty", "", {"", 0, 0}},
};

TEST(CpuInfo, ParsesModelAndCores) {
  for (const auto& c : kCpuInfoCases) {
    SCOPED_TRACE(c.name);
    CpuInfo info = parse_cpuinfo(c.text);
    EXPECT_EQ(info.model, c.expected.model);
    EXPECT_EQ(info.logical_cores, c.expected.logical_cores);
    EXPECT_EQ(info.physical_cores, c.expected.physical_cores);
  }
}

struct OsReleaseCase {
  const char* name;
  const char* text;
  const char* distribution;
};

const OsReleaseCase kOsReleaseCases[] = {
    {"debian",
     "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
     "VERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nID=debian\n",
     "Debian GNU/Linux 12 (bookworm)"},
    {"unquoted", "ID=arch\nPRETTY_NAME=Arch\n", "Arch"},
    {"single quotes", "PRETTY_NAME='Fedora Linux 39'\n", "Fedora Linux 39"},
    {"escapes", "PRETTY_NAME=\"My \\\"Best\\\" OS \\\\ 1\"\n", "My \"Best\" OS \\ 1"},
    {"comments and blanks", "# written by hand\n\n  PRETTY_NAME=\"Alpine Linux v3.19\"\n",
     "Alpine Linux v3.19"},
    {"no pretty name", "NAME=\"Ubuntu\"\nVERSION=\"22.04.3 LTS (Jammy Jellyfish)\"\n",
     "Ubuntu 22.04.3 LTS (Jammy Jellyfish)"},
    {"name only", "NAME=NixOS\n", "NixOS"},
    {"empty", "", "Linux"},
};

TEST(OsRelease, NamesTheDistribution) {
  for (const auto& c : kOsReleaseCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(parse_os_release(c.text), c.distribution);
  }
}

TEST(HostnameHash, IsStableHexAndHidesTheName) {
  std::string h = hash_hostname("build-box-7");
  EXPECT_EQ(h.size(), 16u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(h, hash_hostname("build-box-7"));
  EXPECT_NE(h, hash_hostname("build-box-8"));
  EXPECT_EQ(h.find("build"), std::string::npos);
}

TEST(MachineFingerprint, NamesCpuCoresAndKernel) {
  Machine m;
  m.cpu_model = "AMD EPYC";
  m.logical_cores = m.physical_cores = m.usable_cores = m.usable_physical_cores = 2;
  m.memory_bytes = 8ull << 30;
  m.kernel = "Linux 6.1.0-18-amd64 x86_64";
  m.distribution = "Debian GNU/Linux 12 (bookworm)";
  m.hostname_hash = "0123456789abcdef";
  EXPECT_EQ(machine_fingerprint(m), "AMD EPYC; 2 logical cores, 2 usable (2 physical); Linux 6.1.0-18-amd64 x86_64");
  // Memory, distribution and host do not change how fast a snippet runs on the CPU.
  Machine other = m;
  other.memory_bytes = 16ull << 30;
  other.distribution = "Ubuntu";
  other.hostname_hash = "fedcba9876543210";
  EXPECT_EQ(machine_fingerprint(other), machine_fingerprint(m));
  other.logical_cores = 4;
  EXPECT_NE(machine_fingerprint(other), machine_fingerprint(m));
  // Under `taskset -c 0` the same machine measures something else.
  other = m;
  other.usable_cores = 1;
  EXPECT_NE(machine_fingerprint(other), machine_fingerprint(m));
  // Two SMT siblings are not two cores.
  other = m;
  other.usable_physical_cores = 1;
  EXPECT_NE(machine_fingerprint(other), machine_fingerprint(m));
}

TEST(NarrowerAffinity, NamesTheMaskOnlyWhenItLeavesCpusOut) {
  Machine m;
  m.logical_cores = 4;
  m.affinity = "0-3";
  EXPECT_EQ(narrower_affinity(m), "");  // all of them: the fingerprint's count names them
  m.affinity = "1";
  EXPECT_EQ(narrower_affinity(m), "1");
  m.affinity = "2,0";
  EXPECT_EQ(narrower_affinity(m), "0,2");
  m.affinity = "";
  EXPECT_EQ(narrower_affinity(m), "");  // unknown
}

TEST(UsableCores, CgroupQuotaInWholeCores) {
  EXPECT_EQ(parse_cpu_max("max 100000\n"), std::nullopt);
  EXPECT_EQ(parse_cpu_max("200000 100000\n"), 2);
  EXPECT_EQ(parse_cpu_max("150000 100000"), 1);  // 1.5 cores cannot run two threads at full speed
  EXPECT_EQ(parse_cpu_max("50000 100000"), 1);   // a fraction of a core is still one core to run on
  EXPECT_EQ(parse_cpu_max("400000"), 4);         // the period defaults to 100000
  EXPECT_EQ(parse_cpu_max(""), std::nullopt);
}

TEST(UsableCores, TheTightestOfAffinityAndEveryQuota) {
  EXPECT_EQ(usable_cores(2, {}), 2);
  EXPECT_EQ(usable_cores(1, {std::nullopt, 4}), 1);      // taskset -c 0 on a 4-core quota
  EXPECT_EQ(usable_cores(8, {std::nullopt, 2, 4}), 2);   // a parent cgroup's quota binds too
  EXPECT_EQ(usable_cores(0, {3}), 3);                    // no mask read: the quota alone
}

TEST(ProbeMachine, DescribesThisMachine) {
  Machine m = probe_machine();
  EXPECT_FALSE(m.cpu_model.empty());
  EXPECT_GE(m.logical_cores, 1);
  EXPECT_GE(m.physical_cores, 1);
  EXPECT_LE(m.physical_cores, m.logical_cores);
  EXPECT_GE(m.usable_cores, 1);
  EXPECT_LE(m.usable_cores, m.logical_cores);
  EXPECT_GE(m.usable_physical_cores, 1);
  EXPECT_LE(m.usable_physical_cores, m.usable_cores);
  EXPECT_FALSE(m.affinity.empty());
  EXPECT_GT(m.memory_bytes, 64ull << 20);
  EXPECT_TRUE(m.kernel.starts_with("Linux ")) << m.kernel;
  EXPECT_FALSE(m.distribution.empty());
  EXPECT_EQ(m.hostname_hash.size(), 16u);
}

TEST(CpuList, ParsesAndFormatsTheKernelsSyntax) {
  EXPECT_EQ(parse_cpu_list("0-3,8,10-11\n"), (std::vector<int>{0, 1, 2, 3, 8, 10, 11}));
  EXPECT_EQ(parse_cpu_list("1"), (std::vector<int>{1}));
  EXPECT_EQ(parse_cpu_list("3,1,1-2"), (std::vector<int>{1, 2, 3}));
  for (const char* bad : {"", "3-1", "a", "1,", ",1", "1-", "-1", "0-2x"}) EXPECT_EQ(parse_cpu_list(bad), std::nullopt) << bad;
  EXPECT_EQ(format_cpu_list({0, 1, 2, 3, 5, 7, 8}), "0-3,5,7-8");
  EXPECT_EQ(format_cpu_list({}), "");
}

// A fake /proc and /sys: `cpus` logical CPUs, `smt` siblings per core numbered the way
// Intel does (core k's threads are k and k + cores), the affinity mask and cgroup quota given.
class FakeMachine {
 public:
  FakeMachine(int cpus, int smt, const std::string& allowed, const std::string& cpu_max = "") {
    int cores = cpus / smt;
    std::string cpuinfo;
    for (int cpu = 0; cpu < cpus; ++cpu) {
      cpuinfo += fmt::format("processor\t: {}\nmodel name\t: Fake CPU\nphysical id\t: 0\ncore id\t\t: {}\n\n", cpu, cpu % cores);
      std::vector<int> siblings;
      for (int t = 0; t < smt; ++t) siblings.push_back(cpu % cores + t * cores);
      dir.write(fmt::format("sys/devices/system/cpu/cpu{}/topology/thread_siblings_list", cpu), format_cpu_list(siblings) + "\n");
    }
    dir.write("proc/cpuinfo", cpuinfo);
    dir.write("sys/devices/system/cpu/online", fmt::format("0-{}\n", cpus - 1));
    dir.write("proc/self/status", "Name:\tdeckgen\nCpus_allowed:\tff\nCpus_allowed_list:\t" + allowed + "\nMems_allowed:\t1\n");
    dir.write("proc/self/cgroup", "0::/user.slice/deck.scope\n");
    dir.write("sys/fs/cgroup/user.slice/cpu.max", "max 100000\n");
    if (!cpu_max.empty()) dir.write("sys/fs/cgroup/user.slice/deck.scope/cpu.max", cpu_max);
  }
  Machine probe() const { return probe_machine(dir.path()); }
  test::TempDir dir;
};

// `--cpus 1,all`: one configuration per mask, in the order given.
TEST(CpuList, SeveralMasksApartByAllOrSlash) {
  using Masks = std::vector<std::string>;
  EXPECT_EQ(split_cpu_masks("1"), Masks{"1"});
  EXPECT_EQ(split_cpu_masks("0,2"), Masks{"0,2"});  // one mask of two CPUs, as taskset -c
  EXPECT_EQ(split_cpu_masks("1,all"), (Masks{"1", "all"}));
  EXPECT_EQ(split_cpu_masks("all,1"), (Masks{"all", "1"}));
  EXPECT_EQ(split_cpu_masks("0,2,all"), (Masks{"0,2", "all"}));
  EXPECT_EQ(split_cpu_masks("0/0-1"), (Masks{"0", "0-1"}));
  EXPECT_EQ(split_cpu_masks("0/0-1,all"), (Masks{"0", "0-1", "all"}));
  EXPECT_EQ(split_cpu_masks("1/"), (Masks{"1", ""}));  // an empty mask, which parse_cpu_list refuses
}

TEST(MachineShape, SmtSiblingsCountOnce) {
  Machine m = FakeMachine(4, 2, "0-3").probe();  // a 4-vCPU cloud runner: 2 cores with SMT
  EXPECT_EQ(m.cpu_model, "Fake CPU");
  EXPECT_EQ(m.logical_cores, 4);
  EXPECT_EQ(m.physical_cores, 2);
  EXPECT_EQ(m.usable_cores, 4);
  EXPECT_EQ(m.usable_physical_cores, 2);
  EXPECT_EQ(m.threads_per_core, 2);
  EXPECT_EQ(m.affinity, "0-3");
  EXPECT_EQ(m.cpu_quota, std::nullopt);
  EXPECT_EQ(describe_cores(m), "4 logical, 2 physical");
  EXPECT_EQ(describe_cpu_limits(m), "affinity mask 0-3; no cgroup quota; SMT: 2 threads per core");
}

TEST(MachineShape, WithinTheAffinityMask) {
  Machine siblings = FakeMachine(4, 2, "0,2").probe();  // both threads of core 0
  EXPECT_EQ(siblings.usable_cores, 2);
  EXPECT_EQ(siblings.usable_physical_cores, 1);
  EXPECT_EQ(describe_cores(siblings), "2 usable by deckgen (1 physical), of 4 logical, 2 physical");
  Machine apart = FakeMachine(4, 2, "0-1").probe();     // one thread of each core
  EXPECT_EQ(apart.usable_cores, 2);
  EXPECT_EQ(apart.usable_physical_cores, 2);
  EXPECT_EQ(apart.threads_per_core, 1);
}

TEST(MachineShape, WithinTheCgroupQuota) {
  // A 16-core host limited to 2 CPUs: the snippets and the claims both count 2.
  Machine limited = FakeMachine(16, 1, "0-15", "200000 100000\n").probe();
  EXPECT_EQ(limited.logical_cores, 16);
  EXPECT_EQ(limited.usable_cores, 2);
  EXPECT_EQ(limited.usable_physical_cores, 2);
  ASSERT_TRUE(limited.cpu_quota);
  EXPECT_DOUBLE_EQ(*limited.cpu_quota, 2.0);
  EXPECT_EQ(describe_cpu_limits(limited), "affinity mask 0-15; cgroup quota 2 CPUs; no SMT");
  // 1.5 CPUs on an SMT machine: one whole CPU, one core.
  Machine fraction = FakeMachine(4, 2, "0-3", "150000 100000\n").probe();
  EXPECT_EQ(fraction.usable_cores, 1);
  EXPECT_EQ(fraction.usable_physical_cores, 1);
  EXPECT_EQ(describe_cpu_limits(fraction), "affinity mask 0-3; cgroup quota 1.5 CPUs; SMT: 2 threads per core");
}

TEST(MachineShape, WithoutTopologyEachCpuIsACore) {
  FakeMachine fake(2, 1, "0-1");
  std::filesystem::remove_all(fake.dir.path() / "sys/devices/system/cpu/cpu0");
  std::filesystem::remove_all(fake.dir.path() / "sys/devices/system/cpu/cpu1");
  Machine m = fake.probe();
  EXPECT_EQ(m.usable_cores, 2);
  EXPECT_EQ(m.usable_physical_cores, 2);
}

}  // namespace
}  // namespace deckgen
