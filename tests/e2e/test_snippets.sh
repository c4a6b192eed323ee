#!/usr/bin/env bash
# Real snippets in Python, C, C++ and shell that pass: their output on the slide, their
# runs in the report, and output that is hostile to a web page shown as text.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

new_deck ok
snippet ok hello.py <<'PY'
import os, sys
print("hello from python", os.environ["DECKGEN_SNIPPET_ID"], os.environ["DECKGEN_RUN_INDEX"])
print("cwd is scratch:", os.getcwd() == os.environ["DECKGEN_SCRATCH"] == os.environ["HOME"])
print("stdin:", sys.stdin.read())
PY
snippet ok empty.c <<'C'
int main(){}
C
snippet ok vec.cpp <<'CPP'
#include <iostream>
#include <numeric>
#include <vector>
int main() {
  std::vector<int> v(100);
  std::iota(v.begin(), v.end(), 1);
  std::cout << "sum " << std::accumulate(v.begin(), v.end(), 0) << "\n";
}
CPP
snippet ok args.sh <<'SH'
echo "args: $*"
echo "workers: $WORKERS"
SH
snippet ok oops.py <<'PY'
print("about to divide")
1 / 0
PY
snippet ok html.sh <<'SH'
printf '</script><img src=x onerror=alert(1)>\n'
printf '<b>bold?</b> & done\n'
SH
snippet ok bytes.sh <<'SH'
printf 'before \377\376 after\n'
printf '\033[31mred\033[0m\n'
SH
slides ok <<'MD'
---
python: /usr/bin/python3
---
# Python

```run
file: hello.py
runs: 2
warmup: 1
stdin: "fed in"
expect: {stdout: "hello from python hello 1", stdout_matches: "cwd is scratch: True"}
```

---

# C

```run
file: empty.c
runs: 3
show: [code, timing]
```

---

# C++

```run
file: vec.cpp
runs: 2
expect: {stdout: "sum 5050"}
```

---

# Shell

```run
file: args.sh
args: ["one", "two"]
env: {WORKERS: "4"}
runs: 1
```

---

# Expected failure

```run
file: oops.py
id: divide
runs: 1
warmup: 0
expect: {fails: true, stderr: ZeroDivisionError}
```

---

# Hostile output

```run
file: html.sh
runs: 1
```

```run
file: bytes.sh
runs: 1
```
MD

out=$WORK/ok/out/deck.html
report=$WORK/ok/out/report.json
expect_exit 0 "$DECKGEN" build "$WORK/ok/deck" -o "$out" --report "$report" --junit "$WORK/ok/out/junit.xml"
expect_stderr 'snippets: 7 passed, 0 failed, 7 in all'

report_check "$report" 'r["schema"] == "deckgen-report/1"'
report_check "$report" 'all(x["outcome"] == "passed" for x in r["snippets"])' "every snippet passed"
report_check "$report" '[x["id"] for x in r["snippets"]] == ["hello", "empty", "vec", "args", "divide", "html", "bytes"]'
report_check "$report" 's["hello"]["warmup_runs"] == 1 and len(s["hello"]["runs"]) == 2 and s["hello"]["stats"]["wall"]["n"] == 2'
report_check "$report" 's["hello"]["language"] == "python" and not s["hello"]["compiled"]'
report_check "$report" 's["empty"]["compiled"] and s["empty"]["compile_seconds"] > 0 and s["vec"]["compiled"]'
report_check "$report" 'all(run["exit_code"] == 0 and run["wall_seconds"] > 0 for x in r["snippets"][:4] for run in x["runs"])'
# The snippet's own peak RSS, not deckgen's: a C program that does nothing uses < 2 MB.
report_check "$report" 'max(run["max_rss_bytes"] for run in s["empty"]["runs"]) < 2 * 1024 * 1024' "int main(){} peak RSS under 2 MB"
report_check "$report" 's["empty"]["stats"]["rss"]["median"] > 0'
report_check "$report" 's["divide"]["runs"][0]["exit_code"] == 1'
report_check "$report" 'any(t["language"] == "python" and t["path"].startswith("/") and "Python 3" in t["version"] for t in r["provenance"]["tools"])'
report_check "$report" 'r["provenance"]["harness_overhead"]["true_wall"]["n"] > 0 and r["provenance"]["machine"]["logical_cores"] > 0'
grep -q 'tests="7" failures="0"' "$WORK/ok/out/junit.xml" || fail "junit: not 7 tests without failures"

