# A classic daemon (fork, setsid, fork) that keeps the snippet's stdout and stderr open
# and outlives it: the run must end when the snippet does, not when the pipe closes.
import os, sys, time

if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        with open(os.path.join(os.environ["PIDS"], "daemon"), "a") as f:
            f.write(f"{os.getpid()}\n")
        time.sleep(1000)
    os._exit(0)
os.wait()
while not os.path.exists(os.path.join(os.environ["PIDS"], "daemon")):
    time.sleep(0.01)
print("the daemon holds this stdout")
