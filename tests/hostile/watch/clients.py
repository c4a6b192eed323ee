# Clients that misbehave against `deckgen watch` (issue 24, item 4), for
# tests/e2e/test_hostile_watch.sh. Only 127.0.0.1; every wait is bounded.
#   slow PORT N READY     N clients ask for the page and never read it; READY is created once
#                         all asked, and they hold on until stdin closes
#   crowd PORT N          N clients subscribe to the event stream at once; prints how many
#                         were answered 503
#   never_reads PORT READY GO
#                         one event-stream subscriber that never reads; READY once it is
#                         subscribed; once GO exists, exit 0 if deckgen closed it (its queue
#                         was dropped), 1 if it is still open
#   reads PORT READY GO N one subscriber that reads all it is sent (the under side of the
#                         8 MiB queue limit); READY once subscribed; once GO exists, exit 0
#                         if it is still open and got at least N events, else 1
import os, socket, sys, time


def connect(port, path, rcvbuf=None):
    s = socket.socket()
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.connect(("127.0.0.1", port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    return s


def wait_for(path, limit=120):
    end = time.time() + limit
    while not os.path.exists(path):
        if time.time() > end:
            sys.exit(f"{path} never appeared")
        time.sleep(0.05)


def slow(port, n, ready):
    held = [connect(int(port), "/", rcvbuf=4096) for _ in range(int(n))]
    open(ready, "w").close()
    sys.stdin.read()
    for s in held:
        s.close()


def crowd(port, n):
    held = []
    for _ in range(int(n)):
        held.append(connect(int(port), "/__deckgen/events"))
        time.sleep(0.01)
    refused = 0
    for s in held:
        s.settimeout(2)
        try:
            if s.recv(64).startswith(b"HTTP/1.1 503"):
                refused += 1
        except socket.timeout:
            pass
    print(refused)


def never_reads(port, ready, go):
    s = connect(int(port), "/__deckgen/events", rcvbuf=4096)
    time.sleep(0.5)
    open(ready, "w").close()
    wait_for(go)
    s.settimeout(10)
    try:
        while s.recv(1 << 20):
            pass
    except socket.timeout:
        sys.exit(1)  # still open: deckgen kept queueing for it
    except ConnectionResetError:
        pass
    sys.exit(0)


def reads(port, ready, go, n):
    s = connect(int(port), "/__deckgen/events")
    s.settimeout(0.2)
    events, tail, started = 0, b"", False
    while True:
        try:
            chunk = s.recv(1 << 20)
        except socket.timeout:
            chunk = None
        if chunk == b"":
            sys.exit(f"deckgen closed a subscriber that read everything, after {events} events")
        if chunk:
            data = tail + chunk
            events += data.count(b"\n\n")  # an event ends at a blank line
            tail = data[-1:]
        if not started and events > 0:
            open(ready, "w").close()
            started = True
        if os.path.exists(go):
            if events < int(n):
                sys.exit(f"only {events} events arrived (wanted {n})")
            sys.exit(0)


{"slow": slow, "crowd": crowd, "never_reads": never_reads, "reads": reads}[sys.argv[1]](*sys.argv[2:])
