# deckgen's build-time highlighter: reads [{"lang", "code"}, ...] as JSON on stdin and
# writes {"pygments": version, "html": [str | null, ...]} to stdout. Unknown languages
# give null so deckgen writes that block as plain escaped text.
import json
import re
import sys

import pygments
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

# Names, punctuation and white space keep the code's own colour in deckgen's theme, so
# their spans are dropped: they were a fifth of a typical deck's bytes.
PLAIN_SPAN = re.compile(r'<span class="(?:n|p|w|o)">([^<]*)</span>')

formatter = HtmlFormatter(nowrap=True)
lexers = {}
html = []
for block in json.load(sys.stdin):
    lang = block["lang"]
    if lang not in lexers:
        try:
            lexers[lang] = get_lexer_by_name(lang, stripnl=False, ensurenl=False)
        except ClassNotFound:
            lexers[lang] = None
    lexer = lexers[lang]
    if lexer is None:
        html.append(None)
        continue
    html.append(PLAIN_SPAN.sub(r"\1", highlight(block["code"], lexer, formatter)))
json.dump({"pygments": pygments.__version__, "html": html}, sys.stdout)
