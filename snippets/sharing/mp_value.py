"""Shared memory between processes: += on a number both processes really share."""
import multiprocessing as mp
from deckgen_trace import metric

TIMES = 200_000                          # long enough that the two really overlap

def add(shared, done, me, use_lock, start_together):
    start_together.wait()                # both processes begin at the same moment
    for n in range(TIMES):
        if use_lock:
            with shared.get_lock():      # the Value's own lock, around the whole +=
                shared.value += 1
        else:
            shared.value += 1            # read, add, write: not atomic
    done[me] = n + 1                     # this process's own tally

# region main
def race(use_lock):
    # RawValue: shared memory and nothing else. (A plain Value also has a lock, but
    # `+=` takes it twice, once to read and once to write: still a race.)
    shared = mp.Value("i", 0) if use_lock else mp.RawValue("i", 0)
    done, together = mp.RawArray("i", 2), mp.Barrier(2)
    workers = [mp.Process(target=add, args=(shared, done, me, use_lock, together))
               for me in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    expected = sum(done)
    print(f"{'locked' if use_lock else 'no lock'}: processes added {done[0]:,} + {done[1]:,};"
          f" the shared value is {shared.value:,}: lost {expected - shared.value:,}")
    return expected - shared.value
# endregion

if __name__ == "__main__":
    metric("lost", race(use_lock=False), "")
    metric("lost_locked", race(use_lock=True), "")
