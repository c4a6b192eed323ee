"""Every program is a process with one thread; threads share the process."""
import os
import threading

def where_am_i(label):
    thread = threading.current_thread()
    print(f"{label:7} pid={os.getpid()} thread={thread.name} "
          f"native_id={thread.native_id}")

def os_thread_count():
    try:                               # Linux: the kernel's own count
        with open("/proc/self/status") as status:
            return next(line.split()[1] for line in status if line.startswith("Threads:"))
    except FileNotFoundError:          # no /proc (macOS, Windows): Python's count instead
        return f"{threading.active_count()} (Python's count: no /proc here)"

# region main
where_am_i("main")
print("threads the OS sees:", os_thread_count())

worker = threading.Thread(target=where_am_i, args=("worker",))
worker.start()
worker.join()
# endregion
