#!/usr/bin/env python3
"""Generate a synthetic N-slide Markdown deck for the benchmark (bench/render.sh).

Every slide has a heading, inline markup (emphasis, strong, code, links), a nested list
and speaker notes (a final paragraph starting `Note:`); every 2nd slide adds a 15-line
Python block and every 10th a GFM table. Slides are separated by a blank line and a line
`---`, which deckgen, marp and pandoc (a horizontal rule starts a new slide) all read as
a slide break, so one file serves every tool. There is no front matter: each tool would
treat a title differently (deckgen and pandoc add a title slide, marp does not).

The output depends only on the arguments: the same N and seed give the same bytes.

    bench/gen_deck.py 60 -o bench/work/deck-60.md
    bench/gen_deck.py 60 --folder bench/work/deck-60/   # one file per slide (deckgen only)
"""

import argparse
import pathlib
import random
import sys

WORDS = (
    "thread task event loop scheduler queue lock mutex future promise coroutine channel "
    "worker pool latency throughput cancel timeout deadline nursery signal buffer stream "
    "socket select await yield spawn join barrier semaphore atomic memory cache "
    "contention fairness starvation deadlock backpressure batch"
).split()

TOPICS = (
    "Structured concurrency", "Cancellation scopes", "Back-pressure", "Thread pools",
    "The event loop", "Timeouts and deadlines", "Channels", "Locks and fairness",
    "Measuring latency", "Async generators", "Blocking calls", "Error propagation",
)

PYTHON_NAMES = ("fetch", "handle", "worker", "producer", "consumer", "drain", "poll", "tick")


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def inline_sentence(rng, slide):
    """A sentence using every kind of inline markup the issue asks for."""
    a, b, c, d = (rng.choice(WORDS) for _ in range(4))
    return (
        f"{words(rng, 4).capitalize()} *{a} {b}* and **{c}** with `{d}_{slide}()`, "
        f"see [the {rng.choice(WORDS)} notes](https://example.org/{slide}/{a}) "
        f"for {words(rng, 3)}."
    )


def nested_list(rng, slide):
    lines = []
    for i in range(rng.randint(2, 3)):
        lines.append(f"- {words(rng, 3).capitalize()} *{rng.choice(WORDS)}*")
        for j in range(rng.randint(1, 3)):
            lines.append(f"  - {words(rng, 4)} `{rng.choice(WORDS)}`")
            if (i + j + slide) % 3 == 0:
                lines.append(f"    1. {words(rng, 3)} **{rng.choice(WORDS)}**")
                lines.append(f"    2. {words(rng, 3)}")
    return lines


def table(rng, slide):
    lines = ["| variant | workers | p50 (ms) | p99 (ms) | notes |",
             "|---|--:|--:|--:|---|"]
    for row in range(5):
        p50 = rng.uniform(0.5, 20)
        lines.append(
            f"| {rng.choice(WORDS)}-{slide}-{row} | {2 ** rng.randint(0, 6)} "
            f"| {p50:.2f} | {p50 * rng.uniform(1.5, 6):.2f} | *{words(rng, 2)}* |")
    return lines


def python_block(rng, slide):
    """Exactly 15 lines of plausible Python, different on every slide."""
    name = f"{rng.choice(PYTHON_NAMES)}_{slide}"
    n = rng.randint(2, 64)
    body = [
        "import time",
        "from collections import deque",
        "",
        f"def {name}(items, limit={n}):",
        f'    """{words(rng, 5).capitalize()}."""',
        "    queue = deque(items)",
        "    done = []",
        "    started = time.perf_counter()",
        "    while queue and len(done) < limit:",
        "        item = queue.popleft()",
        f"        done.append(item * {rng.randint(2, 9)} + {rng.randint(0, 99)})",
        "    elapsed = time.perf_counter() - started",
        f'    print(f"{name}: {{len(done)}} items in {{elapsed:.6f}} s")',
        "    return done",
        f"{name}(range({rng.randint(10, 1000)}))",
    ]
    assert len(body) == 15
    return ["```python", *body, "```"]


def slide_lines(rng, slide):
    lines = [f"## {slide}. {rng.choice(TOPICS)}: {rng.choice(WORDS)}", "",
             inline_sentence(rng, slide), ""]
    lines += nested_list(rng, slide) + [""]
    if slide % 2 == 0:
        lines += python_block(rng, slide) + [""]
    if slide % 10 == 0:
        lines += table(rng, slide) + [""]
    if slide % 5 == 3:
        lines += [f"### {words(rng, 2).capitalize()}", "", inline_sentence(rng, slide), ""]
    lines += [f"Note: {inline_sentence(rng, slide)} {words(rng, 12).capitalize()}."]
    return lines


def generate(count, seed):
    """Return the slides as a list of Markdown strings, without separators."""
    rng = random.Random(seed)
    return ["\n".join(slide_lines(rng, s)) + "\n" for s in range(1, count + 1)]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slides", type=int, help="number of slides")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    parser.add_argument("-o", "--output", type=pathlib.Path,
                        help="write one .md file, slides separated by `---` (default: stdout)")
    parser.add_argument("--folder", type=pathlib.Path,
                        help="also write one .md file per slide into this folder")
    args = parser.parse_args(argv)
    if args.slides < 1:
        parser.error("slides must be at least 1")

    slides = generate(args.slides, args.seed)
    deck = "\n---\n\n".join(slides)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(deck, encoding="utf-8")
    elif not args.folder:
        sys.stdout.write(deck)
    if args.folder:
        args.folder.mkdir(parents=True, exist_ok=True)
        width = len(str(args.slides))
        for old in args.folder.glob("*.md"):
            old.unlink()
        for i, text in enumerate(slides, 1):
            (args.folder / f"{i:0{width}d}.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
