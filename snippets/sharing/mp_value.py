"""Shared memory between processes: += on a multiprocessing.Value."""
import multiprocessing as mp

def add(shared, times, use_lock):
    for _ in range(times):
        if use_lock:
            with shared.get_lock():      # the Value's own lock
                shared.value += 1
        else:
            shared.value += 1            # read, add, write: not atomic

# region main
if __name__ == "__main__":
    for use_lock in (False, True):
        shared = mp.Value("i", 0)
        workers = [mp.Process(target=add, args=(shared, 20_000, use_lock))
                   for _ in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print(f"lock={use_lock!s:5}: expected 40000, got {shared.value}")
# endregion
