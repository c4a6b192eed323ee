#!/usr/bin/env bash
# Snippets that fail: the deck is still written with an error box on the failing slide,
# the exit code is 1, CI files say which; `check` summarises; bad paths are input errors.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

new_deck bad
snippet bad fine.sh <<'SH'
echo fine
SH
snippet bad crash.py <<'PY'
print("partial output")
raise RuntimeError("the <b>real</b> problem")
PY
snippet bad broken.cpp <<'CPP'
int main() { return undeclared_thing; }
CPP
snippet bad broken.c <<'C'
int main(void) { return 0 }
C
snippet bad wrong_text.sh <<'SH'
echo "goodbye"
SH
slides bad <<'MD'
# Fine

```run
file: fine.sh
runs: 1
```

---

# Crash

```run
file: crash.py
runs: 3
warmup: 0
```

---

# C++ that does not compile

```run
file: broken.cpp
```

---

# C that does not compile

```run
file: broken.c
id: broken_c
```

---

# Wrong text

```run
file: wrong_text.sh
runs: 1
expect: {stdout: hello}
```
MD

out=$WORK/bad/out/deck.html
report=$WORK/bad/out/report.json
junit=$WORK/bad/out/junit.xml
expect_exit 1 "$DECKGEN" build "$WORK/bad/deck" -o "$out" --report "$report" --junit "$junit"
[[ -s $out ]] || fail "no deck written although only snippets failed"
expect_stderr "01.md:12:1: error: snippet 'crash' failed: exit status 1"
expect_stderr "01.md:22:1: error: snippet 'broken' failed: compilation failed"
expect_stderr "error: snippet 'wrong_text' failed: stdout does not contain \"hello\""
# The compiler's diagnostics reach the terminal, not just the slide.
expect_stderr "undeclared_thing"
expect_stderr 'snippets: 1 passed, 4 failed, 5 in all'

report_check "$report" 's["fine"]["outcome"] == "passed"'
report_check "$report" 's["crash"]["outcome"] == "failed" and s["crash"]["failure"] == "exit status 1"'
report_check "$report" 'len(s["crash"]["runs"]) == 1' "a failing run stops the remaining runs"
report_check "$report" 's["broken"]["failure"] == "compilation failed" and s["broken"]["runs"] == [] and s["broken_c"]["failure"] == "compilation failed"'
report_check "$report" 's["wrong_text"]["failure"] == "stdout does not contain \"hello\""'
grep -q 'tests="5" failures="4"' "$junit" || fail "junit: not 5 tests with 4 failures"
grep -q '<failure message="exit status 1">' "$junit" || fail "junit lacks the crash's failure"
grep -q 'RuntimeError' "$junit" || fail "junit lacks the crash's stderr"
"$PY" -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$junit" || fail "junit is not XML"

expect_snippet_html "$out" crash 'role="alert"'
expect_snippet_html "$out" crash 'crash: exit status 1'
expect_snippet_html "$out" crash 'RuntimeError: the &lt;b&gt;real&lt;/b&gt; problem'
expect_snippet_html "$out" crash 'partial output'
expect_snippet_html "$out" broken 'compilation failed'
expect_snippet_html "$out" broken 'undeclared_thing'
expect_snippet_html "$out" broken_c 'compilation failed'
expect_snippet_html "$out" broken_c 'error: expected'
# A traceback and a compiler error name the snippet as the deck does, not by the build
# machine's absolute path; the JUnit file keeps the program's own text.
expect_snippet_html "$out" crash 'File &quot;../snippets/crash.py&quot;'
expect_snippet_html "$out" broken '../snippets/broken.cpp'
grep -q "$WORK/bad/snippets" "$out" && fail "the deck shows the build machine's path $WORK/bad/snippets"
grep -q "$WORK/bad/snippets/crash.py" "$junit" || fail "junit lost the traceback's own path"
expect_snippet_html "$out" wrong_text 'goodbye'
expect_no_snippet_html "$out" fine 'snippet-error'

# check: runs everything, summarises, exits 1, writes no deck without -o.
cd "$WORK/bad" || exit 1
expect_exit 1 "$DECKGEN" check deck
expect_stderr 'snippets: 1 passed, 4 failed, 5 in all'
expect_stderr 'slowest: '
[[ ! -e $WORK/bad/output/deck.html ]] || fail "check wrote a deck without -o"
expect_exit 1 "$DECKGEN" check deck -o "$WORK/bad/checked.html"
[[ -s $WORK/bad/checked.html ]] || fail "check -o wrote no deck"
cd - >/dev/null || exit 1

new_deck good
snippet good a.sh <<<'echo a'
slides good <<<$'```run\nfile: a.sh\nruns: 1\n```'
expect_exit 0 "$DECKGEN" check "$WORK/good/deck"
expect_stderr 'snippets: 1 passed, 0 failed, 1 in all'

# A path leaving the snippets folder: input error at the block, nothing written.
new_deck escape
echo 'print("secret")' >"$WORK/escape/secret.py"
slides escape <<'MD'
# Escape

```run
file: ../secret.py
```
MD
echo previous >"$WORK/escape/deck.html"
expect_exit 2 "$DECKGEN" build "$WORK/escape/deck" -o "$WORK/escape/deck.html"
expect_stderr '01.md:4:7: error: .*outside the snippets folder'
[[ $(cat "$WORK/escape/deck.html") == previous ]] || fail "an input error changed the output"
slides escape <<<$'```run\nfile: /etc/passwd\nlang: sh\n```'
expect_exit 2 "$DECKGEN" build "$WORK/escape/deck" -o "$WORK/escape/deck.html"
expect_stderr '01.md:2:7: error: .*outside the snippets folder'

finish
