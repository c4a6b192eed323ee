import threading

import deckgen_trace as dt  # provided by deckgen; records nothing when run by hand


def count(n):
    with dt.span("count"):
        while n:
            n -= 1


# region main
workers = [threading.Thread(target=count, args=(300_000,), name=f"worker-{i}") for i in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("both threads finished")
# endregion
