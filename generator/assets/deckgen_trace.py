"""Trace capture and named metrics for deckgen snippets (standard library only).

    import deckgen_trace as dt

    with dt.span("fetch", url=url):      # a span around a block
        ...
    @dt.span("parse")                    # ... or around every call of a function
    def parse(text): ...
    @dt.traced                           # ... named after the function
    async def download(i): ...
    dt.instant("cancelled")              # a point in time
    dt.counter("queue", depth=3)         # a value over time
    dt.metric("ns_per_switch", 812.5, "ns")   # a number a slide can quote

deckgen runs every snippet with DECKGEN_OUT_DIR set, and DECKGEN_TRACE=1 when
its `run` block says `trace: true`. Each process then writes its own
DECKGEN_OUT_DIR/trace-<pid>.json (Chrome Trace Event Format, read by Perfetto
and chrome://tracing) and, when metric() was called, metrics-<pid>.json, at exit
or at flush(). Without those variables every call here does nothing, so a
snippet runs the same under plain `python3 file.py`.

What a trace holds:
- `X` events, ts and dur in microseconds of CLOCK_MONOTONIC, which every
  process on the machine (and deckgen_trace.h in C++) shares, so traces of
  several processes line up without any alignment step;
- args.cpu_us: CPU time the lane itself spent in the span, so waiting (I/O, a
  lock, the GIL) shows beside running. A `with span()` inside an asyncio task
  can only see the thread's CPU time, which includes other tasks that ran while
  this one awaited; it is recorded as args.thread_cpu_us instead. Decorated
  coroutine functions step the coroutine themselves and get an exact cpu_us;
- one lane (tid) per thread, named after threading's name, and one per asyncio
  task (a synthetic tid), named after the task, with args.task;
- `M` process_name / thread_name / sort-index events; `i` instants; `C` counters.

Decorating a generator function times only the creation of the generator;
put a `with span()` inside it instead.

Processes: multiprocessing children (fork, spawn, forkserver) write their own
files, including pool workers stopped by Pool.terminate(). A child made with a
bare os.fork() that leaves through os._exit() must call flush() itself.
"""

# Only what startup needs: a snippet pays for this import in its measured time,
# so threading, json, inspect, functools and weakref are imported when first
# used (_thread is built in; threading costs ~3 ms to import).
import _thread
import atexit
import itertools
import os
import sys
import time

__all__ = ["span", "traced", "instant", "counter", "metric",
           "name_task", "name_thread", "flush", "enabled"]

_OUT_DIR = os.environ.get("DECKGEN_OUT_DIR") or None
_TRACING = _OUT_DIR is not None and os.environ.get("DECKGEN_TRACE") == "1"

# A runaway loop must not exhaust memory or make the snippet's timing about us.
_MAX_EVENTS = 1_000_000
# Synthetic lane ids for asyncio tasks start above Linux's largest thread id
# (2**22) and stay inside int32, which some trace readers assume.
_TASK_TID_BASE = 1 << 30

_monotonic_ns = time.monotonic_ns
_thread_time_ns = time.thread_time_ns

# Per-process state; _reset_after_fork() starts it afresh in a forked child.
_events = []          # tuples, turned into JSON dicts only at flush
_dropped = 0
_metrics = {}         # name -> {"value": v, "unit": u}
_lanes = {}           # tid -> [name, is a task]
_task_lanes = {}      # id(task) -> (weakref to task, tid)
_task_tids = itertools.count(_TASK_TID_BASE)
_this_thread = _thread._local()   # .tid: the lane id cached
_armed = False        # exit hooks for this process are in place
_flush_lock = _thread.allocate_lock()
_warned = False
_wakeup_pipe = (-1, -1)   # the pipe the SIGTERM thread waits on: (read, write)


def enabled():
    """True when spans are being recorded (DECKGEN_TRACE=1 and DECKGEN_OUT_DIR set)."""
    return _TRACING


# --------------------------------------------------------------------------
# Lanes: which thread or asyncio task an event belongs to

def _current_task():
    asyncio = sys.modules.get("asyncio")
    if asyncio is None:
        return None
    loop = asyncio.events._get_running_loop()
    return None if loop is None else asyncio.current_task(loop)


def _new_lane(tid, name, is_task):
    _lanes[tid] = [name, is_task]


