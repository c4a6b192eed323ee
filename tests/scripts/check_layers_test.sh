#!/usr/bin/env bash
# scripts/check_layers: passes on the tree as it is, and fails, naming file:line and the
# edge, on a copy with one forbidden include injected (later layer, peer, a forbidden
# edge, an unknown folder).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
check="$repo/scripts/check_layers"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

"$check" "$repo/generator" || fail "the tree itself breaks the layer order"

# Copies generator/ and appends one include line to FILE; expects check_layers to
# exit 1 with a message containing each of the remaining arguments.
expect_rejected() {
  local file=$1 include=$2; shift 2
  rm -rf "$work/generator" && cp -r "$repo/generator" "$work/generator"
  mkdir -p "$(dirname "$work/generator/$file")"
  echo "#include \"$include\"" >> "$work/generator/$file"
  local line rc=0
  line=$(wc -l < "$work/generator/$file")
  "$check" "$work/generator" 2> "$work/err" || rc=$?
  [[ $rc == 1 ]] || fail "$file including $include: exit $rc, expected 1"
  grep -qF "generator/$file:$line:" "$work/err" || fail "$file including $include: no file:line in: $(cat "$work/err")"
  for want in "$@"; do
    grep -qF -- "$want" "$work/err" || fail "$file including $include: '$want' not in: $(cat "$work/err")"
  done
}

expect_rejected model/document.h measure/stats.h "model may not include measure/stats.h" "later layer"
expect_rejected read/markdown.cpp plan/plan.h "read may not include plan/plan.h" "peer"
expect_rejected run/execute.cpp measure/stats.h "run may not include measure/stats.h"
expect_rejected render/slides.cpp run/process.h "render may not include run/process.h" "starts no process"
expect_rejected write/page.cpp cache/cache_store.h "write may not include cache/cache_store.h" "deckgen_page (util/ to write/)"
expect_rejected newstage/thing.cpp util/files.h "folder 'newstage' is not in"
expect_rejected util/text.cpp nowhere/x.h "from 'nowhere', which is not in LAYERS"
echo "check_layers: all cases as expected"
