"""What the docs checks share: the pages they read (README.md and docs/*.md), CommonMark's
rule for where a fenced block opens and closes, and how a check reports."""
import os
import re

FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")


def pages(repo):
    """README.md, then docs/*.md in name order, relative to the repository."""
    docs = sorted(os.path.join("docs", f) for f in os.listdir(os.path.join(repo, "docs")) if f.endswith(".md"))
    return ["README.md"] + docs


def fence_opening(line):
    """(indent, fence) when `line` opens a fenced block, else None. A backtick fence's info
    string holds no backtick, so ```` ```{python} ```` at the start of prose is a code span."""
    m = FENCE_OPEN.match(line)
    if not m or (m.group(2)[0] == "`" and "`" in m.group(3)):
        return None
    return len(m.group(1)), m.group(2)


def fence_closes(line, fence):
    """Whether `line` closes the block `fence` opened: the same character, at least as many."""
    return re.match(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$", line) is not None


def finish(problems, summary):
    """Prints each problem (once) and the summary; the exit status."""
    problems = list(dict.fromkeys(problems))
    for p in problems:
        print(f"FAIL: {p}")
    print(f"{summary}, {len(problems)} problem(s)")
    return 1 if problems else 0
