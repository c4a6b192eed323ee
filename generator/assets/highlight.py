# deckgen's build-time highlighter: reads [{"lang", "code"}, ...] as JSON on stdin and
# writes {"pygments": version, "html": [str | null, ...]} to stdout. Unknown languages
# give null so deckgen writes that block as plain escaped text.
import json
import sys

import pygments
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

formatter = HtmlFormatter(nowrap=True)
html = []
for block in json.load(sys.stdin):
    try:
        lexer = get_lexer_by_name(block["lang"], stripnl=False, ensurenl=False)
    except ClassNotFound:
        html.append(None)
        continue
    html.append(highlight(block["code"], lexer, formatter))
json.dump({"pygments": pygments.__version__, "html": html}, sys.stdout)
