#!/usr/bin/env python3
"""Every fenced example in README.md and docs/*.md, built or run by the real binary.

    doc_examples.py DECKGEN REPO [DOC_FILE:LINE ...]

Each fenced block in the docs carries a marker on the line just above it that says what
it is and how it is checked (a fence without one fails the test, so a new example cannot
go untested):

    <!-- doc-example: deck [with=PRELUDE] [may-fail=claims] [warns=TEXT] -->
        the block is a deck file: built in a folder with tests/docs/fixture's images,
        stylesheet and snippets; with=PRELUDE puts tests/docs/preludes/PRELUDE.md
        (run blocks the example refers to) before it.
    <!-- doc-example: front-matter -->
        the block is front matter YAML: built as the front matter of a one-slide deck.
    <!-- doc-example: snippet [lang=python] [with=FILE] -->
        the block is a snippet's code: run (traced) as a run block's file, after
        tests/docs/preludes/FILE, which defines what the example leaves to its reader.
    <!-- doc-example: commands -->
        each `deckgen ...` line runs in order in an empty folder (`cd` follows); watch
        and present are stopped once they serve.
    <!-- doc-example: synopsis -->
        each `deckgen COMMAND [--option]` line names a command and options the binary
        has, and every command the binary has is listed.
    <!-- doc-example: parsed -->
        command lines too long to run in a test: each deckgen command and option
        exists, and each other program is one of the repository's.
    <!-- doc-example: output of=SCENARIO [numbers] -->
        tests/docs/scenarios/SCENARIO.sh (run with $DECKGEN, in an empty folder) prints
        output holding every line of the block; with `numbers`, any number matches a
        number in the block.
    <!-- doc-example: report -->
        the block is the JSON report's schema: it names every field of the report of a
        deck with measured snippets and decided claims.
    <!-- doc-example: not-built REASON -->
        not a deck, a slide, front matter or a deckgen command line (a schema, a
        snippet's code, another script's output): REASON says what it is.

The example decks in docs/ (docs/example, docs/claims-example) are built too. A failure
names the doc's file:line and, for an error inside the example, the line it points at.
Giving DOC_FILE:LINE arguments checks only those examples.
"""
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from doc_pages import fence_closes, fence_opening, finish, pages

MARKER = re.compile(r"^<!--\s*doc-example:\s*(.*?)\s*-->\s*$")
BUILD_TIMEOUT = 240


class Example:
    def __init__(self, doc, line, marker, body):
        self.doc, self.line, self.marker, self.body = doc, line, marker, body

    @property
    def where(self):
        return f"{self.doc}:{self.line}"


