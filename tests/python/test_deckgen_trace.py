"""Tests of the trace helpers generator/assets/deckgen_trace.py and deckgen_trace.h.

Each test runs a small snippet in its own process, as deckgen does, with the
environment deckgen would give it, and reads the files the snippet left behind.

    /usr/bin/python3 -m unittest discover -s tests/python
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

REPO = pathlib.Path(__file__).resolve().parents[2]
SNIPPETS = REPO / "generator" / "assets"  # where the helpers live (compiled into deckgen)
REQUIRED_SPAN_FIELDS = {"ph", "name", "ts", "dur", "pid", "tid", "args"}


def run_snippet(code, out_dir, tracing=True, cwd=None):
    """Run Python `code` as a snippet; DECKGEN_OUT_DIR=out_dir unless out_dir is None."""
    script = pathlib.Path(cwd or out_dir or tempfile.gettempdir()) / "snippet_under_test.py"
    script.write_text(textwrap.dedent(code))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(SNIPPETS),
           "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8"}
    if out_dir is not None:
        env["DECKGEN_OUT_DIR"] = str(out_dir)
    if tracing:
        env["DECKGEN_TRACE"] = "1"
    try:
        return subprocess.run([sys.executable, str(script)], env=env, cwd=cwd or out_dir,
                              capture_output=True, text=True, timeout=120)
    finally:
        script.unlink()


def traces_in(out_dir):
    """pid -> parsed trace file."""
    return {int(path.stem.split("-")[1]): json.loads(path.read_text())
            for path in pathlib.Path(out_dir).glob("trace-*.json")}


def spans(trace, name=None):
    return [e for e in trace["traceEvents"]
            if e["ph"] == "X" and (name is None or e["name"] == name)]


def lane_names(trace):
    """tid -> thread_name metadata."""
    return {e["tid"]: e["args"]["name"] for e in trace["traceEvents"]
            if e["ph"] == "M" and e["name"] == "thread_name"}


def process_name(trace):
    [event] = [e for e in trace["traceEvents"] if e["ph"] == "M" and e["name"] == "process_name"]
    return event["args"]["name"]


class SnippetTestCase(unittest.TestCase):
    def setUp(self):
        self.out_dir = pathlib.Path(tempfile.mkdtemp(prefix="deckgen-trace-test-"))
        self.addCleanup(shutil.rmtree, self.out_dir)

    def run_ok(self, code, **options):
        result = run_snippet(code, self.out_dir, **options)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def only_trace(self):
        traces = traces_in(self.out_dir)
        self.assertEqual(len(traces), 1, sorted(os.listdir(self.out_dir)))
        return next(iter(traces.values()))


class TraceFileTest(SnippetTestCase):
    def test_spans_are_complete_events_with_the_required_fields(self):
        self.run_ok("""
            import deckgen_trace as dt
            with dt.span("block", size=3) as s:
                s.set(result=7)
            @dt.span("named")
            def f(): pass
            class Outer:
                @dt.traced
                def method(self): pass
            @dt.span
            def bare(): pass
            f(); Outer().method(); bare()
        """)
        trace = self.only_trace()
        self.assertEqual(trace["displayTimeUnit"], "ms")
        events = spans(trace)
        self.assertEqual(sorted(e["name"] for e in events),
                         ["Outer.method", "bare", "block", "named"])
        for event in events:
            self.assertLessEqual(REQUIRED_SPAN_FIELDS, event.keys())
            self.assertGreaterEqual(event["dur"], 0)
            self.assertIn("cpu_us", event["args"])
        [block] = spans(trace, "block")
        self.assertEqual(block["args"]["size"], 3)
        self.assertEqual(block["args"]["result"], 7)
        for event in trace["traceEvents"]:
            self.assertLessEqual({"ph", "name", "pid", "tid"}, event.keys())

    def test_timestamps_are_monotonic_clock_microseconds(self):
        # CLOCK_MONOTONIC is shared by every process, so this process's clock
        # brackets the snippet's timestamps.
        before_us = time.monotonic_ns() / 1000
        self.run_ok("""
            import deckgen_trace as dt
            with dt.span("a"):
                dt.instant("i")
        """)
        after_us = time.monotonic_ns() / 1000
        for event in self.only_trace()["traceEvents"]:
            if event["ph"] != "M":
                self.assertTrue(before_us <= event["ts"] <= after_us, event)

    def test_a_span_left_by_an_exception_names_it_and_lets_it_through(self):
        result = self.run_ok("""
            import deckgen_trace as dt
            @dt.span("parse")
            def parse(): raise ValueError("bad")
            try:
                parse()
            except ValueError:
                print("propagated")
        """)
        self.assertEqual(result.stdout, "propagated\n")
        [event] = spans(self.only_trace(), "parse")
        self.assertEqual(event["args"]["error"], "ValueError")

    def test_instants_and_counters(self):
        self.run_ok("""
            import deckgen_trace as dt
            dt.instant("sent", bytes=10)
            dt.counter("queue", depth=3)
        """)
        events = {e["ph"]: e for e in self.only_trace()["traceEvents"] if e["ph"] in "iC"}
        self.assertEqual(events["i"]["name"], "sent")
        self.assertEqual(events["i"]["args"], {"bytes": 10})
        self.assertEqual(events["C"]["name"], "queue")
        self.assertEqual(events["C"]["args"], {"depth": 3})

    def test_snippet_id_and_run_index_are_kept(self):
        script = self.out_dir / "s.py"
        script.write_text("import deckgen_trace as dt\nwith dt.span('a'): pass\n")
        env = {"PYTHONPATH": str(SNIPPETS), "DECKGEN_OUT_DIR": str(self.out_dir),
               "DECKGEN_TRACE": "1", "DECKGEN_SNIPPET_ID": "gil", "DECKGEN_RUN_INDEX": "-1"}
        subprocess.run([sys.executable, str(script)], env=env, check=True, timeout=60)
        other = self.only_trace()["otherData"]
        self.assertEqual((other["snippet_id"], other["run_index"]), ("gil", "-1"))

    def test_events_beyond_the_cap_are_counted_not_kept(self):
        self.run_ok("""
            import deckgen_trace as dt
            dt._MAX_EVENTS = 5
            for _ in range(8):
                with dt.span("s"): pass
        """)
        trace = self.only_trace()
        self.assertEqual(len(spans(trace)), 5)
        self.assertEqual(trace["otherData"]["dropped_events"], 3)


class ThreadTest(SnippetTestCase):
    def test_each_thread_is_a_named_lane_and_waiting_shows_as_little_cpu(self):
        self.run_ok("""
            import threading, time
            import deckgen_trace as dt
            def compute():
                with dt.span("compute"):
                    until = time.thread_time() + 0.02
                    while time.thread_time() < until: pass
            def wait():
                with dt.span("wait"):
                    time.sleep(0.05)
            with dt.span("main"):
                threads = [threading.Thread(target=compute, name="worker-1"),
                           threading.Thread(target=wait, name="worker-2")]
                for t in threads: t.start()
                for t in threads: t.join()
        """)
        trace = self.only_trace()
        names = lane_names(trace)
        [compute], [wait], [main] = (spans(trace, n) for n in ("compute", "wait", "main"))
        self.assertEqual(names[compute["tid"]], "worker-1")
        self.assertEqual(names[wait["tid"]], "worker-2")
        self.assertEqual(names[main["tid"]], "MainThread")
        self.assertEqual(main["tid"], main["pid"])
        self.assertGreaterEqual(compute["args"]["cpu_us"], 20_000)
        self.assertLess(wait["args"]["cpu_us"], wait["dur"] / 2)

    def test_lanes_are_ordered_by_when_they_start(self):
        self.run_ok("""
            import threading
            import deckgen_trace as dt
            with dt.span("main"):
                t = threading.Thread(target=lambda: dt.instant("x"), name="late")
                t.start(); t.join()
        """)
        trace = self.only_trace()
        order = {e["tid"]: e["args"]["sort_index"] for e in trace["traceEvents"]
                 if e["name"] == "thread_sort_index"}
        by_name = {name: order[tid] for tid, name in lane_names(trace).items()}
        self.assertLess(by_name["MainThread"], by_name["late"])

    def test_name_thread_renames_the_lane(self):
        self.run_ok("""
            import threading
            import deckgen_trace as dt
            with dt.span("before"): pass
            dt.name_thread("coordinator")
            print(threading.current_thread().name)
        """)
        trace = self.only_trace()
        self.assertEqual(lane_names(trace)[spans(trace, "before")[0]["tid"]], "coordinator")


class AsyncioTest(SnippetTestCase):
    def test_each_task_is_a_named_lane(self):
        self.run_ok("""
            import asyncio
            import deckgen_trace as dt
            async def fetch(i):
                with dt.span("fetch", i=i):
                    await asyncio.sleep(0.01)
            async def main():
                await asyncio.gather(*(asyncio.create_task(fetch(i), name=f"fetch-{i}")
                                       for i in range(3)))
            asyncio.run(main())
        """)
        trace = self.only_trace()
        names = lane_names(trace)
        fetches = spans(trace, "fetch")
        self.assertEqual(len({e["tid"] for e in fetches}), 3)
        for event in fetches:
            expected = f"fetch-{event['args']['i']}"
            self.assertEqual(names[event["tid"]], expected)
            self.assertEqual(event["args"]["task"], expected)

    def test_a_decorated_coroutine_counts_only_its_own_cpu_time(self):
        # While `waiter` sleeps, `hog` keeps the thread busy for 50 ms.
        self.run_ok("""
            import asyncio, time
            import deckgen_trace as dt
            @dt.span("waiter")
            async def waiter():
                await asyncio.sleep(0.01)
                return "woke"
            async def hog():
                await asyncio.sleep(0)
                with dt.span("hog"):
                    until = time.thread_time() + 0.05
                    while time.thread_time() < until: pass
            async def blocked_with_block():
                with dt.span("block-form"):
                    await asyncio.sleep(0.01)
            async def main():
                results = await asyncio.gather(waiter(), hog(), blocked_with_block())
                assert results[0] == "woke", results
            asyncio.run(main())
        """)
        trace = self.only_trace()
        [waiter], [block_form] = spans(trace, "waiter"), spans(trace, "block-form")
        self.assertGreaterEqual(waiter["dur"], 50_000)
        self.assertLess(waiter["args"]["cpu_us"], 10_000)
        # A `with` span cannot tell its task's CPU time from the others' on the thread.
        self.assertNotIn("cpu_us", block_form["args"])
        self.assertIn("thread_cpu_us", block_form["args"])

    def test_a_cancelled_coroutine_says_so(self):
        self.run_ok("""
            import asyncio
            import deckgen_trace as dt
            @dt.traced
            async def slow():
                await asyncio.sleep(10)
            async def main():
                task = asyncio.create_task(slow(), name="slow-task")
                await asyncio.sleep(0.01)
                task.cancel()
                try:
                    await task
                except asyncio.CancelledError:
                    print("cancelled")
            asyncio.run(main())
        """)
        [event] = spans(self.only_trace(), "slow")
        self.assertEqual(event["args"]["error"], "CancelledError")
        self.assertEqual(event["args"]["task"], "slow-task")
        self.assertLess(event["dur"], 5_000_000)


MULTIPROCESSING_SNIPPET = """
    import multiprocessing as mp, os, sys, time
    import deckgen_trace as dt

    def child():
        with dt.span("child-work"): pass

    def task(i):
        with dt.span("task", i=i):
            time.sleep(0.02)    # long enough for both workers to get tasks
        return os.getpid()

    if __name__ == "__main__":
        context = mp.get_context(sys.argv[1] if len(sys.argv) > 1 else "{method}")
        with dt.span("before-children"): pass
        process = context.Process(target=child, name="child-a")
        process.start(); process.join()
        # `with Pool` ends with Pool.terminate(): SIGTERM to the workers.
        with context.Pool(2) as pool:
            pool.map(task, range(4), chunksize=1)
        print(process.pid)
