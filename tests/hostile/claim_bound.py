# Prints a claim bound the expression parser once crashed on or took quadratic time over
# (issue 24, items 1 and 7): python3 claim_bound.py KIND
#   parens   30,000 nested parentheses      (segfaulted)
#   parens_100, parens_101   the two sides of the limit (100 deep)
#   mins     50,000 nested min(             (segfaulted)
#   minuses  100,000 unary minuses          (segfaulted; now read, it is a number)
#   flat_sum a flat sum of 40,000 terms     (took 34 s; now linear)
#   infinite 1/0                            (the claim held; now an input error)
#   nan      0/0
import sys

print({
    "parens": "(" * 30000 + "1" + ")" * 30000,
    "parens_100": "(" * 100 + "1e9" + ")" * 100,
    "parens_101": "(" * 101 + "1e9" + ")" * 101,
    "mins": "min(" * 50000 + "1" + ")" * 50000,
    "minuses": "-" * 100000 + "1e9",
    "flat_sum": " + ".join(["1e5"] * 40000),
    "infinite": "1/0",
    "nan": "0/0",
}[sys.argv[1]])