def _lane():
    """(tid, is_task) of the caller; registers the lane on first sight."""
    task = _current_task()
    if task is not None:
        known = _task_lanes.get(id(task))
        if known is not None and known[0]() is task:
            tid = known[1]
        else:
            import weakref
            tid = next(_task_tids)
            _task_lanes[id(task)] = (weakref.ref(task), tid)
            _new_lane(tid, task.get_name(), True)
        lane = _lanes[tid]
        if lane[0] != task.get_name():      # renamed with task.set_name()
            lane[0] = task.get_name()
        return tid, True
    tid = getattr(_this_thread, "tid", None)
    if tid is None:
        tid = _this_thread.tid = _thread.get_native_id()
        _new_lane(tid, _thread_name(), False)
    return tid, False


def _thread_name():
    threading = sys.modules.get("threading")
    # Without threading imported, the main thread is the only Python thread.
    return "MainThread" if threading is None else threading.current_thread().name


def name_task(name):
    """Name the current asyncio task, or else the current thread, and its lane."""
    task = _current_task()
    if task is not None:
        task.set_name(name)
    else:
        import threading
        threading.current_thread().name = name
    if _TRACING:
        _lanes[_lane()[0]][0] = name


name_thread = name_task


# --------------------------------------------------------------------------
# Recording

def _record(event):
    global _dropped
    if not _armed:
        _arm()
    if len(_events) < _MAX_EVENTS:
        _events.append(event)       # list.append is atomic under the GIL
    else:
        _dropped += 1


class _NoSpan:
    """What span() returns when tracing is off: does nothing, as cheaply as possible."""
    __slots__ = ()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __call__(self, function):
        return function

    def set(self, **args):
        pass


_NO_SPAN = _NoSpan()


class _Span:
    __slots__ = ("name", "args", "start", "cpu_start")

    def __init__(self, name, args):
        self.name = name
        self.args = args

    def set(self, **args):
        """Attach values known only inside the span (a result size, a count)."""
        self.args.update(args)

    def __enter__(self):
        self.start = _monotonic_ns()
        self.cpu_start = _thread_time_ns()
        return self

    def __exit__(self, exc_type, exc, tb):
        cpu = _thread_time_ns() - self.cpu_start
        end = _monotonic_ns()
        tid, in_task = _lane()
        args = self.args
        if exc_type is not None:    # e.g. CancelledError: what a cancellation stopped
            args = dict(args, error=exc_type.__name__)
        cpu_key = "thread_cpu_us" if in_task else "cpu_us"
        _record(("X", self.name, self.start, end - self.start, tid, args, cpu_key, cpu))
        return False

    def __call__(self, function):
        return _decorate(function, self.name, self.args)


class _SteppedCoroutine:
    """Drives a coroutine one step at a time, adding up only its own CPU time.

    While a coroutine awaits, other tasks run on the same thread, so the
    thread's CPU time over the whole call would count their work as ours.
    """
    __slots__ = ("coroutine", "name", "args")

    def __init__(self, coroutine, name, args):
        self.coroutine, self.name, self.args = coroutine, name, args

    def __await__(self):
        coroutine = self.coroutine
        start = _monotonic_ns()
        cpu = 0
        value, error, error_name = None, None, None
        try:
            while True:
                step_start = _thread_time_ns()
                try:
                    if error is None:
                        yielded = coroutine.send(value)
                    else:
                        yielded = coroutine.throw(error)
                except StopIteration as stop:
                    return stop.value
                except BaseException as raised:
                    error_name = type(raised).__name__
                    raise
                finally:
                    cpu += _thread_time_ns() - step_start
                value, error = None, None
                try:
                    value = yield yielded
                except GeneratorExit:
                    coroutine.close()
                    raise
                except BaseException as thrown:   # cancellation arrives here
                    error = thrown
        finally:
            end = _monotonic_ns()
            args = self.args if error_name is None else dict(self.args, error=error_name)
            _record(("X", self.name, start, end - start, _lane()[0], args, "cpu_us", cpu))


def _decorate(function, name, args):
    if not _TRACING:
        return function
    import functools
    import inspect
    if inspect.iscoroutinefunction(function):
        @functools.wraps(function)
        async def traced_coroutine(*a, **k):
            return await _SteppedCoroutine(function(*a, **k), name, dict(args))
        return traced_coroutine

    @functools.wraps(function)
    def traced_call(*a, **k):
        with _Span(name, dict(args)):
            return function(*a, **k)
    return traced_call


