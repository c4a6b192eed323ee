"""Check-then-act: four threads fill one cache; checking and acting are two steps."""
import threading
import time
from deckgen_trace import metric

THREADS, KEYS = 4, 5
computed = 0                             # calls of expensive(), counted under a lock
counted = threading.Lock()

def expensive(key):
    global computed
    with counted:
        computed += 1
    time.sleep(0.005)                    # a slow lookup: the GIL is free meanwhile
    return key * key

# region main
cache, cache_lock = {}, threading.Lock()

def get(key):
    if key not in cache:                 # check ...
        cache[key] = expensive(key)      # ... then act: others may have checked too
    return cache[key]

def get_locked(key):
    with cache_lock:                     # check and act as one step
        if key not in cache:
            cache[key] = expensive(key)
        return cache[key]
# endregion

def run(lookup):
    """Four threads, released together, each look up every key; returns expensive()'s calls."""
    global computed
    cache.clear()
    computed = 0
    start_together = threading.Barrier(THREADS)
    def work():
        start_together.wait(timeout=1)
        for key in range(KEYS):
            lookup(key)
    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=2)
    return computed

unlocked, locked = run(get), run(get_locked)
print(f"{THREADS} threads, {KEYS} keys. get: computed {unlocked} times, "
      f"{unlocked - KEYS} of them duplicates")
print(f"get_locked: computed {locked} times, {locked - KEYS} duplicates")
metric("duplicated", unlocked - KEYS, "")
metric("duplicated_locked", locked - KEYS, "")
