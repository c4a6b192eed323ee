"""Two workers computing the same pure-Python loop: on two threads of one process
(WAY=threads) or in two processes (WAY=processes). Nothing here is timed or printed:
deckgen's sampler (`trace: threads`) watches from outside which of them the kernel ran."""
import multiprocessing
import os
import threading

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

# region main
def work():
    crunch(4_000_000)                  # pure Python: it needs the GIL all along

if __name__ == "__main__":
    Worker = threading.Thread if os.environ["WAY"] == "threads" else multiprocessing.Process
    workers = [Worker(target=work) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
# endregion
