"""The generator scheduler, now waiting for I/O: a tiny event loop on selectors (epoll)."""
import selectors
import socket
import threading
import time
from deckgen_trace import metric

def server_side(peers):                 # answers arrive at 10, 20 and 30 ms
    for delay, peer in zip([0.03, 0.01, 0.02], peers):
        threading.Timer(delay, peer.send, [b"reply"]).start()

start = time.perf_counter()

def ms():
    return f"{(time.perf_counter() - start) * 1000:.0f} ms"

# region main
def client(name, sock):
    yield sock          # wake me when readable
    print(name, sock.recv(100), "at", ms())

def run(tasks):
    selector = selectors.DefaultSelector()
    for task in tasks:
        sock = next(task)
        selector.register(sock, selectors.EVENT_READ, task)
    while selector.get_map():
        for key, _ in selector.select():  # sleeps
            selector.unregister(key.fileobj)
            try:
                next(key.data)    # resume it
            except StopIteration:
                pass
    print("selector:", type(selector).__name__)
# endregion

pairs = [socket.socketpair() for _ in range(3)]
server_side([theirs for _, theirs in pairs])
wall, cpu = time.perf_counter(), time.process_time()
run([client(name, mine) for name, (mine, _) in zip("ABC", pairs)])
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(f"{wall * 1000:.0f} ms of waiting cost {cpu * 1000:.1f} ms of CPU")
metric("cpu_pct", 100 * cpu / wall, "%")
