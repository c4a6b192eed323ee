"""Shared memory between processes: += on a number both processes really share."""
import multiprocessing as mp
from deckgen_trace import metric

TIMES = 100_000
SEEN = 20

def add(shared, done, me, use_lock, start_together):
    """Adds 1 at least TIMES times, and until it has seen the other process add too.

    On a loaded machine one process may finish before the other gets a CPU (one run in
    six lost nothing at a load of 15 on two cores). So each keeps going, past TIMES if need
    be, until it has seen the other's tally move SEEN times while it was adding itself,
    or the other is done: the two are then sure to have run at the same time, or at least
    to have taken turns SEEN times, each turn a chance to cut a += in two. Each process's
    own tally says how many it added, so the extra work hides nothing.
    """
    other = 1 - me
    start_together.wait()                # both processes begin at the same moment
    n = seen = 0
    last = done[other]
    while n < TIMES or (seen < SEEN and not done[2 + other]):
        if use_lock:
            with shared.get_lock():      # the Value's own lock, around the whole +=
                shared.value += 1
        else:
            shared.value += 1            # read, add, write: not atomic
        n += 1
        done[me] = n                     # this process's own tally
        if done[other] != last:
            seen, last = seen + 1, done[other]
    done[2 + me] = 1                     # and it has finished

# region main
def race(use_lock):
    # RawValue: shared memory and nothing else. (A plain Value also has a lock, but
    # `+=` takes it twice, once to read and once to write: still a race.)
    shared = mp.Value("i", 0) if use_lock else mp.RawValue("i", 0)
    done, together = mp.RawArray("i", 4), mp.Barrier(2)   # done: tallies, then finished
    workers = [mp.Process(target=add, args=(shared, done, me, use_lock, together))
               for me in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    expected = done[0] + done[1]
    print(f"{'locked' if use_lock else 'no lock'}: processes added {done[0]:,} + {done[1]:,};"
          f" the shared value is {shared.value:,}: lost {expected - shared.value:,}")
    return expected - shared.value
# endregion

if __name__ == "__main__":
    metric("lost", race(use_lock=False), "")
    metric("lost_locked", race(use_lock=True), "")
