"""How long does a process pool take to start? It depends on METHOD."""
import multiprocessing as mp
import os
import time
from concurrent.futures import ProcessPoolExecutor
from deckgen_trace import metric

def ready():
    return os.getpid()

# region main
if __name__ == "__main__":
    method = os.environ.get("METHOD", "fork")     # fork | forkserver | spawn
    start = time.perf_counter()
    with ProcessPoolExecutor(2, mp_context=mp.get_context(method)) as pool:
        pids = {pool.submit(ready).result() for _ in range(2)}
    elapsed = time.perf_counter() - start
    print(f"{method:10}: pool up, used and shut down in {elapsed * 1000:.0f} ms")
# endregion
    metric("startup", elapsed * 1000, "ms")
