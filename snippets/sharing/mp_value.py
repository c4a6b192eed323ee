"""Shared memory between processes: += on a multiprocessing.Value."""
import multiprocessing as mp
from deckgen_trace import metric

def add(shared, times, use_lock, start_together):
    start_together.wait()                # both processes begin at the same moment
    for _ in range(times):
        if use_lock:
            with shared.get_lock():      # the Value's own lock
                shared.value += 1
        else:
            shared.value += 1            # read, add, write: not atomic

# region main
def race(use_lock):
    shared, together = mp.Value("i", 0), mp.Barrier(2)
    args = (shared, 20_000, use_lock, together)
    workers = [mp.Process(target=add, args=args) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(f"lock={use_lock!s:5}: expected 40000, got {shared.value}")
    return 40_000 - shared.value
# endregion

if __name__ == "__main__":
    metric("lost", race(use_lock=False), "")
    race(use_lock=True)
