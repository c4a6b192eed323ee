"""Concurrency in 15 lines: tasks are generators, a loop takes turns."""
from collections import deque

# region main
def task(name, steps):
    for step in range(steps):
        print(f"{name} step {step}")
        yield                      # "I can pause here"

def run(tasks):
    ready = deque(tasks)
    while ready:
        current = ready.popleft()
        try:
            next(current)          # resume it until its next yield
            ready.append(current)  # back of the line: time-slicing
        except StopIteration:
            pass                   # finished

run([task("A", 3), task("B", 2), task("C", 1)])
# endregion
