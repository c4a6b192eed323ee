"""How many workers a CPU-bound snippet should use: the cores its claims count.

Under deckgen, DECKGEN_PHYSICAL_CORES is the number a claim's `machine.physical_cores`
is (the usable CPUs after the affinity mask and the cgroup quota, SMT siblings counted
once), so a snippet sizes its pool exactly as its claim's bound assumes. Run by hand, it
falls back to the CPUs this process may run on (os.process_cpu_count() from 3.13), which
sees neither a CPU quota nor SMT.
"""
import os


def physical_cores():
    given = os.environ.get("DECKGEN_PHYSICAL_CORES")
    if given:
        return int(given)
    if hasattr(os, "process_cpu_count"):          # 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):          # Linux
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