"""


class MultiprocessingTest(SnippetTestCase):
    def test_every_process_writes_its_own_file_with_each_start_method(self):
        for method in ("fork", "spawn", "forkserver"):
            with self.subTest(method=method):
                for path in self.out_dir.iterdir():
                    path.unlink()
                result = self.run_ok(MULTIPROCESSING_SNIPPET.replace("{method}", method))
                child_pid = int(result.stdout)
                traces = traces_in(self.out_dir)
                for pid, trace in traces.items():
                    self.assertEqual({e["pid"] for e in trace["traceEvents"]}, {pid})
                main = [t for t in traces.values() if spans(t, "before-children")]
                self.assertEqual(len(main), 1)
                self.assertEqual(process_name(main[0]), "MainProcess")
                self.assertEqual(process_name(traces[child_pid]), "child-a")
                # A forked child must not write its parent's events again.
                self.assertEqual([e["name"] for e in spans(traces[child_pid])], ["child-work"])
                tasks = [e for t in traces.values() for e in spans(t, "task")]
                self.assertEqual(sorted(e["args"]["i"] for e in tasks), [0, 1, 2, 3])
                workers = {e["pid"] for e in tasks}
                for pid in workers:
                    self.assertIn("PoolWorker", process_name(traces[pid]))

    def test_a_terminated_child_still_writes_its_trace(self):
        result = self.run_ok("""
            import multiprocessing as mp, time
            import deckgen_trace as dt
            def child(ready):
                with dt.span("started"): pass
                ready.set()
                with dt.span("interrupted"):
                    time.sleep(30)
            if __name__ == "__main__":
                ready = mp.Event()
                process = mp.Process(target=child, args=(ready,))
                process.start()
                ready.wait(); process.terminate(); process.join()
                print(process.exitcode, process.pid)
        """)
        exitcode, pid = map(int, result.stdout.split())
        self.assertEqual(exitcode, -15)     # still dies of the signal
        self.assertEqual([e["name"] for e in spans(traces_in(self.out_dir)[pid])], ["started"])

    def test_a_child_whose_main_thread_cannot_run_handlers_still_writes_and_dies(self):
        # SIGTERM blocked in the main thread stands in for a worker caught just
        # before it blocks in C (on a lock Pool.terminate() holds for good): no
        # Python handler can run there, yet the trace must be written.
        result = self.run_ok("""
            import multiprocessing as mp, signal, time
            import deckgen_trace as dt
            def child(ready):
                with dt.span("started"): pass
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
                ready.set()
                time.sleep(30)
            if __name__ == "__main__":
                ready = mp.Event()
                process = mp.get_context("fork").Process(target=child, args=(ready,))
                process.start()
                ready.wait(); process.terminate(); process.join(10)
                print(process.exitcode, process.pid)
        """)
        exitcode, pid = map(int, result.stdout.split())
        self.assertEqual(exitcode, -15)
        self.assertEqual([e["name"] for e in spans(traces_in(self.out_dir)[pid])], ["started"])


class MetricTest(SnippetTestCase):
    def test_metrics_are_written_without_tracing_one_file_per_process(self):
        result = self.run_ok("""
            import multiprocessing as mp, os
            import deckgen_trace as dt
            def child():
                dt.metric("child_value", 3)
            if __name__ == "__main__":
                with dt.span("ignored"): pass
                dt.metric("ns_per_switch", 1000.0, "ns")
                dt.metric("ns_per_switch", 812.5, "ns")
                process = mp.get_context("fork").Process(target=child)
                process.start(); process.join()
                print(os.getpid(), process.pid)
        """, tracing=False)
        main_pid, child_pid = map(int, result.stdout.split())
        self.assertEqual(sorted(os.listdir(self.out_dir)),
                         sorted([f"metrics-{main_pid}.json", f"metrics-{child_pid}.json"]))
        main = json.loads((self.out_dir / f"metrics-{main_pid}.json").read_text())
        self.assertEqual(main, {"metrics": {"ns_per_switch": {"value": 812.5, "unit": "ns"}}})
        child = json.loads((self.out_dir / f"metrics-{child_pid}.json").read_text())
        self.assertEqual(child, {"metrics": {"child_value": {"value": 3, "unit": ""}}})


OFF_MODE_SNIPPET = """
    import asyncio, threading
    import deckgen_trace as dt
    def plain(): return 1
    @dt.span("a")
    def decorated(): return 2
    @dt.traced
    async def coroutine(): return 3
    with dt.span("b", x=1) as s:
        s.set(y=2)
        t = threading.Thread(target=decorated); t.start(); t.join()
    dt.instant("c"); dt.counter("d", v=1); dt.metric("e", 1.0, "ns"); dt.flush()
    print(dt.span("x")(plain) is plain, dt.traced(plain) is plain, decorated(),
          asyncio.run(coroutine()), dt.enabled())
