# Writes a small Chrome trace by hand: two threads, a span that mostly waited, one
# that mostly ran, and two instants (a cancellation and a failure) to mark.
import json, os

pid = os.getpid()
def span(tid, name, ts, dur, cpu):
    return {"ph": "X", "name": name, "pid": pid, "tid": tid, "ts": ts, "dur": dur, "args": {"cpu_us": cpu}}
events = [
    {"ph": "M", "name": "process_name", "pid": pid, "args": {"name": "traced.py"}},
    {"ph": "M", "name": "thread_name", "pid": pid, "tid": 1, "args": {"name": "MainThread"}},
    {"ph": "M", "name": "thread_name", "pid": pid, "tid": 2, "args": {"name": "worker"}},
    span(1, "download", 0, 40000, 2000),
    span(1, "parse", 40000, 20000, 19000),
    span(2, "compute", 5000, 50000, 45000),
    {"ph": "i", "name": "cancelled", "pid": pid, "tid": 2, "ts": 55000, "s": "t"},
    {"ph": "i", "name": "failed", "pid": pid, "tid": 1, "ts": 60000, "s": "t"},
]
with open(os.path.join(os.environ["DECKGEN_OUT_DIR"], f"trace-{pid}.json"), "w") as f:
    json.dump({"traceEvents": events}, f)
print("traced")
