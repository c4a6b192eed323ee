"""Real sockets on 127.0.0.1: a server that answers after 20 ms."""
import socket
import socketserver
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from deckgen_trace import metric

class SlowHandler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.recv(100)
        time.sleep(0.02)                              # a slow backend
        self.request.sendall(b"HTTP/1.0 200 OK\r\n\r\nhello")

class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    request_queue_size = 64          # the default (5) drops simultaneous connects

server = Server(("127.0.0.1", 0), SlowHandler)
threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
address = server.server_address

# region main
def fetch(_):
    with socket.create_connection(address) as conn:
        conn.sendall(b"GET / HTTP/1.0\r\n\r\n")
        return conn.recv(100)                         # blocks; GIL released

def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start

one_by_one = timed(lambda: [fetch(i) for i in range(10)])
with ThreadPoolExecutor(max_workers=10) as pool:
    in_threads = timed(lambda: list(pool.map(fetch, range(10))))
print(f"10 requests one by one: {one_by_one * 1000:4.0f} ms")
print(f"10 requests on threads: {in_threads * 1000:4.0f} ms")
# endregion
metric("speedup", one_by_one / in_threads, "x")
server.shutdown()
