"""Solution (section 8): every transfer takes the two locks in one global order, so none waits in a cycle."""
import faulthandler
import os
import tempfile
import threading
import time

class Account:
    def __init__(self, name, balance):
        self.name, self.balance, self.lock = name, balance, threading.Lock()

_meeting = threading.Barrier(2)

def let_the_other_start():
    """Waits (0.2 s at most) until the other transfer holds its first lock too: the unlucky
    timing, made to happen in every run. If the other cannot get one, nothing to wait for."""
    try:
        _meeting.wait(timeout=0.2)
    except threading.BrokenBarrierError:
        pass

def where_threads_wait():
    """faulthandler's dump of every thread, cut to each worker's innermost frame."""
    with tempfile.TemporaryFile("w+") as dump:
        faulthandler.dump_traceback(file=dump, all_threads=True)
        dump.seek(0)
        lines = dump.read().splitlines()
    here = os.path.basename(__file__)
    for header, frame in zip(lines, lines[1:]):
        if header.startswith("Thread") and " in transfer" in frame:
            print(header.split(" (")[0] + ": " + frame.strip().replace(f'"{__file__}"', here))

# region main
def transfer(source, target, amount):
    first, second = sorted((source, target), key=lambda a: a.name)   # one order for all
    with first.lock:
        let_the_other_start()
        with second.lock:
            source.balance -= amount
            target.balance += amount

alice, bob = Account("alice", 100), Account("bob", 100)
workers = [threading.Thread(target=transfer, args=(alice, bob, 10), daemon=True),
           threading.Thread(target=transfer, args=(bob, alice, 20), daemon=True)]
for w in workers: w.start()
deadline = time.monotonic() + 1
for w in workers: w.join(timeout=max(0, deadline - time.monotonic()))
stuck = sum(w.is_alive() for w in workers)
print(f"still waiting after 1 s: {stuck} of 2; alice {alice.balance}, bob {bob.balance}")
where_threads_wait()
# endregion