def span(name, **args):
    """A span: `with span("name", key=value):` or `@span("name")` on a function.

    `@span` without a name (or `@traced`) names the span after the function.
    """
    if callable(name):                   # bare @span
        return traced(name)
    if not _TRACING:
        return _NO_SPAN
    return _Span(name, args)


def traced(function):
    """Decorator: a span around every call, named after the function's qualified name."""
    return _decorate(function, function.__qualname__, {})


def instant(name, **args):
    """A point in time on the current lane (a cancellation, a message sent)."""
    if _TRACING:
        _record(("i", name, _monotonic_ns(), 0, _lane()[0], args, None, 0))


def counter(name, **values):
    """Values over time, drawn as a counter track: counter("queue", depth=3)."""
    if _TRACING:
        _record(("C", name, _monotonic_ns(), 0, _lane()[0], values, None, 0))


def metric(name, value, unit=""):
    """A named number for slides ({{id.m.NAME}}); kept whenever DECKGEN_OUT_DIR is set.

    Calling it again with the same name keeps the last value.
    """
    if _OUT_DIR is None:
        return
    if not _armed:
        _arm()
    _metrics[name] = {"value": value, "unit": unit}


# --------------------------------------------------------------------------
# Process life: exit hooks, forks, multiprocessing children

def _arm():
    """Make sure this process writes its files when it ends (once per process).

    atexit covers the main process and spawn children. Fork and forkserver
    children leave through os._exit(), which skips atexit, after running
    multiprocessing's own finalizers: register there. Pool.terminate() ends
    workers with SIGTERM: flush first, then die of the signal as before.
    Done lazily on the first record so that importing this module stays cheap
    and multiprocessing is never imported on its account.
    """
    global _armed
    _armed = True
    mp_process = sys.modules.get("multiprocessing.process")
    if mp_process is None or mp_process.parent_process() is None:
        return
    from multiprocessing import util
    util.Finalize(None, flush, exitpriority=100)
    _flush_on_sigterm()


def _flush_on_sigterm():
    """On SIGTERM: write this process's files, then die of the signal as before.

    The work is done by a thread, not by a Python signal handler: such a handler
    runs only between two bytecodes of the main thread, and a pool worker that the
    signal catches just before it blocks in C (on the task queue's lock, which
    Pool.terminate() takes and keeps) would never run it, and never exit. The C
    side of Python's handling always writes the signal's number to the wakeup fd;
    the thread waits on that.
    """
    global _wakeup_pipe
    import signal
    import threading
    if threading.current_thread() is not threading.main_thread():
        return      # only the main thread may set handlers; Finalize still covers a normal exit
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return      # the snippet handles SIGTERM itself
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    previous = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    if previous not in (-1, _wakeup_pipe[1]):   # the snippet's own (asyncio's, say): leave it
        signal.set_wakeup_fd(previous)
        os.close(read_end)
        os.close(write_end)
        return
    if previous != -1:                      # ours, inherited through a fork
        for end in _wakeup_pipe:
            os.close(end)
    _wakeup_pipe = (read_end, write_end)
    signal.signal(signal.SIGTERM, lambda signum, frame: None)   # the thread does the work

    def flush_then_die():
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})   # whatever the arming thread blocked
        while True:
            signals = os.read(read_end, 64)     # one byte per signal caught
            if not signals:
                return
            if signal.SIGTERM in signals:
                break
        flush()     # waits for a flush under way in another thread
        _die_of(signal.SIGTERM)
    threading.Thread(target=flush_then_die, name="deckgen_trace SIGTERM", daemon=True).start()


def _die_of(signum):
    """Die of `signum` with its default action, from any thread.

    signal.signal() is for the main thread only, so the default action is put
    back through C's signal(); without ctypes the process dies of SIGKILL.
    """
    try:
        import ctypes
        ctypes.CDLL(None).signal(signum, 0)     # 0 is SIG_DFL
    except (ImportError, OSError, AttributeError):
        signum = 9
    os.kill(os.getpid(), signum)


def _reset_after_fork():
    """In a forked child: the parent's events are the parent's to write."""
    global _armed, _dropped, _this_thread, _flush_lock
    _events.clear()
    _metrics.clear()
    _lanes.clear()
    _task_lanes.clear()
    _dropped = 0
    _armed = False
    _this_thread = _thread._local()     # the forking thread's cached tid is the parent's
    _flush_lock = _thread.allocate_lock()   # another thread may have held it at fork time


