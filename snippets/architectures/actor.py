"""An actor: one thread owns the state; others may only send it messages."""
import queue
import threading
from concurrent.futures import Future

# region main
class Account:
    def __init__(self):
        self.inbox = queue.Queue()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):                      # the only code that touches balance
        balance = 0
        while True:
            amount, reply = self.inbox.get()
            balance += amount
            reply.set_result(balance)

    def deposit(self, amount):           # callable from any thread
        reply = Future()
        self.inbox.put((amount, reply))
        return reply

account = Account()
clients = [threading.Thread(target=lambda: [account.deposit(1) for _ in range(2_500)])
           for _ in range(4)]
for c in clients:
    c.start()
for c in clients:
    c.join()
print("balance:", account.deposit(0).result())   # always 10000, no lock in sight
# endregion
