"""Two CPU-bound threads under the GIL: who actually runs, and when?"""
import threading
from deckgen_trace import span

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

# region main
def worker():
    for _ in range(60):
        with span("crunch"):        # one small slice of work
            crunch(20_000)

threads = [threading.Thread(target=worker, name=f"T{i}") for i in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done: the timeline shows which thread held the GIL")
# endregion