# --------------------------------------------------------------------------
# Writing

def _process_name():
    mp_process = sys.modules.get("multiprocessing.process")
    if mp_process is None:
        return "MainProcess"
    return mp_process.current_process().name


def _process_sort_index():
    """The main process first, then multiprocessing children in creation order."""
    mp_process = sys.modules.get("multiprocessing.process")
    identity = mp_process.current_process()._identity if mp_process else ()
    return sum(identity)


def _us(ns):
    return round(ns / 1000, 3)


def _trace_events(pid):
    events = list(_events)      # a consistent snapshot while other threads append
    lanes = dict(_lanes)
    out = [
        {"ph": "M", "name": "process_name", "pid": pid, "tid": 0,
         "args": {"name": _process_name()}},
        {"ph": "M", "name": "process_sort_index", "pid": pid, "tid": 0,
         "args": {"sort_index": _process_sort_index()}},
    ]
    # Lanes in the order they started doing something: the main thread, whose
    # span usually encloses the rest, comes first.
    first_ts = {}
    for event in events:
        tid, ts = event[4], event[2]
        if ts < first_ts.get(tid, ts + 1):
            first_ts[tid] = ts
    ordered = sorted(lanes, key=lambda tid: (first_ts.get(tid, 0), tid))
    for order, tid in enumerate(ordered):
        out.append({"ph": "M", "name": "thread_name", "pid": pid, "tid": tid,
                    "args": {"name": lanes[tid][0]}})
        out.append({"ph": "M", "name": "thread_sort_index", "pid": pid, "tid": tid,
                    "args": {"sort_index": order}})
    for ph, name, ts, dur, tid, args, cpu_key, cpu in events:
        event = {"ph": ph, "name": name, "ts": _us(ts), "pid": pid, "tid": tid}
        args = dict(args)
        if ph == "X":
            event["dur"] = _us(dur)
            args[cpu_key] = _us(cpu)
        elif ph == "i":
            event["s"] = "t"
        lane = lanes.get(tid)
        if lane is not None and lane[1] and ph != "C":
            args["task"] = lane[0]
        event["args"] = args
        out.append(event)
    return out


def _write_atomically(path, lines):
    """Write beside the target, then rename: a reader sees the old file or the new, never half.

    The temporary name starts with a dot so that a reader globbing trace-*.json
    never picks up a file left by a process killed while writing.
    """
    directory, base = os.path.split(path)
    temporary = os.path.join(directory, f".{base}.{_thread.get_ident()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        with open(fd, "w", encoding="utf-8") as file:
            file.writelines(lines)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _dump(value):
    import json
    return json.dumps(value, ensure_ascii=False, default=repr)


def _trace_lines(pid):
    dump = _dump
    other = {"clock": "CLOCK_MONOTONIC", "writer": "deckgen_trace.py",
             "snippet_id": os.environ.get("DECKGEN_SNIPPET_ID"),
             "run_index": os.environ.get("DECKGEN_RUN_INDEX"),
             "dropped_events": _dropped}
    # One event per line: small, and still readable with less or grep.
    events = ",\n".join(dump(event) for event in _trace_events(pid))
    return ['{"displayTimeUnit":"ms","otherData":', dump(other),
            ',\n"traceEvents":[\n', events, "\n]}\n"]


def flush():
    """Write this process's files now (complete snapshots; they also get written at exit).

    Never raises: a snippet must not fail because its trace could not be
    written; the reason goes to stderr once.
    """
    global _warned
    if _OUT_DIR is None:
        return
    _flush_lock.acquire()
    try:
        pid = os.getpid()
        if _TRACING and _events:
            _write_atomically(os.path.join(_OUT_DIR, f"trace-{pid}.json"), _trace_lines(pid))
        if _metrics:
            text = _dump({"metrics": dict(_metrics)}) + "\n"
            _write_atomically(os.path.join(_OUT_DIR, f"metrics-{pid}.json"), [text])
    except Exception as error:
        if not _warned:
            _warned = True
            print(f"deckgen_trace: could not write to {_OUT_DIR}: {error}", file=sys.stderr)
    finally:
        _flush_lock.release()


if _OUT_DIR is not None:
    atexit.register(flush)
    os.register_at_fork(after_in_child=_reset_after_fork)
