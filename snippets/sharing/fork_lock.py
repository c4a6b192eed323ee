"""fork() while another thread holds a lock: the child gets the lock, locked, and not the thread."""
import os
import re
import sys
import threading
import warnings

warned = []                              # what this interpreter warns about at fork
warnings.simplefilter("always")
warnings.showwarning = lambda message, category, *where: warned.append((category, message))

lock = threading.Lock()
holding, let_go = threading.Event(), threading.Event()

def holder():
    with lock:
        holding.set()
        let_go.wait(timeout=1)           # holds the lock until the parent has forked

# region main
threading.Thread(target=holder).start()
holding.wait(timeout=1)                  # another thread holds the lock now
pid = os.fork()
if pid == 0:                             # the child: a copy of memory, one thread
    got = lock.acquire(timeout=0.2)      # nobody here will ever release it
    print(f"child: {threading.active_count()} thread, acquire(timeout=0.2): {got}", flush=True)
    os._exit(0)
let_go.set()
os.waitpid(pid, 0)
print(f"parent: acquire(): {lock.acquire(timeout=1)}")
# endregion
said = "; ".join(f"{category.__name__}: " + re.sub(r" \(pid=\d+\)", "", str(message))
                 for category, message in warned)
print(f"Python {sys.version.split()[0]} warned at fork: {said or 'nothing'}")
