"""How long does a process pool take to start? It depends on METHOD."""
import multiprocessing as mp
import os
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import forkserver
from deckgen_trace import metric

WORKERS = 2

def wait_for_all(everyone_up):
    everyone_up.wait()                  # a worker is ready only when all of them are

def ready():
    return os.getpid()

# region main
if __name__ == "__main__":
    method = os.environ.get("METHOD", "fork")     # fork | forkserver | spawn
    context = mp.get_context(method)
    if method == "forkserver":
        forkserver.ensure_running()     # the server starts once per program: not timed
    everyone_up = context.Barrier(WORKERS)
    start = time.perf_counter()
    with ProcessPoolExecutor(WORKERS, mp_context=context, initializer=wait_for_all,
                             initargs=(everyone_up,)) as pool:
        for future in [pool.submit(ready) for _ in range(WORKERS)]:
            future.result()             # both workers started (spawn starts them on demand)
    elapsed = time.perf_counter() - start
    print(f"{method:10}: {WORKERS} workers up, used and shut down in {elapsed * 1000:.0f} ms")
# endregion
    metric("startup", elapsed * 1000, "ms")
