/* What the snippet launcher (launcher.c) tells the runner (snippet_runner.cpp) about one
 * run: a fixed-size record written with a single write() to the report descriptor.
 * Plain C so both sides include the same definition; both are built from this tree
 * on the same machine, so the binary layout is shared and checked by `magic`. */
#ifndef DECKGEN_RUN_LAUNCHER_REPORT_H
#define DECKGEN_RUN_LAUNCHER_REPORT_H

#include <stdint.h>

#define DECKGEN_LAUNCH_REPORT_MAGIC 0x64676c31u /* "dgl1": bump when the layout changes */

struct deckgen_launch_report {
  uint32_t magic;
  int32_t spawn_error;   /* errno of the failed vfork or exec; 0 when the snippet ran */
  int32_t wait_status;   /* the status from wait4(), for WIFEXITED() and friends */
  int32_t unused;
  int64_t wall_ns;       /* CLOCK_MONOTONIC from just before the spawn to wait4's return */
  int64_t user_us, system_us;  /* the snippet's (and what it waited for) plus what the launcher reaped */
  int64_t max_rss_kib;
  int64_t voluntary_switches, involuntary_switches;
};

#endif
