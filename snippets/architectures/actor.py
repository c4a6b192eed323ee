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
# endregion

def customer(account):
    for _ in range(2_500):
        account.deposit(1)

account = Account()
customers = [threading.Thread(target=customer, args=(account,)) for _ in range(4)]
for c in customers:
    c.start()
for c in customers:
    c.join()
print("4 customers deposited 1, 2500 times each")
print("balance:", account.deposit(0).result())   # always 10000, and no lock
