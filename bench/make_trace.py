#!/usr/bin/env python3
"""Writes a synthetic Chrome trace of N events for bench/timeline.sh.

    make_trace.py N OUT.json

The shape of a busy snippet: 8 threads and 4 asyncio-like lanes, spans of 13 names
nested two deep with CPU time, an instant every 50 events and a counter every 20;
deterministic (fixed seed), so runs compare.
"""
import json
import random
import sys


def main():
    count, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(42)
    lanes = list(range(1, 9)) + [(1 << 30) + i for i in range(4)]
    events = [{"ph": "M", "name": "process_name", "pid": 1, "tid": 0, "args": {"name": "bench"}}]
    for order, tid in enumerate(lanes):
        events.append({"ph": "M", "name": "thread_name", "pid": 1, "tid": tid,
                       "args": {"name": f"lane-{order}"}})
    clock = {tid: 0.0 for tid in lanes}
    made = 0
    while made < count:
        tid = rng.choice(lanes)
        ts = clock[tid] + rng.uniform(0, 40)
        dur = rng.uniform(2, 400)
        events.append({"ph": "X", "name": f"step {rng.randrange(13)}", "ts": round(ts, 3),
                       "dur": round(dur, 3), "pid": 1, "tid": tid,
                       "args": {"cpu_us": round(dur * rng.random(), 3)}})
        made += 1
        if made < count and rng.random() < 0.5:   # a child inside it
            events.append({"ph": "X", "name": f"inner {rng.randrange(5)}", "ts": round(ts + dur * 0.2, 3),
                           "dur": round(dur * 0.5, 3), "pid": 1, "tid": tid})
            made += 1
        if made < count and made % 50 == 0:
            events.append({"ph": "i", "name": "mark", "ts": round(ts, 3), "pid": 1, "tid": tid, "s": "t"})
            made += 1
        if made < count and made % 20 == 0:
            events.append({"ph": "C", "name": "queue", "ts": round(ts, 3), "pid": 1, "tid": tid,
                           "args": {"depth": rng.randrange(10)}})
            made += 1
        clock[tid] = ts + dur
    with open(path, "w") as out:
        out.write("[\n" + ",\n".join(json.dumps(e, separators=(",", ":")) for e in events) + "\n]\n")


if __name__ == "__main__":
    main()