def fences(text):
    """The fenced blocks of a CommonMark file: (line of the opening fence, body lines,
    the line above it). Nested fences (````markdown around ```run) are the outer block's body."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        opening = fence_opening(lines[i])
        if not opening:
            i += 1
            continue
        indent, fence = opening
        body, j = [], i + 1
        while j < len(lines) and not fence_closes(lines[j], fence):
            body.append(lines[j][indent:] if lines[j][:indent].strip() == "" else lines[j].lstrip())
            j += 1
        yield i + 1, body, lines[i - 1] if i > 0 else ""
        i = j + 1


def collect(repo):
    examples, problems = [], []
    for doc in pages(repo):
        with open(os.path.join(repo, doc), encoding="utf-8") as f:
            text = f.read()
        for line, body, above in fences(text):
            m = MARKER.match(above)
            if not m:
                problems.append(f"{doc}:{line}: a fenced block with no `<!-- doc-example: KIND -->` line above it: "
                                "say how a test builds it (see tests/docs/doc_examples.py)")
                continue
            examples.append(Example(doc, line, m.group(1), "\n".join(body) + "\n"))
    return examples, problems


class Failure(Exception):
    pass


def run(cmd, cwd, timeout=BUILD_TIMEOUT):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("FORCE_COLOR", None)
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, errors="replace", timeout=timeout)
    return p.returncode, p.stdout + p.stderr


def options(words):
    """key=value words of a marker (a key may repeat)."""
    out = {}
    for w in words:
        key, _, value = w.partition("=")
        out.setdefault(key, []).append(value)
    return out


def place(output, file_name, first_doc_line, ex):
    """Points the deck's file:line:col at the doc's line, for the reader of the failure."""
    def to_doc(m):
        return f"{m.group(0)} (= {ex.doc}:{first_doc_line + int(m.group(1)) - 1})"
    return re.sub(re.escape(file_name) + r":(\d+)(?::\d+)?", to_doc, output)


def unexpected(output, allowed):
    """The warning and error lines that hold none of the `allowed` texts."""
    bad = []
    for line in output.splitlines():
        if not re.search(r"\b(warning|error):", line):
            continue
        if any(a in line for a in allowed):
            continue
        bad.append(line)
    return bad


def build_deck(deckgen, folder, deck_dir, opts, describe):
    code, out = run([deckgen, "build", deck_dir, "-o", "out/deck.html"], folder)
    may_fail = "claims" in opts.get("may-fail", [])
    # Timings made beside other work are flagged, rightly: that is this machine's state,
    # not the example's.
    allowed = opts.get("warns", []) + ["the machine was busy"]
    if may_fail:
        # Claims are decided by what the stand-in snippets measure here, not by what the
        # slide it came from measured: their verdicts are not the example's to keep.
        allowed = allowed + ["claim", "Claim"]
    if code == 2:
        raise Failure(f"no longer builds (exit 2, an input error):\n{describe(out)}")
    if code not in (0, 1) or (code == 1 and not may_fail):
        raise Failure(f"the build exited {code}:\n{describe(out)}")
    if not os.path.isfile(os.path.join(folder, "out/deck.html")):
        raise Failure(f"the build wrote no deck:\n{describe(out)}")
    bad = unexpected(out, allowed)
    if bad:
        raise Failure("the build says something is wrong with it:\n" + describe("\n".join(bad)))
    return out


def fixture(repo, work):
    shutil.copytree(os.path.join(repo, "tests/docs/fixture"), work, dirs_exist_ok=True)


def check_deck(ex, opts, deckgen, repo, work, front_matter=False):
    fixture(repo, work)
    name = "deck/20-example.md"
    body = f"---\n{ex.body}---\n\n# A slide\n" if front_matter else ex.body
    for prelude in opts.get("with", []):
        shutil.copy(os.path.join(repo, "tests/docs/preludes", prelude + ".md"), os.path.join(work, "deck/10-prelude.md"))
        if body.startswith("---\n"):
            raise Failure("an example with front matter must come first: it cannot take a prelude")
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        f.write(body)
    first = ex.line if front_matter else ex.line + 1
    build_deck(deckgen, work, "deck", opts, lambda out: place(out, name, first, ex))


def check_snippet(ex, opts, deckgen, repo, work):
    """A snippet's code, run as a snippet (traced) after the names it leaves to its reader."""
    fixture(repo, work)
    given = ""
    for prelude in opts.get("with", []):
        with open(os.path.join(repo, "tests/docs/preludes", prelude), encoding="utf-8") as f:
            given += f.read()
    name = "example" + {"python": ".py", "c": ".c", "cpp": ".cpp", "sh": ".sh"}[opts.get("lang", ["python"])[0]]
    with open(os.path.join(work, "snippets", name), "w", encoding="utf-8") as f:
        f.write(given + ex.body)
    with open(os.path.join(work, "deck", "20-example.md"), "w", encoding="utf-8") as f:
        f.write(f"# The example\n\n```run\nfile: {name}\ntrace: true\nruns: 1\nwarmup: 0\n```\n")
    first = ex.line + 1 - given.count("\n")

    def describe(out):  # a traceback's line of the file, as the doc's line
        return re.sub(re.escape(name) + r'", line (\d+)',
                      lambda m: f"{m.group(0)} (= {ex.doc}:{first + int(m.group(1)) - 1})", out)
    build_deck(deckgen, work, "deck", opts, describe)


def example_commands(body):
    """The command lines of a shell block, comments dropped, `a && b` split."""
    for line in body.splitlines():
        words = shlex.split(line, comments=True)
        while words:
            cut = words.index("&&") if "&&" in words else len(words)
            yield words[:cut]
            words = words[cut + 1:]


def serve_until_url(deckgen, args, cwd):
    """Starts watch or present, waits until it prints the URL it serves, stops it (Ctrl-C)."""
    env = dict(os.environ, NO_COLOR="1")
    p = subprocess.Popen([deckgen] + args + ["--port", "0"], cwd=cwd, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True, errors="replace", start_new_session=True)
    seen = []
    # A server that never prints its address would block the read below: it is killed then.
    timer = threading.Timer(BUILD_TIMEOUT, lambda: p.poll() is None and os.killpg(p.pid, signal.SIGKILL))
    timer.start()
    try:
        for line in p.stdout:
            seen.append(line)
            if re.search(r"http://127\.0\.0\.1:\d+/", line):
                break
        else:
            raise Failure(f"`deckgen {' '.join(args)}` ended without serving (exit {p.wait()}):\n{''.join(seen)}")
    finally:
        timer.cancel()
        if p.poll() is None:
            os.kill(p.pid, signal.SIGINT)
        try:
            code = p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            raise Failure(f"`deckgen {' '.join(args)}` did not stop on Ctrl-C")
    rest = p.stdout.read()
    if code != 0:
        raise Failure(f"`deckgen {' '.join(args)}` exited {code} on Ctrl-C:\n{''.join(seen)}{rest}")
    bad = unexpected("".join(seen), ["the machine was busy"])
    if bad:
        raise Failure(f"`deckgen {' '.join(args)}` says something is wrong:\n" + "\n".join(bad))


