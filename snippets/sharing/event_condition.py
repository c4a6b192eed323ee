"""Event: one thread tells every waiter "it happened". Condition: wait until shared state is right."""
import faulthandler
import threading
import time
from deckgen_trace import metric

faulthandler.dump_traceback_later(5, exit=True)   # a bug here must not hang the build

started = time.perf_counter()
loaded_ms, woke_ms = [], []

def ms_since_start():
    return (time.perf_counter() - started) * 1000

def load_settings():
    time.sleep(0.02)                     # slow start-up work
    loaded_ms.append(ms_since_start())

# region main
ready = threading.Event()                # a flag: set once, every wait() returns
jobs, changed = [], threading.Condition()  # a lock, plus a place to wait for a change

def consumer(got):
    ready.wait(timeout=1)                # until the settings are loaded
    woke_ms.append(ms_since_start())     # for the output
    for _ in range(3):
        with changed:                    # wait_for checks first, and again after each wake-up
            if not changed.wait_for(lambda: jobs, timeout=1):
                return
            got.append(jobs.pop(0))

def producer():
    load_settings()
    ready.set()                          # wakes both consumers
    for n in range(6):
        with changed:
            jobs.append(n)
            changed.notify()             # wakes one waiting consumer
# endregion

got_a, got_b = [], []
threads = [threading.Thread(target=consumer, args=(got_a,)),
           threading.Thread(target=consumer, args=(got_b,)),
           threading.Thread(target=producer)]
for t in threads:
    t.start()
for t in threads:
    t.join(timeout=2)
handed = sorted(got_a + got_b)
print(f"settings loaded after {loaded_ms[0]:.0f} ms; the consumers woke after "
      + " and ".join(f"{ms:.0f}" for ms in sorted(woke_ms)) + " ms")
print(f"jobs handed over: {len(handed)} of 6, each once: {handed == list(range(6))}")
metric("loaded", loaded_ms[0], "ms")
metric("woke", max(woke_ms), "ms")
