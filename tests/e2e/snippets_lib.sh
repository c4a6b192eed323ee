# Shared by the snippet end-to-end tests (sourced after lib.sh).
PY=/usr/bin/python3

# new_deck NAME: an empty deck folder $WORK/NAME/deck with its snippets folder beside it.
new_deck() { rm -rf "$WORK/$1"; mkdir -p "$WORK/$1/deck" "$WORK/$1/snippets"; }
# snippet DECK FILE: writes stdin to the snippets folder of deck DECK.
snippet() { mkdir -p "$(dirname "$WORK/$1/snippets/$2")"; cat >"$WORK/$1/snippets/$2"; }
# slides DECK: writes stdin as the deck's one Markdown file.
slides() { cat >"$WORK/$1/deck/01.md"; }

# report_check REPORT PYTHON_EXPR [what]: the expression holds for the report, where
# `r` is the parsed JSON and `s` maps each snippet id to its entry.
report_check() {
  local report=$1 expr=$2
  "$PY" - "$report" "$expr" <<'PY' || fail "report $(basename "$report"): ${3:-$expr}"
import json, sys
r = json.load(open(sys.argv[1]))
s = {x["id"]: x for x in r["snippets"]}
ok = eval(sys.argv[2])
if not ok:
    print("  not true:", sys.argv[2], file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}

# snippet_html DECK_HTML ID: the HTML of one snippet's box, on stdout.
snippet_html() {
  "$PY" - "$1" "$2" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
at = page.find('data-snippet="%s"' % sys.argv[2])
if at < 0:
    sys.exit(1)
ends = [e for e in (page.find('data-snippet="', at + 1), page.find("</section>", at)) if e >= 0]
print(page[at:min(ends)])
PY
}
# expect_snippet_html DECK_HTML ID TEXT: the snippet's box contains TEXT (fixed string).
expect_snippet_html() {
  local html
  html=$(snippet_html "$1" "$2") || { fail "no snippet '$2' on the deck"; return; }
  grep -qF -- "$3" <<<"$html" || fail "snippet '$2' on the deck lacks '$3'"
}
expect_no_snippet_html() {
  local html
  html=$(snippet_html "$1" "$2") || { fail "no snippet '$2' on the deck"; return; }
  if grep -qF -- "$3" <<<"$html"; then fail "snippet '$2' on the deck shows '$3'"; fi
}

# no_process MARKER: no process whose command line contains MARKER is left.
no_process() {
  local left
  left=$(pgrep -af -- "$1" | grep -v pgrep)
  [[ -z $left ]] || { fail "processes left: $left"; kill -KILL $(pgrep -f -- "$1") 2>/dev/null; }
}