def check_commands(ex, opts, deckgen, repo, work):
    cwd = work
    for words in example_commands(ex.body):
        if words[0] == "cd":
            cwd = os.path.join(cwd, words[1])
            continue
        if words[0] != "deckgen":
            raise Failure(f"`{' '.join(words)}` is not a deckgen command: mark the block not-built, or split it")
        if words[1] in ("watch", "present"):
            serve_until_url(deckgen, words[1:], cwd)
            continue
        code, out = run([deckgen] + words[1:], cwd)
        # A claim decided on timed runs is honestly undecided on a machine busy with other
        # work (ctest -j2): that is the measurement's verdict, not the example's error.
        busy = code == 1 and "the machine was busy" in out and not re.search(r"\b(failed|fails)\b.*error:|error:.*\b(failed|fails)\b", out)
        if code != 0 and not busy:
            raise Failure(f"`{' '.join(words)}` exited {code}:\n{out}")


def deckgen_commands(deckgen, work):
    code, top = run([deckgen, "--help"], work)
    return set(re.findall(r"^  ([a-z]+)\s{2,}", top.split("Subcommands:")[-1], re.M))


def check_command_line(deckgen, work, commands, command, written):
    """That `command` is one of deckgen's and has every option in the text `written`."""
    if command not in commands:
        raise Failure(f"`deckgen {command}` is no command of deckgen's (it has {', '.join(sorted(commands))})")
    code, help_text = run([deckgen, command, "--help"], work)
    for option in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", written):
        if not re.search(r"(^|[ ,])" + re.escape(option) + r"\b", help_text, re.M):
            raise Failure(f"`deckgen {command}` has no option {option}:\n{help_text}")


def check_synopsis(ex, opts, deckgen, repo, work):
    commands = deckgen_commands(deckgen, work)
    listed = set()
    for line in ex.body.splitlines():
        words = line.split()
        if not words or words[0] != "deckgen" or words[1].startswith("-"):
            continue
        listed.add(words[1])
        check_command_line(deckgen, work, commands, words[1], line.split("  ")[0])
    missing = commands - listed
    if missing:
        raise Failure(f"deckgen has commands the synopsis does not list: {', '.join(sorted(missing))}")


def check_parsed(ex, opts, deckgen, repo, work):
    """Command lines too long to run in a test (they build the workshop deck): each deckgen
    command and option exists, and each other program is the repository's own."""
    commands = deckgen_commands(deckgen, work)
    for words in example_commands(ex.body):
        if os.path.basename(words[0]) == "deckgen":
            check_command_line(deckgen, work, commands, words[1], " ".join(words[2:]))
        elif not os.access(os.path.join(repo, words[0]), os.X_OK):
            raise Failure(f"`{words[0]}` is no program of the repository's")


