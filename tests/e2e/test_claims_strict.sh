#!/usr/bin/env bash
# --strict and skipped claims (issue 21): a claim whose `when:` is false here is skipped,
# visibly; under --strict that fails the check unless the claim block says `skip_ok: true`.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

new_deck s
snippet s a.py <<<'print("a")'
snippet s b.py <<<'print("b")'
claim_slides() {
  slides s <<MD
---
python: /usr/bin/python3
---
\`\`\`run
file: a.py
runs: 3
warmup: 0
\`\`\`

\`\`\`run
file: b.py
runs: 3
warmup: 0
\`\`\`

\`\`\`claim
faster: a
than: b
when: machine.cores >= 100000
$1
\`\`\`
MD
}
check() { expect_exit "$1" "$DECKGEN" check "$WORK/s/deck" "${@:2}"; }

claim_slides ""
check 0                      # skipped is not a failure without --strict
expect_stderr "1 skipped"
check 1 --strict --junit "$WORK/s/junit.xml"
expect_stderr "01.md:16:1: error: claim skipped: needs 100000\+ cores; .*\(--strict\); .*add \`skip_ok: true\`"
expect_file_contains "$WORK/s/junit.xml" '<failure message="--strict: skipped: needs 100000+ cores'

claim_slides "skip_ok: true"
check 0 --strict --junit "$WORK/s/junit.xml"
expect_stderr "1 skipped"
expect_file_contains "$WORK/s/junit.xml" '<skipped message="skipped: needs 100000+ cores'
finish
