# Shared by the end-to-end tests: each test sources this with the deckgen binary as $1.
set -uo pipefail
DECKGEN=$(realpath "${1:?usage: test_x.sh path/to/deckgen}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# expect_exit CODE CMD...: runs CMD, keeps its stderr in $WORK/stderr, checks the code.
expect_exit() {
  local want=$1; shift
  "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  local got=$?
  [[ $got == "$want" ]] || fail "exit $got (wanted $want) from: $* -- stderr: $(cat "$WORK/stderr")"
}
expect_stderr() { grep -qE -- "$1" "$WORK/stderr" || fail "stderr lacks /$1/: $(cat "$WORK/stderr")"; }
expect_file_contains() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"; }
# wait_until SECONDS CMD...: true as soon as CMD is, false if it never is in time.
wait_until() {
  local limit=$1; shift
  local end=$((SECONDS + limit))
  until "$@"; do
    ((SECONDS < end)) || return 1
    sleep 0.1
  done
}
finish() {
  if ((failures)); then echo "$failures check(s) failed"; exit 1; fi
  echo "all checks passed"
}
