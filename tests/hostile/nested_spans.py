# A slide of bracketed spans (issue 24, item 1), nested LEVELS deep, or FLAT ones side by
# side: 16,000 nested segfaulted the reader's recursion, and 40,000 side by side took
# 9 s and 11 GB (each span copied the rest of the text).
#   nested_spans.py nested LEVELS >slide.md
#   nested_spans.py flat COUNT >slide.md
import sys

kind, n = sys.argv[1], int(sys.argv[2])
print("# Spans\n")
if kind == "nested":
    print("[" * n + "innermost" + "]{.fragment}" * n)
else:
    print("[shown]{.fragment} " * n)
