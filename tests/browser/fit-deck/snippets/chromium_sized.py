# Writes a trace of the shape that once ran a timeline 513 px past the slide's bottom (a
# real Chromium trace of 40,744 events drawn with `lanes: 8`, issue 26): three processes
# of six threads, spans nested 30 deep under hundreds of long names, instants, counters
# of many series, thread states on 64 CPUs, and a begin without an end.
import json, os

events, made, rnd = [], 0, 0
while made < 40744:
    for pid in range(1, 4):
        for tid in range(1, 7):
            start = rnd * 400.0 + tid
            for depth in range(30):
                name = (rnd * 7 + depth * 13 + tid) % 600
                label = (f"v8.compile.{'x' * (40 + name % 90)}" if name % 3 == 0
                         else f"ThreadControllerImpl::RunTask {name} {'y' * (name % 50)}")
                events.append({"ph": "X", "name": label, "ts": start + depth * 2, "dur": 380 - depth * 4,
                               "pid": pid, "tid": tid})
                made += 1
            if rnd % 10 == 0:
                events.append({"ph": "i", "name": f"mark {rnd % 90}", "ts": start, "pid": pid, "tid": tid, "s": "t"})
            if rnd % 5 == 0:
                events.append({"ph": "C", "name": "memory", "ts": start, "pid": pid,
                               "args": {f"heap {rnd % 40}": rnd, f"gpu {rnd % 30}": rnd * 2}})
            if rnd % 3 == 0:
                events.append({"ph": "X", "cat": "deckgen.sched", "name": "running" if rnd % 2 else "runnable",
                               "ts": start, "dur": 300, "pid": pid, "tid": tid, "args": {"cpu": (rnd + tid) % 64}})
                events.append({"ph": "X", "cat": "deckgen.sched", "name": "lock", "ts": start + 300, "dur": 90,
                               "pid": pid, "tid": tid})
    rnd += 1
events.append({"ph": "B", "name": "never ended", "ts": 5, "pid": 1, "tid": 1})
with open(os.path.join(os.environ["DECKGEN_OUT_DIR"], f"trace-{os.getpid()}.json"), "w") as f:
    json.dump({"traceEvents": events}, f)
print(f"{made} spans")