# The slide shows the median run of the two, whichever that was.
expect_snippet_html "$out" hello "hello from python hello "
expect_snippet_html "$out" hello "cwd is scratch: True"
expect_snippet_html "$out" hello "stdin: fed in"
expect_snippet_html "$out" empty 'class="timing"'
expect_snippet_html "$out" empty '(n=3)'
expect_snippet_html "$out" vec "sum 5050"
expect_snippet_html "$out" args "args: one two"
expect_snippet_html "$out" args "workers: 4"
# An expected failure shows its output normally, with no error box.
expect_snippet_html "$out" divide "about to divide"
expect_snippet_html "$out" divide "ZeroDivisionError"
expect_no_snippet_html "$out" divide "snippet-error"
if grep -q 'class="snippet-error' "$out"; then fail "an error box on a deck where everything passed"; fi
# Output that looks like HTML is text: never a tag.
expect_snippet_html "$out" html '&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;'
expect_snippet_html "$out" html '&lt;b&gt;bold?&lt;/b&gt; &amp; done'
if grep -qF '<img src=x' "$out"; then fail "program output became an <img> tag"; fi
if grep -qF '</script><img' "$out"; then fail "program output closed a script"; fi
# Invalid UTF-8 is replaced and colour codes removed; the page stays valid UTF-8.
expect_snippet_html "$out" bytes "before �� after"
expect_snippet_html "$out" bytes "red"
"$PY" -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8", "strict")' "$out" || fail "the deck is not valid UTF-8"
if grep -q $'\033' "$out"; then fail "an escape character reached the deck"; fi
# A measured-on slide closes a deck that ran snippets.
expect_file_contains "$out" "$(uname -r)"

# A new `runs:` reruns a C snippet with the program the first build compiled, and the
# report says so; --no-cache compiles; `clean` takes the kept programs with the cache.
new_deck reuse
snippet reuse tiny.c <<'C'
#include <stdio.h>
int main(void) { puts("tiny"); return 0; }
C
reuse_slides() { printf '```run\nfile: tiny.c\nruns: %s\nwarmup: 0\nexpect: {stdout: tiny}\n```\n' "$1" | slides reuse; }
reuse_build() { expect_exit 0 "$DECKGEN" build "$WORK/reuse/deck" -o "$WORK/reuse/out/deck.html" --report "$WORK/reuse/$1.json" "${@:2}"; }
reuse_slides 2
reuse_build first
reuse_slides 3
reuse_build second
report_check "$WORK/reuse/first.json" 's["tiny"]["compiled"] and not s["tiny"]["compile_reused"] and s["tiny"]["compile_seconds"] > 0'
report_check "$WORK/reuse/second.json" 's["tiny"]["outcome"] == "passed" and not s["tiny"]["from_cache"] and len(s["tiny"]["runs"]) == 3'
first_compile=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["snippets"][0]["compile_seconds"])' "$WORK/reuse/first.json")
report_check "$WORK/reuse/second.json" "s['tiny']['compiled'] and s['tiny']['compile_reused'] and s['tiny']['compile_seconds'] == $first_compile" \
  "the second build reused the first build's program and reports its compile time"
[[ -n $(ls "$WORK/reuse/deck/.deckgen-cache/bin") ]] || fail "no compiled program kept in .deckgen-cache/bin"
reuse_slides 4
reuse_build third --no-cache
report_check "$WORK/reuse/third.json" 's["tiny"]["compiled"] and not s["tiny"]["compile_reused"] and len(s["tiny"]["runs"]) == 4'
expect_exit 0 "$DECKGEN" clean "$WORK/reuse/deck"
[[ ! -e $WORK/reuse/deck/.deckgen-cache ]] || fail "clean left $(ls -A "$WORK/reuse/deck/.deckgen-cache")"

finish