def report_keys(value, out, names_below=False):
    """Every key of a JSON report, but the names a deck chooses (its metrics')."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if not names_below:
                out.add(key)
            report_keys(inner, out, names_below=key == "metrics" and not names_below)
    elif isinstance(value, list):
        for inner in value:
            report_keys(inner, out)
    return out


def check_report(ex, opts, deckgen, repo, work):
    """The schema names every field of a real report (of snippets measured and claims
    decided): a field added to the report and not to its schema fails."""
    fixture(repo, work)
    shutil.copy(os.path.join(repo, "tests/docs/preludes/measured.md"), os.path.join(work, "deck/10-prelude.md"))
    shutil.copy(os.path.join(repo, "tests/docs/preludes/claims.md"), os.path.join(work, "deck/20-claims.md"))
    code, out = run([deckgen, "build", "deck", "-o", "out/deck.html", "--report", "report.json"], work)
    if code not in (0, 1) or not os.path.isfile(os.path.join(work, "report.json")):
        raise Failure(f"could not be made: the build exited {code}:\n{out}")
    with open(os.path.join(work, "report.json"), encoding="utf-8") as f:
        keys = report_keys(json.load(f), set())
    named = set(re.findall(r'"([A-Za-z_][\w]*)"', ex.body))
    missing = sorted(keys - named)
    if missing:
        raise Failure(f"does not name fields a report has: {', '.join(missing)}")


def as_pattern(expected_line, numbers):
    if not numbers:
        return re.escape(expected_line)
    parts = re.split(r"\d+(?:\.\d+)?", expected_line)
    return r"\d+(?:\.\d+)?".join(re.escape(p) for p in parts)


def check_output(ex, opts, deckgen, repo, work):
    scenario = os.path.join(repo, "tests/docs/scenarios", opts["of"][0] + ".sh")
    env = dict(os.environ, NO_COLOR="1", DECKGEN=deckgen, FIXTURE=os.path.join(repo, "tests/docs/fixture"))
    p = subprocess.run(["bash", scenario], cwd=work, env=env, capture_output=True, text=True, errors="replace",
                       timeout=BUILD_TIMEOUT)
    if p.returncode != 0:
        raise Failure(f"its scenario {opts['of'][0]}.sh failed (exit {p.returncode}):\n{p.stdout}{p.stderr}")
    got = p.stdout.splitlines()
    for expected in ex.body.splitlines():
        if not expected.strip():
            continue
        pattern = re.compile(r"^\s*" + as_pattern(expected.strip(), "numbers" in opts) + r"\s*$")
        if not any(pattern.match(g) for g in got):
            raise Failure(f"deckgen no longer prints\n  {expected.strip()}\nIt printed:\n{p.stdout}")


KINDS = {
    "deck": check_deck,
    "front-matter": lambda ex, opts, *rest: check_deck(ex, opts, *rest, front_matter=True),
    "snippet": check_snippet,
    "commands": check_commands,
    "synopsis": check_synopsis,
    "parsed": check_parsed,
    "output": check_output,
    "report": check_report,
}

# The example decks in docs/, and what building them must give.
EXAMPLE_DECKS = [
    # One claim fails on purpose (the red box in docs/images): exit 1 is expected.
    ("docs/example", {"may-fail": ["claims"]}),
    # Its metrics do not depend on the machine: one claim holds, one is undecided (amber).
    ("docs/claims-example/deck", {"warns": ["claim undecided"], "says": ["claims: 1 hold, 0 failed, 1 undecided"]}),
]


def check_example_deck(path, opts, deckgen, repo, work):
    # At the same depth as in the repository: docs/example reads the workshop's snippets
    # by a path relative to it (../../snippets).
    top = path.split("/")[1]
    shutil.copytree(os.path.join(repo, "docs", top), os.path.join(work, "docs", top))
    os.symlink(os.path.join(repo, "snippets"), os.path.join(work, "snippets"))
    out = build_deck(deckgen, work, path, opts, lambda out: out)
    for words in opts.get("says", []):
        if words not in out:
            raise Failure(f"no longer says \"{words}\":\n{out}")


def main():
    deckgen, repo = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
    only = set(sys.argv[3:])
    examples, problems = collect(repo)
    checked = 0
    for ex in examples:
        if only and ex.where not in only:
            continue
        kind, _, rest = ex.marker.partition(" ")
        if kind == "not-built":
            if not rest.strip():
                problems.append(f"{ex.where}: not-built needs a reason")
            continue
        try:
            opts = options(shlex.split(rest))
        except ValueError as e:
            problems.append(f"{ex.where}: its doc-example line does not read: {e}")
            continue
        if kind not in KINDS:
            problems.append(f"{ex.where}: unknown doc-example kind '{kind}' (known: {', '.join(KINDS)}, not-built)")
            continue
        with tempfile.TemporaryDirectory(prefix="doc-example-") as work:
            started = time.monotonic()
            try:
                KINDS[kind](ex, opts, deckgen, repo, work)
                print(f"ok   {ex.where} ({kind}, {time.monotonic() - started:.1f} s)", flush=True)
            except (Failure, subprocess.TimeoutExpired) as e:
                problems.append(f"{ex.where}: the {kind} example {e}")
                print(f"FAIL {ex.where} ({kind})", flush=True)
        checked += 1
    for path, opts in EXAMPLE_DECKS:
        if only and path not in only:
            continue
        with tempfile.TemporaryDirectory(prefix="doc-example-") as work:
            try:
                started = time.monotonic()
                check_example_deck(path, opts, deckgen, repo, work)
                print(f"ok   {path} ({time.monotonic() - started:.1f} s)", flush=True)
            except (Failure, subprocess.TimeoutExpired) as e:
                problems.append(f"{path}: the example deck {e}")
        checked += 1
    return finish(problems, f"{checked} examples checked")


if __name__ == "__main__":
    sys.exit(main())