"""


class OffModeTest(SnippetTestCase):
    def test_without_deckgen_environment_nothing_is_written(self):
        result = run_snippet(OFF_MODE_SNIPPET, out_dir=None, tracing=False, cwd=self.out_dir)
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        # Functions come back undecorated: no cost per call.
        self.assertEqual(result.stdout, "True True 2 3 False\n")
        self.assertEqual(os.listdir(self.out_dir), [])

    def test_trace_flag_without_out_dir_is_off(self):
        result = run_snippet(OFF_MODE_SNIPPET, out_dir=None, tracing=True, cwd=self.out_dir)
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        self.assertEqual(os.listdir(self.out_dir), [])

    def test_out_dir_without_trace_flag_writes_only_metrics(self):
        self.run_ok(OFF_MODE_SNIPPET, tracing=False)
        [name] = os.listdir(self.out_dir)
        self.assertRegex(name, r"^metrics-\d+\.json$")


class AtomicWriteTest(SnippetTestCase):
    def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(self):
        # A file-size limit makes the second, larger write fail half-way, as a
        # full disk would.
        result = self.run_ok("""
            import os, resource, signal
            import deckgen_trace as dt
            with dt.span("first"): pass
            dt.flush()
            size = os.path.getsize(next(p for p in os.listdir(".") if p.startswith("trace-")))
            for _ in range(10_000):
                with dt.span("more"): pass
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (size + 4096, size + 4096))
            dt.flush()
            print("survived")
        """)
        self.assertEqual(result.stdout, "survived\n")
        self.assertIn("deckgen_trace: could not write", result.stderr)
        self.assertEqual(len(os.listdir(self.out_dir)), 1, os.listdir(self.out_dir))
        self.assertEqual([e["name"] for e in spans(self.only_trace())], ["first"])


@unittest.skipIf(shutil.which("g++") is None, "g++ is not installed")
class CppHeaderTest(SnippetTestCase):
    def setUp(self):
        super().setUp()
        self.binary = self.out_dir / "cpp_trace_check"
        compiled = subprocess.run(
            ["g++", "-std=c++17", "-Wall", "-Wextra", "-Wpedantic", "-Wshadow",
             "-Wconversion", "-Werror", "-pthread", "-I", str(SNIPPETS),
             str(pathlib.Path(__file__).with_name("cpp_trace_check.cpp")), "-o", str(self.binary)],
            capture_output=True, text=True, timeout=300)
        self.assertEqual(compiled.returncode, 0, compiled.stderr)
        self.run_dir = self.out_dir / "out"
        self.run_dir.mkdir()

    def run_binary(self, **env):
        result = subprocess.run([str(self.binary)], env=env, capture_output=True, text=True,
                                timeout=60)
        self.assertEqual((result.returncode, result.stdout, result.stderr), (0, "done\n", ""))

    def test_writes_a_trace_that_lines_up_with_python(self):
        before_us = time.monotonic_ns() / 1000
        self.run_binary(DECKGEN_OUT_DIR=str(self.run_dir), DECKGEN_TRACE="1")
        after_us = time.monotonic_ns() / 1000
        [trace] = traces_in(self.run_dir).values()
        names = lane_names(trace)
        [compute], [sleep], [main] = (spans(trace, n) for n in ("compute", "sleep", "main"))
        self.assertEqual(names[compute["tid"]], "worker-1")
        self.assertEqual(names[sleep["tid"]], "worker-2")
        self.assertEqual(names[main["tid"]], "main")
        self.assertEqual(process_name(trace), "cpp_trace_check")
        self.assertEqual(len(spans(trace, 'say "hi"\n')), 1)
        for event in spans(trace):
            self.assertLessEqual(REQUIRED_SPAN_FIELDS, event.keys())
            self.assertTrue(before_us <= event["ts"] <= event["ts"] + event["dur"] <= after_us)
        self.assertGreaterEqual(compute["args"]["cpu_us"], 20_000)
        self.assertLess(sleep["args"]["cpu_us"], sleep["dur"] / 2)
        phases = {e["ph"]: e for e in trace["traceEvents"]}
        self.assertEqual(phases["i"]["name"], "joined")
        self.assertEqual(phases["C"]["args"], {"value": 2})
        [metrics] = self.run_dir.glob("metrics-*.json")
        self.assertEqual(json.loads(metrics.read_text()),
                         {"metrics": {"ns_per_switch": {"value": 812.5, "unit": "ns"}}})
        self.assertEqual(len(os.listdir(self.run_dir)), 2)

    def test_without_tracing_only_metrics_and_without_out_dir_nothing(self):
        self.run_binary(DECKGEN_OUT_DIR=str(self.run_dir))
        [name] = os.listdir(self.run_dir)
        self.assertRegex(name, r"^metrics-\d+\.json$")
        os.unlink(self.run_dir / name)
        self.run_binary(DECKGEN_TRACE="1")
        self.assertEqual(os.listdir(self.run_dir), [])


if __name__ == "__main__":
    unittest.main()
